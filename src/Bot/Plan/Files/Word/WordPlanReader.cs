using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;

namespace CchcBot.Plan.Files.Word;

/// <summary>
/// Reads a plan from the agency's own Word document (.docx): the task table of section III ("PHÂN CÔNG NHIỆM VỤ CỤ
/// THỂ", or the table whose header names the columns), one task a row, into the same plan the JSON reader produces.
/// Every problem of the file is reported at once, in Vietnamese, naming the row as a person counts it (header excluded)
/// and the column's header as written: "Dòng 5, cột 'Thời gian thực hiện': không hiểu 'Tháng 13/2025'".
/// </summary>
public sealed partial class WordPlanReader(TimeframeOptions? options = null)
{
    /// <summary>Largest uncompressed document part read; a larger one is refused (a zip bomb, or not a plan).</summary>
    public const long MaxDocumentBytes = 64L * 1024 * 1024;

    public const string FilePath = "Tệp";
    public const string DocumentPath = "Tài liệu";
    public const string NotWordMessage = "không phải tệp Word (.docx)";
    public const string CorruptMessage = "tệp Word bị hỏng, không mở được";

    private const int MaxPiecesInAName = 6;

    private static readonly string TooLargeMessage = $"nội dung tệp Word quá lớn (hơn {MaxDocumentBytes / 1024 / 1024} MB sau khi giải nén)";

    private readonly TimeframeParser _timeframes = new(options);

    /// <param name="content">The file's bytes.</param>
    /// <param name="agency">The agency id, from the directory.</param>
    /// <param name="units">The department and group names the lead and cooperating columns may use.</param>
    /// <param name="year">The plan's year; null = from the document's title ("… năm 2025").</param>
    public ReadResult<CchcPlan> Read(byte[] content, string agency, UnitNames units, int? year = null)
    {
        var problems = new List<ImportProblem>();
        var document = Open(content, problems);
        if (document is null)
        {
            return new ReadResult<CchcPlan>(null, problems);
        }

        var plan = Read(document, agency, units, year, problems);
        return new ReadResult<CchcPlan>(problems.Count == 0 ? plan : null, problems);
    }

    /// <summary>Reads with the units of a directory as it is today (<see cref="UnitNames.FromDirectory"/>, default group names).</summary>
    public ReadResult<CchcPlan> Read(byte[] content, AgencyDirectory directory, int? year = null) =>
        Read(content, directory.Agency, UnitNames.FromDirectory(directory), year);

    /// <summary>What a .docx is to the plan import: a plan (its task table is found), another Word document (a letter,
    /// a report), or not readable as a Word document at all.</summary>
    public static WordContent Classify(byte[] content)
    {
        var problems = new List<ImportProblem>();
        var document = Open(content, problems);
        return document is null ? WordContent.Unreadable : FindTaskTable(document) is null ? WordContent.OtherDocument : WordContent.Plan;
    }

    private static WordDocument? Open(byte[] content, List<ImportProblem> problems)
    {
        if (content.Length < 4 || content[0] != 'P' || content[1] != 'K')
        {
            problems.Add(new ImportProblem(FilePath, NotWordMessage));
            return null;
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (WordPackage.Find(zip, "word/document.xml") is not { } document)
            {
                problems.Add(new ImportProblem(FilePath, NotWordMessage));
                return null;
            }

            if (document.Length > MaxDocumentBytes)
            {
                problems.Add(new ImportProblem(FilePath, TooLargeMessage));
                return null;
            }

            // The package read as the SDK would open it (content types, relationships), without its object tree; the
            // main part read in one pass as it inflates.
            var part = WordPackage.MainPart(zip);
            if (part.Length > MaxDocumentBytes)
            {
                problems.Add(new ImportProblem(FilePath, TooLargeMessage));
                return null;
            }

            using var stream = part.Open();
            return WordDocument.Read(stream, MaxDocumentBytes);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            problems.Add(new ImportProblem(FilePath, CorruptMessage));
            return null;
        }
    }

