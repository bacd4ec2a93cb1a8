using System.Globalization;
using CchcBot.Cards;
using CchcBot.Digest;
using CchcBot.Plan;
using CchcBot.Progress;
using CchcBot.Views;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CchcBot.Reports.Word;

/// <summary>Everything the Word report is written from: one snapshot and its figures, as the workbook uses them.</summary>
/// <param name="History">The agency's history up to the report's instant (for the cooperating opinions).</param>
/// <param name="CutOff">The last day the data counts (the report says "số liệu tính đến ngày …").</param>
/// <param name="EvidenceFiles">The names of the files attached to each milestone (by milestone id), listed in the Phụ lục.</param>
public sealed record ReportInput(
    PlanSnapshot Snapshot,
    DigestFigures Figures,
    IReadOnlyList<HistoryEntry> History,
    ReportPeriod Period,
    DateOnly CutOff,
    ReportLetterhead Letterhead,
    IReadOnlyList<string> Recipients,
    string SignerTitle,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? EvidenceFiles = null);

/// <summary>
/// The periodic CCHC report ("Báo cáo kết quả thực hiện công tác cải cách hành chính …") as a Word draft in the format of
/// Nghị định 30/2020/NĐ-CP: heading block, title and trích yếu; I. the directing-area tasks; II. one sub-section per
/// reform area, a paragraph per task; III. the four figures of <see cref="Tally"/> (the digest's, as the workbook shows
/// them) and the shortcomings (overdue and blocked milestones); IV. what is due in the next period; the closing (Nơi
/// nhận, signature block); and a Phụ lục table of every milestone with its header row repeated on every page.
/// </summary>
public static class ReportDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The directing area's number among the seven (Công tác chỉ đạo điều hành).</summary>
    private const int DirectingArea = 7;

    /// <summary>Labels of the four groups, the same words as the workbook's summary sheet.</summary>
    public const string OnTime = CardStrings.Figures.DoneOnTime;
    public const string Late = CardStrings.Figures.DoneLate;
    public const string InTime = CardStrings.Figures.OpenInTime;
    public const string Overdue = CardStrings.Figures.OpenOverdue;

    public static readonly string[] AppendixHeaders =
        ["STT", "Lĩnh vực", "Nhiệm vụ", "Sản phẩm", "Đơn vị chủ trì", "Hạn", "Trạng thái", "Ngày hoàn thành", "Tài liệu kiểm chứng"];

    private static readonly int[] AppendixWidths = [560, 900, 1700, 1150, 900, 1080, 950, 1080, 1034];

    public static void Write(Stream output, ReportInput input) =>
        WordWriter.Write(output, body =>
        {
            body.Write(Heading(input.Letterhead, input.Period));
            foreach (var block in Title(input))
            {
                body.Write(block);
            }

            foreach (var paragraph in Body(input))
            {
                body.Write(paragraph);
            }

            body.Write(Closing(input));
            Appendix(input, body);
        }, $"Báo cáo kết quả thực hiện công tác cải cách hành chính {input.Period.Label}");

    /// <summary>"Kết quả thực hiện công tác cải cách hành chính quý I năm 2024".</summary>
    public static string Subject(ReportPeriod period) => $"Kết quả thực hiện công tác cải cách hành chính {period.Label}";

    /// <summary>"PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II NĂM 2024".</summary>
    public static string OutlookHeading(ReportPeriod period) =>
        $"IV. PHƯƠNG HƯỚNG, NHIỆM VỤ {period.Next.Label.ToUpper(Vi)}";

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    // The heading block: a borderless two-column table (cơ quan ban hành | quốc hiệu, tiêu ngữ), then the number and the date.
    private static Table Heading(ReportLetterhead letterhead, ReportPeriod period)
    {
        const int left = 3969; // 7 cm
        const int right = Docx.TextWidth - left;
        var table = Docx.Table([left, right], borders: false);
        var lh = new Look(WordStyles.Letterhead);
        table.Append(Docx.Row(
        [
            Docx.Cell(left,
            [
                Docx.P(letterhead.ParentAgency.ToUpper(Vi), lh with { Size = 13 }),
                Docx.P(letterhead.Agency.ToUpper(Vi), lh with { Bold = true, Size = 13 }),
                Docx.Rule(left, 1300),
            ]),
            Docx.Cell(right,
            [
                Docx.P("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", lh with { Bold = true, Size = 12 }),
                Docx.P("Độc lập - Tự do - Hạnh phúc", lh with { Bold = true, Size = 13 }),
                Docx.Rule(right, 3300),
            ]),
        ]));
        table.Append(Docx.Row(
        [
            Docx.Cell(left, [Docx.P($"Số:      /BC-{letterhead.DocumentCode}", lh with { Size = 13, Before = 120 })]),
            Docx.Cell(right, [Docx.P($"{letterhead.Place}, ngày      tháng      năm {period.End.Year}", lh with { Italic = true, Size = 14, Before = 120 })]),
        ]));
        return table;
    }

    private static IEnumerable<OpenXmlElement> Title(ReportInput input)
    {
        var centred = new Look(WordStyles.Centered, Bold: true, Size: 14);
        yield return Docx.P("BÁO CÁO", centred with { Before = 360, After = 0 });
        yield return Docx.P(Subject(input.Period), centred with { After = 0 });
        yield return Docx.Rule(Docx.TextWidth, 1700);
        yield return Docx.P(string.Empty, new Look(WordStyles.Centered, After: 0, Size: 6));
    }

    private static IEnumerable<Para> Body(ReportInput input)
    {
        var s = input.Snapshot;
        var agency = SentenceCase(input.Letterhead.Agency);
        var items = s.Plan.Tasks.SelectMany(t => t.Milestones.Select(m => s.Item(t, m, TaskRole.Lead))).ToList();
        var byTask = items.ToLookup(i => i.Task.Id, StringComparer.Ordinal);
        var opinions = input.History.Where(h => h.Kind == "comment" && !string.IsNullOrWhiteSpace(h.Note))
            .GroupBy(h => h.MilestoneId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(h => h.At).ToList(), StringComparer.Ordinal);

        yield return Para.Of(
            $"Thực hiện {s.Plan.Title}, {agency} báo cáo kết quả thực hiện công tác cải cách hành chính (CCHC) {input.Period.Label} " +
            $"(số liệu tính đến ngày {Formats.Date(input.CutOff)}) như sau:");

        // I. The directing area.
        yield return Section("I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC");
        var directing = s.Plan.Areas.Where(a => ReformAreas.Match(a.Name)?.Number == DirectingArea).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        yield return Para.Of(
            $"{agency} đã triển khai thực hiện Kế hoạch CCHC năm {s.Plan.Year}; kết quả thực hiện các nhiệm vụ chỉ đạo, điều hành công tác CCHC như sau:");
        var directingTasks = s.Plan.Tasks.Where(t => directing.Contains(t.AreaId)).OrderBy(t => t.Order).ToList();
        if (directingTasks.Count == 0)
        {
            yield return Para.Of("Kế hoạch không có nhiệm vụ thuộc lĩnh vực công tác chỉ đạo, điều hành.");
        }

        foreach (var task in directingTasks)
        {
            yield return TaskParagraph(s, task, byTask, opinions);
        }

        // II. One numbered sub-section per reform area.
        yield return Section("II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CCHC");
        var n = 0;
        foreach (var area in s.Plan.Areas.Where(a => !directing.Contains(a.Id)))
        {
            n++;
            yield return Para.Of($"{n}. {area.Name}", new Look(WordStyles.Heading));
            var tasks = s.Plan.Tasks.Where(t => t.AreaId == area.Id).OrderBy(t => t.Order).ToList();
            if (tasks.Count == 0)
            {
                yield return Para.Of("Kế hoạch không có nhiệm vụ thuộc lĩnh vực này.");
            }

            foreach (var task in tasks)
            {
                yield return TaskParagraph(s, task, byTask, opinions);
            }
        }

        // III. The four figures, then the shortcomings.
        yield return Section("III. ĐÁNH GIÁ CHUNG");
        var y = input.Figures.Year;
        yield return Para.Of("1. Kết quả đạt được", new Look(WordStyles.Heading));
        yield return Para.Of(
            $"Tổng số mốc nhiệm vụ có thời hạn của Kế hoạch: {y.Dated} mốc; tính đến ngày {Formats.Date(input.CutOff)}, kết quả thực hiện như sau:");
        yield return Para.Of($"- {OnTime}: {y.DoneOnTime} mốc ({Formats.Percent(y.DoneOnTime, y.Dated)});");
        yield return Para.Of($"- {Late}: {y.DoneLate} mốc ({Formats.Percent(y.DoneLate, y.Dated)});");
        yield return Para.Of($"- {InTime}: {y.OpenInTime} mốc ({Formats.Percent(y.OpenInTime, y.Dated)});");
        yield return Para.Of($"- {Overdue}: {y.OpenOverdue} mốc ({Formats.Percent(y.OpenOverdue, y.Dated)}).");
        yield return Para.Of(
            $"Trong số mốc chưa hoàn thành, {y.InProgress} mốc đang thực hiện, {y.Blocked} mốc gặp vướng mắc" +
            (y.OngoingTasks > 0 ? $"; ngoài ra có {y.OngoingTasks} nhiệm vụ thường xuyên (không tính vào số mốc)." : "."));

        yield return Para.Of("2. Tồn tại, hạn chế", new Look(WordStyles.Heading));
        var shortcomings = Shortcomings(input.Figures).ToList();
        if (shortcomings.Count == 0)
        {
            yield return Para.Of("Không có nhiệm vụ quá hạn hoặc gặp vướng mắc.");
        }
        else
        {
            yield return Para.Of("Một số nhiệm vụ chưa hoàn thành đúng thời hạn hoặc gặp vướng mắc:");
            foreach (var line in shortcomings)
            {
                yield return Para.Of(line);
            }
        }

        // IV. What is due in the next period.
        var next = input.Period.Next;
        yield return Section(OutlookHeading(input.Period));
        var due = items.Where(i => i.Milestone.Due is { } d && d > input.CutOff && d <= next.End && Tally.StandingOf(i) is Standing.OpenInTime or Standing.OpenOverdue)
            .OrderBy(i => i.Milestone.Due).ThenBy(i => i.Task.Order).ToList();
        if (due.Count == 0)
        {
            yield return Para.Of(input.Period.Kind == PeriodKind.Year
                ? $"Xây dựng, ban hành và triển khai Kế hoạch CCHC {next.Label}."
                : $"Kế hoạch không có mốc nhiệm vụ đến hạn trong {next.Label}.");
        }
        else
        {
            yield return Para.Of($"Tập trung hoàn thành các nhiệm vụ đến hạn trong {next.Label}:");
            foreach (var item in due)
            {
                yield return Para.Of($"- {item.Task.Title}: {Deliverable(item.Milestone)}, hạn {Formats.Date(item.Milestone.Due!.Value)}{Extended(item.Milestone)} ({s.UnitNames(item.Task.Lead)} chủ trì).");
            }
        }

        if (input.Figures.Year.OpenOverdue > 0)
        {
            yield return Para.Of("Khẩn trương hoàn thành các nhiệm vụ quá hạn nêu tại mục III.2; tháo gỡ kịp thời các vướng mắc phát sinh.");
        }

        var ongoing = s.Plan.Tasks.Where(t => t.Milestones.Any(m => m.IsOngoing)).OrderBy(t => t.Order).Select(t => t.Title).ToList();
        if (ongoing.Count > 0)
        {
            yield return Para.Of($"Tiếp tục thực hiện các nhiệm vụ thường xuyên: {string.Join("; ", ongoing)}.");
        }

        yield return Para.Of($"Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính {input.Period.Label} của {agency}./.");
    }

    private static Para Section(string text) => Para.Of(text, new Look(WordStyles.Heading, Before: 120));

    private static IEnumerable<string> Shortcomings(DigestFigures figures)
    {
        var blocked = figures.Blockers.Select(b => b.MilestoneId).ToHashSet(StringComparer.Ordinal);
        foreach (var o in figures.Overdue.Where(o => !blocked.Contains(o.MilestoneId)))
        {
            yield return $"- {o.Title}: {o.Deliverable} (hạn {Due(o.Due)}{Extended(o.OriginalDue)}, {o.LeadUnits} chủ trì) quá hạn {o.Days} ngày" +
                (string.IsNullOrWhiteSpace(o.Note) ? ";" : $"; ghi chú: {o.Note};");
        }

        foreach (var b in figures.Blockers)
        {
            var overdue = figures.Overdue.FirstOrDefault(o => o.MilestoneId == b.MilestoneId);
            yield return $"- {b.Title}: {b.Deliverable} (hạn {Due(b.Due)}{Extended(b.OriginalDue)}, {b.LeadUnits} chủ trì) gặp vướng mắc" +
                (overdue is null ? string.Empty : $", quá hạn {overdue.Days} ngày") +
                (string.IsNullOrWhiteSpace(b.Note) ? ";" : $": {b.Note};");
        }
    }

    // One task: who leads and cooperates, then each deliverable's result or state, then the cooperating opinions.
    private static Para TaskParagraph(PlanSnapshot s, PlanTask task, ILookup<string, BoardItem> items, IReadOnlyDictionary<string, List<HistoryEntry>> opinions)
    {
        var units = s.UnitNames(task.Lead) + " chủ trì" + (task.Cooperating.Count > 0 ? $", {s.UnitNames(task.Cooperating)} phối hợp" : string.Empty);
        var parts = new List<string>();
        var notes = new List<string>();
        foreach (var item in items[task.Id])
        {
            parts.Add(MilestoneText(s, item));
            foreach (var h in opinions.GetValueOrDefault(item.Milestone.Id) ?? [])
            {
                notes.Add($"{h.ByName} ({Formats.Date(LocalDate(s, h.At))}): {h.Note!.Trim()}");
            }
        }

        var text = string.Join("; ", parts) + ".";
        if (notes.Count > 0)
        {
            text += $" Ý kiến phối hợp: {string.Join("; ", notes)}.";
        }

        return new Para(new Look(), [new Span($"- {task.Title} ", Italic: true), new Span($"({units}): {text}")]);
    }

    private static string MilestoneText(PlanSnapshot s, BoardItem item)
    {
        var m = item.Milestone;
        var state = item.State;
        var text = Deliverable(m);
        if (state.Status == MilestoneStatus.Done)
        {
            var on = state.CompletedAt is { } at ? $" ngày {Formats.Date(LocalDate(s, at))}" : string.Empty;
            text += string.IsNullOrWhiteSpace(state.Evidence)
                ? $": đã hoàn thành{on}"
                : IsLink(state.Evidence) ? $": đã hoàn thành{on} (tài liệu kiểm chứng: {state.Evidence.Trim()})" : $": đã hoàn thành, văn bản số {state.Evidence.Trim()}{on}";
            if (item.Display == DisplayStatus.DoneLate && m.Due is { } due)
            {
                text += $" (trễ hạn so với thời hạn {Formats.Date(due)}{Extended(m)})";
            }
        }
        else
        {
            var status = Formats.Status(StatusViews.Of(item.Display));
            text += $" ({(m.Due is { } due ? "hạn " + Formats.Date(due) + Extended(m) : "thường xuyên")}): {Lower(status)}";
            if (!string.IsNullOrWhiteSpace(state.Evidence))
            {
                text += $", văn bản số {state.Evidence.Trim()}";
            }
        }

        if (!string.IsNullOrWhiteSpace(state.Note))
        {
            text += $" — {state.Note.Trim()}";
        }

        return text;
    }

    private static Table Closing(ReportInput input)
    {
        const int left = 4536; // 8 cm
        const int right = Docx.TextWidth - left;
        var table = Docx.Table([left, right], borders: false);
        var lh = new Look(WordStyles.Letterhead, Align: JustificationValues.Left);
        var recipients = new List<Paragraph> { Docx.P("Nơi nhận:", lh with { Bold = true, Italic = true, Size = 12, Before = 240 }) };
        for (var i = 0; i < input.Recipients.Count; i++)
        {
            recipients.Add(Docx.P($"- {input.Recipients[i]}{(i == input.Recipients.Count - 1 ? "." : ";")}", lh with { Size = 11 }));
        }

        var centred = new Look(WordStyles.Letterhead);
        var signature = new List<Paragraph> { Docx.P(input.SignerTitle.ToUpper(Vi), centred with { Bold = true, Size = 14, Before = 240 }) };
        signature.AddRange(Enumerable.Range(0, 5).Select(_ => Docx.P(string.Empty, centred with { Size = 14 })));
        table.Append(Docx.Row([Docx.Cell(left, recipients), Docx.Cell(right, signature)], cantSplit: true));
        return table;
    }

    /// <summary>The Phụ lục's evidence: the document number typed in, then each attached file's name.</summary>
    private static string EvidenceCell(string? typed, IReadOnlyList<string>? files) =>
        string.Join("; ", new[] { typed?.Trim() }.Concat(files ?? []).Where(t => !string.IsNullOrWhiteSpace(t)));

    private static void Appendix(ReportInput input, BodyWriter body)
    {
        var s = input.Snapshot;
        var centred = new Look(WordStyles.Centered, Bold: true, Size: 14, After: 0);
        body.Write(Para.Of("PHỤ LỤC", centred with { PageBreakBefore = true }));
        body.Write(Para.Of("DANH MỤC CÁC MỐC NHIỆM VỤ CCHC VÀ KẾT QUẢ THỰC HIỆN", centred));
        body.Write(Para.Of(
            $"(Kèm theo Báo cáo số      /BC-{input.Letterhead.DocumentCode} ngày      tháng      năm {input.Period.End.Year} của {SentenceCase(input.Letterhead.Agency)})",
            new Look(WordStyles.Centered, Italic: true, Size: 13, After: 120)));

        // The table of every milestone is most of the document: its rows are written as they are read, never held.
        body.StartTable(AppendixWidths, borders: true);
        var header = new Look(WordStyles.TableText, Bold: true, Align: JustificationValues.Center);
        body.Row(AppendixHeaders.Select((h, i) => new CellText(AppendixWidths[i], Para.Of(h, header), "D9E2F3")), header: true, cantSplit: true);
        var cell = new Look(WordStyles.TableText);
        var centredCell = cell with { Align = JustificationValues.Center };
        var number = 0;
        var cells = new CellText[AppendixWidths.Length];
        foreach (var area in s.Plan.Areas)
        {
            var areaName = ReformAreas.Match(area.Name)?.ShortName ?? area.Name;
            foreach (var task in s.Plan.Tasks.Where(t => t.AreaId == area.Id).OrderBy(t => t.Order))
            {
                foreach (var m in task.Milestones)
                {
                    number++;
                    var item = s.Item(task, m, TaskRole.Lead);
                    string[] values =
                    [
                        number.ToString(CultureInfo.InvariantCulture),
                        areaName,
                        task.Title,
                        Deliverable(m),
                        s.UnitNames(task.Lead),
                        m.Due is { } due ? Formats.Date(due) + Extended(m) : CardStrings.Ongoing,
                        Formats.Status(StatusViews.Of(item.Display)),
                        item.State.CompletedAt is { } done ? Formats.Date(LocalDate(s, done)) : string.Empty,
                        EvidenceCell(item.State.Evidence, input.EvidenceFiles?.GetValueOrDefault(m.Id)),
                    ];
                    for (var i = 0; i < values.Length; i++)
                    {
                        cells[i] = new CellText(AppendixWidths[i], Para.Of(values[i], i is 0 or 5 or 7 ? centredCell : cell));
                    }

                    body.Row(cells, cantSplit: true);
                }
            }
        }

        body.EndTable();
        body.Write(Para.Of(string.Empty, new Look(WordStyles.TableText)));
    }

    private static string Deliverable(Milestone m) => m.Period is null ? m.Deliverable : $"{m.Deliverable} ({m.Period})";

    private static string Due(DateOnly? due) => due is { } d ? Formats.Date(d) : CardStrings.Ongoing;

    /// <summary>" (gia hạn từ 30/06/2026)" beside a due date an approved extension moved; empty otherwise.</summary>
    private static string Extended(Milestone m) => Extended(m.OriginalDue);

    private static string Extended(DateOnly? originalDue) => originalDue is { } o ? BlockerStrings.ExtendedFrom(Formats.Date(o)) : string.Empty;

    private static DateOnly LocalDate(PlanSnapshot s, DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, s.Zone).DateTime);

    private static bool IsLink(string text) => text.TrimStart().StartsWith("http", StringComparison.OrdinalIgnoreCase);

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLower(text[0], Vi) + text[1..];

    /// <summary>"THANH TRA TỈNH" → "Thanh tra tỉnh".</summary>
    public static string SentenceCase(string text)
    {
        var lower = text.Trim().ToLower(Vi);
        return lower.Length == 0 ? lower : char.ToUpper(lower[0], Vi) + lower[1..];
    }
}
