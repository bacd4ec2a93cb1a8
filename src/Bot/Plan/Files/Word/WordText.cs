using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CchcBot.Plan.Files.Word;

/// <summary>Text as Word stores it, made plain: runs joined, soft breaks and paragraphs as lines, spaces normalised.</summary>
internal static partial class WordText
{
    /// <summary>The lines of a paragraph: its runs joined, split at soft line breaks (w:br, w:cr), each line cleaned.</summary>
    public static IReadOnlyList<string> Lines(Paragraph paragraph)
    {
        var sb = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            // A text box or a nested paragraph has its own text; text deleted or moved away in tracked changes is gone.
            if (element is Text or Break or CarriageReturn or TabChar or PositionalTab or NoBreakHyphen &&
                (!ReferenceEquals(element.Ancestors<Paragraph>().FirstOrDefault(), paragraph) || element.Ancestors().Any(a => a is DeletedRun or MoveFromRun)))
            {
                continue;
            }

            switch (element)
            {
                case Text text:
                    sb.Append(text.Text);
                    break;
                case Break or CarriageReturn:
                    sb.Append('\n');
                    break;
                case TabChar or PositionalTab:
                    sb.Append(' ');
                    break;
                case NoBreakHyphen:
                    sb.Append('-');
                    break;
                default:
                    break;
            }
        }

        return sb.ToString().Split('\n').Select(Clean).ToList();
    }

    /// <summary>The lines of a table cell: every paragraph's lines, in order, empty ones dropped.</summary>
    public static IReadOnlyList<string> Lines(TableCell cell) =>
        cell.Descendants<Paragraph>()
            .Where(p => ReferenceEquals(p.Ancestors<TableCell>().FirstOrDefault(), cell) && !p.Ancestors<Paragraph>().Any())
            .SelectMany(Lines)
            .Where(l => l.Length > 0)
            .ToList();

    /// <summary>NFC; non-breaking, zero-width and other odd spaces made plain; whitespace collapsed and trimmed.</summary>
    public static string Clean(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormC);
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
    public static List<GridRow> Of(Table table)
    {
        var rows = new List<GridRow>();
        var above = new Dictionary<int, IReadOnlyList<string>>();
        foreach (var row in table.Descendants<TableRow>().Where(r => ReferenceEquals(r.Ancestors<Table>().FirstOrDefault(), table)))
        {
            var properties = row.TableRowProperties;
            var column = properties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
            var header = properties?.GetFirstChild<TableHeader>() is { } th && (th.Val is null || th.Val.Value == OnOffOnlyValues.On);
            var cells = new List<GridCell>();
            foreach (var cell in row.Descendants<TableCell>().Where(c => ReferenceEquals(c.Ancestors<TableRow>().FirstOrDefault(), row)))
            {
                var span = Math.Max(1, cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1);
                var merge = cell.TableCellProperties?.VerticalMerge;
                var continues = merge is not null && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue);
                var lines = WordText.Lines(cell);
                if (continues && above.TryGetValue(column, out var upper))
                {
                    lines = upper;
                }

                above[column] = lines;
                cells.Add(new GridCell(column, span, lines, continues));
                column += span;
            }

            rows.Add(new GridRow(cells, header));
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
        (ColumnKind.Timeframe, ["Thời gian thực hiện", "Thời gian hoàn thành", "Thời hạn", "Thời gian", "Thời hạn hoàn thành", "Thời gian thực hiện/hoàn thành"]),
    ];

    public static ColumnKind? Recognise(string header)
    {
        var key = Key(header);
        foreach (var (kind, names) in Known)
        {
            if (names.Any(n => Key(n) == key))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>The header names of a kind, for a problem naming a missing column.</summary>
    public static string Names(ColumnKind kind) =>
        string.Join(", ", Known.Single(k => k.Kind == kind).Names.Take(4).Select(n => $"'{n}'"));

    private static string Key(string text) =>
        string.Concat(VietnameseText.Fold(text).Where(c => char.IsLetterOrDigit(c) || c == ' ' || c == '/')).Trim();
}