    private CchcPlan? Read(WordDocument document, string agency, UnitNames units, int? givenYear, List<ImportProblem> problems)
    {
        var table = FindTaskTable(document);
        var title = FindTitle(document, table?.Table);
        int? year = givenYear;
        if (givenYear is { } y && y is < 2000 or > 2100)
        {
            problems.Add(new ImportProblem(DocumentPath, $"năm {y} không hợp lệ (2000–2100)"));
            year = null;
        }
        else if (year is null)
        {
            year = title is null ? null : TitleYear(title);
            if (year is null)
            {
                problems.Add(new ImportProblem(DocumentPath, "không tìm thấy năm của kế hoạch trong tiêu đề (ví dụ \"Thực hiện cải cách hành chính năm 2025\")"));
            }
        }

        if (table is null)
        {
            problems.Add(new ImportProblem(DocumentPath,
                "không tìm thấy bảng phân công nhiệm vụ (mục \"PHÂN CÔNG NHIỆM VỤ CỤ THỂ\", bảng có các cột 'Nhiệm vụ cụ thể', 'Sản phẩm', 'Phòng tham mưu thực hiện', 'Thời gian thực hiện')"));
            return null;
        }

        var missing = new[] { ColumnKind.Task, ColumnKind.Deliverables, ColumnKind.Lead, ColumnKind.Timeframe }.Where(k => !table.Columns.ContainsKey(k)).ToList();
        foreach (var kind in missing)
        {
            problems.Add(new ImportProblem(DocumentPath, $"bảng phân công nhiệm vụ thiếu cột {ColumnHeaders.Names(kind)}"));
        }

        if (missing.Count > 0)
        {
            return null;
        }

        var tasks = ReadRows(table, units, year, problems);
        if (tasks.Count == 0 && problems.Count == 0)
        {
            problems.Add(new ImportProblem(DocumentPath, "bảng phân công nhiệm vụ không có nhiệm vụ nào"));
        }

        if (problems.Count > 0 || year is null)
        {
            return null;
        }

        var areas = tasks.Select(t => t.Area).Distinct().Select(a => new ReformArea(a.Id, a.Name)).ToList();
        var planTitle = title ?? $"Kế hoạch cải cách hành chính năm {year}";
        return new CchcPlan(agency, year.Value, planTitle, areas, tasks.Select(t => t.Task).ToList());
    }

    private List<(NationalArea Area, PlanTask Task)> ReadRows(TaskTable table, UnitNames units, int? year, List<ImportProblem> problems)
    {
        var tasks = new List<(NationalArea Area, PlanTask Task)>();
        var counts = new Dictionary<int, int>();
        var columns = table.Columns;
        var memo = new Memo();
        NationalArea? area = null;
        var areaKnown = false; // an area (known or not) has been named above the current row
        var number = 0;
        foreach (var row in table.Rows.Skip(table.HeaderRow + 1))
        {
            if (row.RepeatedHeader || IsNumbersRow(row) || IsHeaderAgain(row, columns))
            {
                continue;
            }

            number++;
            var written = row.Written.Where(c => !IsNumberCell(c, columns)).ToList();
            if (written.Count == 0)
            {
                continue;
            }

            if (IsHeading(row, written, columns))
            {
                var name = WordText.WithoutHeadingNumber(written[0].Text);
                area = MatchArea(name, $"Dòng {number}", problems);
                areaKnown = true;
                continue;
            }

            if (columns.TryGetValue(ColumnKind.Area, out var areaColumn) && row.At(areaColumn.Start) is { Lines.Count: > 0 } areaCell)
            {
                if (!areaCell.MergedFromAbove || !areaKnown)
                {
                    area = MatchArea(WordText.WithoutHeadingNumber(areaCell.Text), At(number, areaColumn), problems);
                    areaKnown = true;
                }
            }

            if (!areaKnown)
            {
                problems.Add(new ImportProblem($"Dòng {number}", "nhiệm vụ chưa thuộc lĩnh vực cải cách nào (thiếu cột 'Nhiệm vụ chung' hoặc dòng tên lĩnh vực phía trên)"));
                areaKnown = true;
            }

            var task = ReadTask(row, number, columns, units, year, problems, memo);
            if (task is null || area is null)
            {
                continue;
            }

            counts[area.Number] = counts.GetValueOrDefault(area.Number) + 1;
            var id = $"{area.TaskPrefix}-{counts[area.Number]}";
            var milestones = task.Value.Milestones
                .Select((m, i) => new Milestone(Milestone.MakeId(id, i + 1), id, m.Deliverable, m.Due, m.Period))
                .ToList();
            tasks.Add((area, new PlanTask(id, area.Id, task.Value.Title, task.Value.Deliverables, task.Value.Lead, task.Value.Cooperating,
                task.Value.Timeframe, milestones, tasks.Count)));
        }

        return tasks;
    }

