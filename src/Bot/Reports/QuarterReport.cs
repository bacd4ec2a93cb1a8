using CchcBot.Cards;
using CchcBot.Digest;
using CchcBot.Plan;
using CchcBot.Progress;
using CchcBot.Views;

namespace CchcBot.Reports;

/// <summary>
/// The plan's periodic report annex: a summary sheet with the digest's figures (the four groups, by reform area), then
/// one sheet per reform area listing every task's milestones — deliverable, lead and cooperating units, due date,
/// whether it falls in the period, status, its group, completion date, document number (evidence), note, the
/// cooperating units' opinions and the names of the evidence files attached.
/// </summary>
public static class QuarterReport
{
    public static readonly string[] Headers =
    [
        "STT", "Nhiệm vụ", "Sản phẩm", "Đơn vị chủ trì", "Đơn vị phối hợp", "Hạn", "Trong kỳ", "Trạng thái", "Ngày hoàn thành",
        "Số/ký hiệu văn bản", "Ghi chú", "Kết quả", "Ý kiến phối hợp", "Tài liệu kiểm chứng (tệp đính kèm)",
    ];

    public static readonly string[] AreaHeaders =
    [
        "Lĩnh vực", "Số mốc", CardStrings.Figures.DoneOnTime, CardStrings.Figures.DoneLate, CardStrings.Figures.OpenInTime, CardStrings.Figures.OpenOverdue,
        "Tỷ lệ hoàn thành", "Gặp vướng mắc",
    ];

    /// <param name="history">The agency's history up to the report's instant (for the cooperating opinions).</param>
    /// <param name="files">The names of the files attached to each milestone (by milestone id), oldest first.</param>
    public static IReadOnlyList<XSheet> Build(
        PlanSnapshot snapshot, DigestFigures figures, IReadOnlyList<HistoryEntry> history, ReportPeriod period, IReadOnlyDictionary<string, IReadOnlyList<string>>? files = null)
    {
        var opinions = history.Where(h => h.Kind == "comment" && !string.IsNullOrWhiteSpace(h.Note))
            .GroupBy(h => h.MilestoneId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join("\n", g.OrderBy(h => h.At).Select(h =>
                $"{h.ByName} ({Formats.Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(h.At, snapshot.Zone).DateTime))}): {h.Note}")), StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sheets = new List<XSheet> { Summary(snapshot, figures, period, WorkbookWriter.SheetName("Tổng hợp", taken)) };
        foreach (var (area, index) in snapshot.Plan.Areas.Select((a, i) => (a, i)))
        {
            var rows = new List<IReadOnlyList<XCell>> { Headers.Select(h => (XCell)h).ToList() };
            var n = 0;
            foreach (var task in snapshot.Plan.Tasks.Where(t => t.AreaId == area.Id))
            {
                n++;
                foreach (var milestone in task.Milestones)
                {
                    var item = snapshot.Item(task, milestone, TaskRole.Lead);
                    rows.Add(
                    [
                        n,
                        task.Title,
                        milestone.Period is null ? milestone.Deliverable : $"{milestone.Deliverable} ({milestone.Period})",
                        snapshot.UnitNames(task.Lead),
                        snapshot.UnitNames(task.Cooperating),
                        milestone.Due is { } due
                            ? milestone.OriginalDue is { } original ? Formats.Date(due) + BlockerStrings.ExtendedFrom(Formats.Date(original)) : new XDate(due)
                            : CardStrings.Ongoing,
                        period.Contains(milestone.Due) ? "x" : string.Empty,
                        Formats.Status(StatusViews.Of(item.Display)),
                        item.State.Status == MilestoneStatus.Done && item.State.DoneDate(snapshot.Zone) is { } done ? new XDate(done) : string.Empty,
                        item.State.Evidence,
                        item.State.Note,
                        StandingName(Tally.StandingOf(item)),
                        opinions.GetValueOrDefault(milestone.Id),
                        files?.GetValueOrDefault(milestone.Id) is { Count: > 0 } names ? string.Join("\n", names) : null,
                    ]);
                }
            }

            sheets.Add(new XSheet(WorkbookWriter.SheetName(ReformAreas.SheetTitle(area.Name, index + 1), taken), rows, 0));
        }

        return sheets;
    }

    private static string StandingName(Standing? standing) => standing switch
    {
        Standing.DoneOnTime => CardStrings.Figures.DoneOnTime,
        Standing.DoneLate => CardStrings.Figures.DoneLate,
        Standing.OpenInTime => CardStrings.Figures.OpenInTime,
        Standing.OpenOverdue => CardStrings.Figures.OpenOverdue,
        _ => "Nhiệm vụ thường xuyên",
    };

    private static XSheet Summary(PlanSnapshot snapshot, DigestFigures f, ReportPeriod period, string name)
    {
        var y = f.Year;
        var rows = new List<IReadOnlyList<XCell>>
        {
            new List<XCell> { new XText($"Báo cáo kết quả thực hiện Kế hoạch CCHC {period.Label} — {snapshot.Plan.Title}", Bold: true) },
            new List<XCell> { $"Số liệu tính đến ngày {Formats.Date(f.Today)}" },
            new List<XCell>(),
            new List<XCell> { "Chỉ tiêu", "Số lượng", "Tỷ lệ" },
            new List<XCell> { "Số mốc có thời hạn", y.Dated, XPercent.Of(y.Dated, y.Dated) },
            new List<XCell> { CardStrings.Figures.DoneOnTime, y.DoneOnTime, XPercent.Of(y.DoneOnTime, y.Dated) },
            new List<XCell> { CardStrings.Figures.DoneLate, y.DoneLate, XPercent.Of(y.DoneLate, y.Dated) },
            new List<XCell> { CardStrings.Figures.OpenInTime, y.OpenInTime, XPercent.Of(y.OpenInTime, y.Dated) },
            new List<XCell> { CardStrings.Figures.OpenOverdue, y.OpenOverdue, XPercent.Of(y.OpenOverdue, y.Dated) },
            new List<XCell> { "Trong đó gặp vướng mắc", y.Blocked, XPercent.Of(y.Blocked, y.Dated) },
            new List<XCell> { "Số mốc đã đến hạn", f.DueSoFar.Dated, string.Empty },
            new List<XCell> { "Số mốc đã đến hạn đã hoàn thành", f.DueSoFar.Done, XPercent.Of(f.DueSoFar.Done, f.DueSoFar.Dated) },
            new List<XCell> { "Nhiệm vụ thường xuyên (không tính vào số mốc)", y.OngoingTasks, string.Empty },
            new List<XCell>(),
            AreaHeaders.Select(h => (XCell)new XText(h, Bold: true)).ToList(),
        };
        rows.AddRange(f.Areas.Select(a => (IReadOnlyList<XCell>)new List<XCell>
        {
            a.Name, a.Tally.Dated, a.Tally.DoneOnTime, a.Tally.DoneLate, a.Tally.OpenInTime, a.Tally.OpenOverdue, XPercent.Of(a.Tally.Done, a.Tally.Dated), a.Tally.Blocked,
        }));
        return new XSheet(name, rows, 3);
    }
}
