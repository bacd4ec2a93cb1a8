using CchcBot.Cards;
using CchcBot.Cards.Views;
using CchcBot.Plan;
using CchcBot.Progress;

namespace CchcBot.Reports;

/// <summary>
/// The plan's periodic report annex: a summary sheet with the digest's figures, then one sheet per reform area listing
/// every task's milestones — deliverable, lead and cooperating units, due date, whether it falls in the period, status,
/// completion date, document number (evidence) and note.
/// </summary>
public static class QuarterReport
{
    public static readonly string[] Headers =
    [
        "STT", "Nhiệm vụ", "Sản phẩm", "Đơn vị chủ trì", "Đơn vị phối hợp", "Hạn", "Trong kỳ", "Trạng thái", "Ngày hoàn thành",
        "Số/ký hiệu văn bản", "Ghi chú",
    ];

    public static IReadOnlyList<XSheet> Build(PlanSnapshot snapshot, DigestFigures figures, ReportPeriod period)
    {
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
                        milestone.Due is { } due ? new XDate(due) : "Thường xuyên",
                        period.Contains(milestone.Due) ? "x" : string.Empty,
                        Formats.Status((StatusView)(int)item.Display),
                        item.State.CompletedAt is { } done ? new XDate(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(done, snapshot.Zone).DateTime)) : string.Empty,
                        item.State.Evidence,
                        item.State.Note,
                    ]);
                }
            }

            sheets.Add(new XSheet(WorkbookWriter.SheetName($"{index + 1}. {area.Name}", taken), rows, 0));
        }

        return sheets;
    }

    private static XSheet Summary(PlanSnapshot snapshot, DigestFigures f, ReportPeriod period, string name)
    {
        var rows = new List<IReadOnlyList<XCell>>
        {
            new List<XCell> { new XText($"Báo cáo kết quả thực hiện Kế hoạch CCHC {period.Label} — {snapshot.Plan.Title}", Bold: true) },
            new List<XCell> { $"Số liệu tính đến ngày {Formats.Date(f.Today)}" },
            new List<XCell>(),
            new List<XCell> { "Chỉ tiêu", "Số lượng", "Ghi chú" },
            new List<XCell> { "Số mốc có thời hạn", f.Year.Dated, string.Empty },
            new List<XCell> { "Hoàn thành đúng hạn", f.Year.DoneOnTime, Formats.Percent(f.Year.DoneOnTime, f.Year.Dated) },
            new List<XCell> { "Hoàn thành trễ hạn", f.Year.DoneLate, Formats.Percent(f.Year.DoneLate, f.Year.Dated) },
            new List<XCell> { "Chưa hoàn thành, trong hạn", f.Year.OpenInTime, Formats.Percent(f.Year.OpenInTime, f.Year.Dated) },
            new List<XCell> { "Chưa hoàn thành, quá hạn", f.Year.OpenOverdue, Formats.Percent(f.Year.OpenOverdue, f.Year.Dated) },
            new List<XCell> { "Trong đó gặp vướng mắc", f.Year.Blocked, string.Empty },
            new List<XCell> { "Số mốc đã đến hạn", f.DueSoFar.Dated, string.Empty },
            new List<XCell> { "Số mốc đã đến hạn đã hoàn thành", f.DueSoFar.Done, Formats.Percent(f.DueSoFar.Done, f.DueSoFar.Dated) },
            new List<XCell> { "Nhiệm vụ thường xuyên (không tính vào số mốc)", f.Year.OngoingTasks, string.Empty },
            new List<XCell>(),
            new List<XCell> { "Lĩnh vực", "Hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Gặp vướng mắc", "Quá hạn" },
        };
        rows.AddRange(f.Areas.Select(a => (IReadOnlyList<XCell>)new List<XCell> { a.Name, a.Tally.Done, a.Tally.InProgress, a.Tally.NotStarted, a.Tally.Blocked, a.Tally.OpenOverdue }));
        return new XSheet(name, rows, 3);
    }
}