    private (string Title, List<string> Deliverables, List<string> Lead, List<string> Cooperating, string Timeframe, List<Milestone> Milestones)?
        ReadTask(GridRow row, int number, IReadOnlyDictionary<ColumnKind, Column> columns, UnitNames units, int? year, List<ImportProblem> problems, Memo memo)
    {
        var before = problems.Count;
        var taskColumn = columns[ColumnKind.Task];
        var title = WordText.Item(string.Join(' ', Lines(row, taskColumn)));
        if (title.Length == 0)
        {
            problems.Add(new ImportProblem(At(number, taskColumn), "để trống tên nhiệm vụ"));
        }

        var deliverablesColumn = columns[ColumnKind.Deliverables];
        var deliverables = Lines(row, deliverablesColumn)
            .SelectMany(l => l.Split(';'))
            .Select(WordText.Item)
            .Where(d => d.Length > 0)
            .ToList();
        if (deliverables.Count == 0)
        {
            problems.Add(new ImportProblem(At(number, deliverablesColumn), "để trống; mỗi nhiệm vụ phải có ít nhất một sản phẩm"));
        }

        var leadColumn = columns[ColumnKind.Lead];
        var lead = memo.Units(Lines(row, leadColumn), units, At(number, leadColumn), problems);
        if (lead is { Count: 0 })
        {
            problems.Add(new ImportProblem(At(number, leadColumn), "để trống; mỗi nhiệm vụ phải có đơn vị chủ trì"));
        }

        var cooperating = columns.TryGetValue(ColumnKind.Cooperating, out var cooperatingColumn)
            ? memo.Units(Lines(row, cooperatingColumn), units, At(number, cooperatingColumn), problems)
            : [];

        var timeframeColumn = columns[ColumnKind.Timeframe];
        var (timeframe, dates) = memo.Timeframe(this, Lines(row, timeframeColumn), year, At(number, timeframeColumn), problems);
        if (problems.Count > before || lead is null || cooperating is null || dates is null)
        {
            return null;
        }

        var milestones = new List<Milestone>();
        foreach (var (d, p) in TimeframeParser.Pair(deliverables.Count, dates.Count))
        {
            milestones.AddRange(dates[p].Select(date => new Milestone(string.Empty, string.Empty, deliverables[d], date.Due, date.Period)));
        }

        return (title, deliverables, lead, cooperating, timeframe, milestones);
    }

