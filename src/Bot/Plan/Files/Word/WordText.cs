using System.Text;
using System.Text.RegularExpressions;

namespace CchcBot.Plan.Files.Word;

/// <summary>Text as Word stores it, made plain: spaces normalised, bullets, numbers and trailing punctuation taken off items.</summary>
internal static partial class WordText
{
    /// <summary>NFC; non-breaking, zero-width and other odd spaces made plain; whitespace collapsed and trimmed.</summary>
    public static string Clean(string text)
    {
        if (IsClean(text))
        {
            return text;
        }

        var normalized = SurelyNfc(text) ? text : text.Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && sb[^1] != ' ')
                {
                    sb.Append(' ');
                }

                continue;
            }

            sb.Append(c);
        }

        return sb.ToString().Trim();
    }

    /// <summary>
    /// Whether a text is surely in NFC without asking ICU: every character is below U+0300 (Latin, no combining marks) or
    /// a precomposed Latin letter of U+1E00–U+1EFF (Vietnamese's ạ, ế, ữ…). Each of these is unchanged by NFC and none
    /// composes with the one before it, so any text of them is NFC (WordTextTests checks every pair).
    /// </summary>
    internal static bool SurelyNfc(string text)
    {
        foreach (var c in text)
        {
            if (c >= '\u0300' && c is < '\u1E00' or > '\u1EFF')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Already what <see cref="Clean"/> makes of it: NFC, single plain spaces, nothing to trim or drop.</summary>
    private static bool IsClean(string text)
    {
        if (text.Length > 0 && (text[0] == ' ' || text[^1] == ' '))
        {
            return false;
        }

        var previous = 'x';
        foreach (var c in text)
        {
            if (c >= '\u0300' && c is < '\u1E00' or > '\u1EFF' || c == '\u00AD' || c == ' ' && previous == ' ' || c != ' ' && char.IsWhiteSpace(c))
            {
                return false;
            }

            previous = c;
        }

        return true;
    }

    /// <summary>One item as a person means it: without a leading bullet or "1." / "a)" and without trailing ";", "," or ".".</summary>
    public static string Item(string text)
    {
        var item = Clean(text);
        for (var changed = true; changed;)
        {
            var before = item;
            item = Bullet().Replace(item, string.Empty);
            item = Numbering().Replace(item, string.Empty);
            item = item.TrimEnd(';', ',', '.', ' ', ':').TrimStart();
            changed = item != before;
        }

        return item;
    }

    /// <summary>A heading without its number: "I. CẢI CÁCH THỂ CHẾ" → "CẢI CÁCH THỂ CHẾ".</summary>
    public static string WithoutHeadingNumber(string text) => Item(HeadingNumber().Replace(Clean(text), string.Empty));

    /// <summary>A cell that holds only a row number ("1", "I", "1.", "(3)").</summary>
    public static bool IsNumber(string text) => NumberOnly().IsMatch(Clean(text));

    [GeneratedRegex(@"^[-–—+•·*▪◦]\s*")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^(?:\d{1,3}|[a-zđ])[.)]\s+|^\d{1,3}\.(?=\p{Lu})")]
    private static partial Regex Numbering();

    [GeneratedRegex(@"^(?:(?:phần|phan|mục|muc)\s+)?(?:[IVXLC]{1,6}|\d{1,2}|[A-Z])\s*[.)\-–:]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingNumber();

    [GeneratedRegex(@"^\(?(?:\d{1,3}|[IVXLC]{1,6})\)?\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex NumberOnly();
}

/// <summary>One cell of a table placed on the table's grid, with its text (a cell merged from above takes the text of the cell it continues).</summary>
internal sealed record GridCell(int Column, int Span, IReadOnlyList<string> Lines, bool MergedFromAbove)
{
    public string Text => string.Join(' ', Lines);

    public bool Covers(int column) => column >= Column && column < Column + Span;
}

/// <summary>One row of a table on the grid.</summary>
internal sealed record GridRow(IReadOnlyList<GridCell> Cells, bool RepeatedHeader)
{
    /// <summary>Rows of a table, cells placed on the grid (w:gridBefore, w:gridSpan), vertical merges (w:vMerge) resolved.</summary>
    public static List<GridRow> Of(DocTable table)
    {
        var rows = new List<GridRow>(table.Rows.Count);
        var above = new Dictionary<int, IReadOnlyList<string>>();
        foreach (var row in table.Rows)
        {
            var column = Math.Max(0, row.GridBefore);
            var cells = new List<GridCell>(row.Cells.Count);
            foreach (var cell in row.Cells)
            {
                var lines = cell.Lines;
                if (cell.Continues && above.TryGetValue(column, out var upper))
                {
                    lines = upper;
                }

                above[column] = lines;
                cells.Add(new GridCell(column, cell.Span, lines, cell.Continues));
                column += cell.Span;
            }

            rows.Add(new GridRow(cells, row.Header));
        }

        return rows;
    }

    /// <summary>The cell at a grid column, or null when the row has none there.</summary>
    public GridCell? At(int column) => Cells.FirstOrDefault(c => c.Covers(column));

    /// <summary>Cells with text of their own (not merged from above).</summary>
    public IEnumerable<GridCell> Written => Cells.Where(c => !c.MergedFromAbove && c.Lines.Count > 0);
}

/// <summary>What a column of the task table holds, recognised by its folded header.</summary>
internal enum ColumnKind
{
    Number,
    Area,
    Task,
    Deliverables,
    Lead,
    Cooperating,
    Timeframe,
}

internal static class ColumnHeaders
{
    private static readonly (ColumnKind Kind, string[] Names)[] Known =
    [
        (ColumnKind.Number, ["STT", "TT", "Số TT", "Số thứ tự"]),
        (ColumnKind.Area, ["Nhiệm vụ chung", "Lĩnh vực", "Lĩnh vực cải cách", "Nội dung cải cách"]),
        (ColumnKind.Task, ["Nhiệm vụ cụ thể", "Nội dung nhiệm vụ", "Nội dung", "Nhiệm vụ", "Nội dung công việc", "Tên nhiệm vụ"]),
        (ColumnKind.Deliverables, ["Sản phẩm", "Kết quả", "Sản phẩm đầu ra", "Sản phẩm dự kiến", "Kết quả đầu ra", "Hình thức sản phẩm"]),
        (ColumnKind.Lead, ["Phòng tham mưu thực hiện", "Chủ trì", "Đơn vị chủ trì", "Cơ quan chủ trì", "Chủ trì thực hiện", "Đơn vị chủ trì thực hiện", "Cơ quan, đơn vị chủ trì", "Đơn vị thực hiện", "Phòng chủ trì"]),
        (ColumnKind.Cooperating, ["Phối hợp thực hiện", "Phối hợp", "Đơn vị phối hợp", "Cơ quan phối hợp", "Đơn vị phối hợp thực hiện", "Cơ quan, đơn vị phối hợp", "Phòng phối hợp"]),
        (ColumnKind.Timeframe, ["Thời gian thực hiện", "Thời gian hoàn thành", "Thời hạn", "Thời gian", "Thời hạn hoàn thành", "Thời gian thực hiện/hoàn thành", "Hoàn thành"]),
    ];

    private static readonly Lazy<Dictionary<string, ColumnKind>> Keys = new(() =>
        Known.SelectMany(k => k.Names.Select(n => (Key: Key(n), k.Kind))).DistinctBy(k => k.Key).ToDictionary(k => k.Key, k => k.Kind, StringComparer.Ordinal));

    public static ColumnKind? Recognise(string header)
    {
        return header.Length <= 80 && Keys.Value.TryGetValue(Key(header), out var kind) ? kind : null;
    }

    /// <summary>The header names of a kind, for a problem naming a missing column.</summary>
    public static string Names(ColumnKind kind) =>
        string.Join(", ", Known.Single(k => k.Kind == kind).Names.Take(4).Select(n => $"'{n}'"));

    private static string Key(string text) =>
        string.Concat(VietnameseText.Fold(text).Where(c => char.IsLetterOrDigit(c) || c == ' ' || c == '/')).Trim();
}