    private (string Text, List<IReadOnlyList<TimeframeDate>>? Dates) Timeframe(IReadOnlyList<string> lines, int? year, string at, List<ImportProblem> problems)
    {
        var phrases = TimeframeParser.SplitPhrases(string.Join('\n', lines));
        if (phrases.Count == 0)
        {
            problems.Add(new ImportProblem(at, "để trống thời gian thực hiện"));
            return (string.Empty, null);
        }

        var dates = Parse(phrases, year);
        if (dates.Any(d => d is null))
        {
            // A phrase broken over lines ("Năm" / "2024") reads as one.
            var joined = TimeframeParser.SplitPhrases(string.Join(' ', lines));
            var retry = Parse(joined, year);
            if (retry.All(d => d is not null))
            {
                (phrases, dates) = (joined, retry);
            }
        }

        var ok = true;
        for (var i = 0; i < phrases.Count; i++)
        {
            if (dates[i] is null)
            {
                // Without a plan year (a problem already), a year-less phrase is not the file's fault.
                if (year is not null || _timeframes.ParsePhrase(phrases[i], 2000) is null)
                {
                    problems.Add(new ImportProblem(at, $"không hiểu '{Quote(phrases[i])}'"));
                }

                ok = false;
            }
            else if (year is { } y && dates[i]!.Any(d => d.Due is { } due && due.Year != y))
            {
                problems.Add(new ImportProblem(at, $"'{Quote(phrases[i])}' không thuộc năm {y} của kế hoạch"));
                ok = false;
            }
        }

        return (string.Join("; ", phrases), ok ? dates.Select(d => d!).ToList() : null);
    }

    private List<IReadOnlyList<TimeframeDate>?> Parse(IReadOnlyList<string> phrases, int? year) =>
        phrases.Select(p => _timeframes.ParsePhrase(p, year)).ToList();

    /// <summary>
    /// The unit ids a cell names. Units are separated by line breaks, ";", "," or " và " — except where the separator is
    /// part of a unit's own name ("Phòng Phòng, chống tham nhũng"): the longest run of pieces that names a unit wins, so a
    /// name broken over lines ("Các phòng" / "nghiệp vụ") still reads whole. Pieces no name covers are reported together.
    /// </summary>
    private static List<string>? Units(IReadOnlyList<string> lines, UnitNames units, string at, List<ImportProblem> problems)
    {
        var ids = new List<string>();
        if (VietnameseText.Fold(WordText.Item(string.Join(' ', lines))) is "khong" or "khong co")
        {
            return ids;
        }

        var ok = true;
        foreach (var segment in Segments(lines))
        {
            var unknownFrom = -1;
            for (var i = 0; i < segment.Count;)
            {
                var matched = false;
                // No unit's name runs over more than a few pieces; the bound keeps a hostile cell of thousands of commas cheap.
                for (var j = Math.Min(segment.Count, i + MaxPiecesInAName); j > i; j--)
                {
                    if (units.Match(Join(segment, i, j)) is { } id)
                    {
                        Unknown(segment, unknownFrom, i);
                        unknownFrom = -1;
                        if (!ids.Contains(id, StringComparer.Ordinal))
                        {
                            ids.Add(id);
                        }

                        i = j;
                        matched = true;
                        break;
                    }
                }

                if (!matched)
                {
                    unknownFrom = unknownFrom < 0 ? i : unknownFrom;
                    i++;
                }
            }

            Unknown(segment, unknownFrom, segment.Count);
        }

        return ok ? ids : null;

        void Unknown(List<(string Separator, string Text)> segment, int from, int to)
        {
            if (from < 0 || to <= from)
            {
                return;
            }

            problems.Add(new ImportProblem(at, $"không có đơn vị '{Quote(Join(segment, from, to))}' trong danh sách đơn vị của cơ quan (các đơn vị: {string.Join("; ", units.Known())})"));
            ok = false;
        }
    }

    // A ";" starts a new segment; a line break does not (it separates pieces, as "," and " và " do).
    private static List<List<(string Separator, string Text)>> Segments(IReadOnlyList<string> lines)
    {
        var segments = new List<List<(string Separator, string Text)>> { new() };
        foreach (var line in lines)
        {
            var parts = line.Split(';');
            for (var p = 0; p < parts.Length; p++)
            {
                if (p > 0 && segments[^1].Count > 0)
                {
                    segments.Add([]);
                }

                var separator = " ";
                // Split keeps the captured separators at the odd places.
                var tokens = PieceSeparator().Split(parts[p]);
                for (var k = 0; k < tokens.Length; k++)
                {
                    if (k % 2 == 1)
                    {
                        separator = tokens[k].Trim() == "," ? ", " : $" {tokens[k].Trim()} ";
                        continue;
                    }

                    var text = WordText.Item(tokens[k]);
                    if (text.Length > 0)
                    {
                        segments[^1].Add((separator, text));
                    }

                    separator = " ";
                }
            }
        }

        return segments.Where(s => s.Count > 0).ToList();
    }

    private static string Join(List<(string Separator, string Text)> pieces, int from, int to) =>
        string.Concat(pieces.Skip(from).Take(to - from).Select((p, k) => k == 0 ? p.Text : p.Separator + p.Text));

    private static NationalArea? MatchArea(string name, string at, List<ImportProblem> problems)
    {
        if (ReformAreas.Match(name) is { } area)
        {
            return area;
        }

        problems.Add(new ImportProblem(at,
            $"không xác định được lĩnh vực cải cách '{Quote(name)}' (các lĩnh vực: {string.Join("; ", ReformAreas.All.Select(a => a.Name))})"));
        return null;
    }

    /// <summary>Text from the file as a problem quotes it: at most 120 characters.</summary>
    private static string Quote(string text) => text.Length <= 120 ? text : text[..119] + "…";

    private static IReadOnlyList<string> Lines(GridRow row, Column column) => row.At(column.Start)?.Lines ?? [];

    private static string At(int row, Column column) => $"Dòng {row}, cột '{column.Header}'";

    private static bool IsColumn(GridCell cell, IReadOnlyDictionary<ColumnKind, Column> columns, ColumnKind kind) =>
        columns.TryGetValue(kind, out var column) && cell.Covers(column.Start);

    private static bool IsNumberCell(GridCell cell, IReadOnlyDictionary<ColumnKind, Column> columns) =>
        IsColumn(cell, columns, ColumnKind.Number) && cell.Span == 1 && WordText.IsNumber(cell.Text);

    /// <summary>
    /// An area heading: one cell with text (besides a row number), merged across (w:gridSpan), standing in the area
    /// column, or naming a reform area in a row whose other cells are empty.
    /// </summary>
    private static bool IsHeading(GridRow row, List<GridCell> written, IReadOnlyDictionary<ColumnKind, Column> columns)
    {
        if (written.Count != 1 || row.Cells.Any(c => c.MergedFromAbove && c.Lines.Count > 0 && !IsColumn(c, columns, ColumnKind.Area)))
        {
            return false;
        }

        var cell = written[0];
        return cell.Span >= 2 || IsColumn(cell, columns, ColumnKind.Area) || ReformAreas.Match(WordText.WithoutHeadingNumber(cell.Text)) is not null;
    }

    private static bool IsNumbersRow(GridRow row)
    {
        if (row.Cells.FirstOrDefault(c => c.Lines.Count > 0) is not { } first || first.Lines[0] is not [('(' or (>= '0' and <= '9')), ..])
        {
            return false;
        }

        var texts = row.Cells.Where(c => !c.MergedFromAbove).Select(c => c.Text).Where(t => t.Length > 0).ToList();
        return texts.Count >= 2 && texts.All(t => NumbersCell().IsMatch(t));
    }

    private static bool IsHeaderAgain(GridRow row, IReadOnlyDictionary<ColumnKind, Column> columns) =>
        row.At(columns[ColumnKind.Task].Start) is { MergedFromAbove: false, Lines.Count: 1 } task && ColumnHeaders.Recognise(task.Lines[0]) == ColumnKind.Task &&
        columns.Count(c => row.At(c.Value.Start) is { } cell && !cell.MergedFromAbove && ColumnHeaders.Recognise(cell.Text) == c.Key) >= Math.Min(3, columns.Count);

    private static TaskTable? FindTaskTable(WordDocument document)
    {
        // Nested tables too (a task table inside a layout table): a cell's text never includes a nested table's.
        var candidates = new List<TaskTable>();
        foreach (var table in document.Tables.OrderBy(t => t.Seq))
        {
            var rows = GridRow.Of(table);
            for (var i = 0; i < Math.Min(rows.Count, 6); i++)
            {
                var columns = new Dictionary<ColumnKind, Column>();
                foreach (var cell in rows[i].Cells)
                {
                    if (ColumnHeaders.Recognise(cell.Text) is { } kind &&
                        (!columns.TryGetValue(kind, out var first) || kind == ColumnKind.Timeframe && IsDeadline(cell.Text) && !IsDeadline(first.Header)))
                    {
                        // With both "Thời gian thực hiện" and "Thời hạn hoàn thành", the deadline is what falls due.
                        columns[kind] = new Column(cell.Column, cell.Text, cell.Span);
                    }
                }

                if (columns.ContainsKey(ColumnKind.Task) && columns.Keys.Count(k => k != ColumnKind.Number) >= 3)
                {
                    var header = i;
                    if (i + 1 < rows.Count && IsSubHeader(rows[i + 1]))
                    {
                        // A two-row header: "Đơn vị thực hiện" over "Chủ trì" | "Phối hợp"; the row below names the columns.
                        foreach (var cell in rows[i + 1].Written)
                        {
                            if (ColumnHeaders.Recognise(cell.Text) is { } kind)
                            {
                                foreach (var umbrella in columns.Where(c => c.Value.Span > 1 && cell.Column >= c.Value.Start && cell.Column < c.Value.Start + c.Value.Span).ToList())
                                {
                                    columns.Remove(umbrella.Key);
                                }

                                columns[kind] = new Column(cell.Column, cell.Text, cell.Span);
                            }
                        }

                        header = i + 1;
                    }

                    candidates.Add(new TaskTable(table, rows, header, columns));
                    break;
                }
            }
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        // Prefer the first such table after the heading "PHÂN CÔNG NHIỆM VỤ CỤ THỂ".
        var heading = document.Paragraphs
            .FirstOrDefault(p => !p.InTable && VietnameseText.Fold(p.Text).Contains("phan cong nhiem vu", StringComparison.Ordinal));
        var chosen = candidates.FirstOrDefault(c => heading is not null && c.Table.Seq > heading.Seq) ?? candidates[0];
        return chosen with { Rows = [.. chosen.Rows, .. Continuations(document, chosen.Table).SelectMany(GridRow.Of)] };
    }

    /// <summary>
    /// The tables that continue the task table: a table split in two (Ctrl+Shift+Enter, or a page break) is the same
    /// width and has nothing but empty paragraphs between; its header, if repeated, is skipped like any repeated header.
    /// </summary>
    private static IEnumerable<DocTable> Continuations(WordDocument document, DocTable table)
    {
        if (table.Nested)
        {
            yield break;
        }

        // Paragraphs are in document order; one walk over those after the table serves every continuation.
        var paragraphs = document.Paragraphs;
        var at = 0;
        while (at < paragraphs.Count && paragraphs[at].Seq < table.EndSeq)
        {
            at++;
        }

        foreach (var next in document.Tables.Where(t => !t.Nested && t.Seq > table.EndSeq).OrderBy(t => t.Seq))
        {
            for (; at < paragraphs.Count && paragraphs[at].Seq < next.Seq; at++)
            {
                if (!paragraphs[at].InTable && paragraphs[at].Text.Length > 0)
                {
                    yield break;
                }
            }

            if (next.Width != table.Width)
            {
                yield break;
            }

            yield return next;
            while (at < paragraphs.Count && paragraphs[at].Seq < next.EndSeq)
            {
                at++;
            }
        }
    }

    // Under a header row: cells merged down from it and short sub-headers, at least one of them a known column.
    private static bool IsSubHeader(GridRow row) =>
        row.Cells.Any(c => c.MergedFromAbove) && row.Written.All(c => c.Text.Length <= 40) &&
        row.Written.Any(c => ColumnHeaders.Recognise(c.Text) is not null);

    private static bool IsDeadline(string header) =>
        VietnameseText.Fold(header) is var h && (h.Contains("hoan thanh", StringComparison.Ordinal) || h.Contains("thoi han", StringComparison.Ordinal));

    /// <summary>The document's title: "KẾ HOẠCH" and the line after it, or a paragraph starting with "Kế hoạch …" naming a year.</summary>
    private static string? FindTitle(WordDocument document, DocTable? taskTable)
    {
        var paragraphs = document.Paragraphs
            .Where(p => taskTable is null || p.Seq < taskTable.Seq)
            .Select(p => p.Text)
            .Where(t => t.Length > 0)
            .ToList();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var folded = VietnameseText.Fold(paragraphs[i]).TrimEnd('.', ':', ' ');
            if (folded == "ke hoach" && i + 1 < paragraphs.Count)
            {
                var rest = paragraphs[i + 1].TrimEnd('.', ' ');
                if (rest.Length == 0)
                {
                    return "Kế hoạch";
                }

                return rest.Any(char.IsLetter) && !rest.Any(char.IsLower)
                    ? "KẾ HOẠCH " + rest
                    : "Kế hoạch " + char.ToLower(rest[0], CultureInfo.GetCultureInfo("vi-VN")) + rest[1..];
            }

            if (folded.StartsWith("ke hoach ", StringComparison.Ordinal) && !folded.StartsWith("ke hoach so", StringComparison.Ordinal) && TitleYear(paragraphs[i]) is not null)
            {
                return paragraphs[i].TrimEnd('.', ' ');
            }
        }

        return null;
    }

    private static int? TitleYear(string title) =>
        TitleYearPattern().Match(VietnameseText.Fold(title)) is { Success: true } m &&
        int.TryParse(m.Groups["y"].Value, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100
            ? y
            : null;

    [GeneratedRegex(@"\bnam (?<y>\d{4})\b")]
    private static partial Regex TitleYearPattern();

    [GeneratedRegex(@"^\(?\d{1,2}\)?(?:\s*\(?\d{1,2}\)?)*$")]
    private static partial Regex NumbersCell();

    [GeneratedRegex(@"(,|\s+(?:và|VÀ)\s+)")]
    private static partial Regex PieceSeparator();

    private sealed record Column(int Start, string Header, int Span = 1);

    /// <summary>
    /// The cells a table repeats row after row (the same units, the same "Quý II/2024") read once: a cell read without
    /// a problem is remembered by its lines for the rest of the table; one with a problem is read again wherever it
    /// recurs, so each row gets its own problem. What is handed out is copied, never shared between tasks.
    /// </summary>
    private sealed class Memo
    {
        private readonly Dictionary<string, List<string>> _units = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (string Text, List<IReadOnlyList<TimeframeDate>> Dates)> _timeframes = new(StringComparer.Ordinal);

        public List<string>? Units(IReadOnlyList<string> lines, UnitNames units, string at, List<ImportProblem> problems)
        {
            var key = string.Join('\n', lines);
            if (_units.TryGetValue(key, out var known))
            {
                return [.. known];
            }

            var before = problems.Count;
            var ids = WordPlanReader.Units(lines, units, at, problems);
            if (ids is not null && problems.Count == before)
            {
                _units[key] = [.. ids];
            }

            return ids;
        }

        public (string Text, List<IReadOnlyList<TimeframeDate>>? Dates) Timeframe(
            WordPlanReader reader, IReadOnlyList<string> lines, int? year, string at, List<ImportProblem> problems)
        {
            var key = string.Join('\n', lines);
            if (_timeframes.TryGetValue(key, out var known))
            {
                return (known.Text, [.. known.Dates]);
            }

            var before = problems.Count;
            var (text, dates) = reader.Timeframe(lines, year, at, problems);
            if (dates is not null && problems.Count == before)
            {
                _timeframes[key] = (text, [.. dates]);
            }

            return (text, dates);
        }
    }

    private sealed record TaskTable(DocTable Table, List<GridRow> Rows, int HeaderRow, Dictionary<ColumnKind, Column> Columns);
}

/// <summary>See <see cref="WordPlanReader.Classify"/>.</summary>
public enum WordContent
{
    Unreadable,
    OtherDocument,
    Plan,
}
