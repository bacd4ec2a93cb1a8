using System.Text;
using CchcBot.Bot.Tests.Storage;
using CchcBot.Cards;
using CchcBot.Cards.Views;
using CchcBot.Digest;
using CchcBot.Plan;
using CchcBot.Progress;
using CchcBot.TestSupport;
using CchcBot.Views;

namespace CchcBot.Bot.Tests.Digest;

public class DigestCalculatorTests
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    private static readonly DateTimeOffset Friday = new(2026, 7, 3, 16, 0, 0, TimeSpan.FromHours(7)); // ISO week 27

    [Fact]
    public void Figures_from_known_statuses_are_exact()
    {
        // Sample plan 2026: TC-1-1 31/01, TC-1-2 31/12, TC-3-1 30/06, TTHC-2-1 ongoing.
        var states = new Dictionary<string, MilestoneState>
        {
            ["TC-1-1"] = new("TC-1-1", MilestoneStatus.Done, "An", At(2026, 1, 20), null, "15/KH-TTr", At(2026, 1, 20)),
            ["TC-3-1"] = new("TC-3-1", MilestoneStatus.Blocked, "Bình", At(2026, 7, 1), "Chờ hướng dẫn", null, null),
        };
        var history = new List<HistoryEntry>
        {
            new("TC-1", "TC-1-1", At(2026, 1, 20), "vp", "An", "status", MilestoneStatus.NotStarted, MilestoneStatus.Done, null, "15/KH-TTr"),
            new("TC-3", "TC-3-1", At(2026, 7, 1), "nv1", "Bình", "status", MilestoneStatus.NotStarted, MilestoneStatus.Blocked, "Chờ hướng dẫn", null),
        };

        var f = DigestCalculator.Compute(Snapshot(states), history, ["truongphong.nv2@example.gov.vn — 403"], Friday);

        Assert.Equal(("2026-W27", 27, new DateOnly(2026, 6, 29), new DateOnly(2026, 7, 5)), (f.Week.Key, f.Week.Number, f.Week.Monday, f.Week.Sunday));
        // TC-1-1 done on time; TC-1-2 open in time; TC-3-1 blocked and past its due date; TTHC-2 ongoing, counted apart.
        Assert.Equal(new TallyView(DoneOnTime: 1, DoneLate: 0, OpenInTime: 1, OpenOverdue: 1, InProgress: 0, Blocked: 1, OngoingTasks: 1), f.Year);
        Assert.Equal((2, 1), (f.DueSoFar.Dated, f.DueSoFar.Done));
        Assert.Equal(new TallyRow("Cải cách thể chế", new TallyView(1, 0, 1, 1, 0, 1, 0)), f.Areas[0]);
        Assert.Equal(new TallyRow("Cải cách thủ tục hành chính", new TallyView(0, 0, 0, 0, 0, 0, 1)), f.Areas[1]);
        Assert.Equal("TC-3-1", Assert.Single(f.Overdue).MilestoneId); // blocked and overdue: in both lists, as in the tally
        Assert.Equal("Chờ hướng dẫn", Assert.Single(f.Blockers).Note);
        var change = Assert.Single(f.Changes);
        Assert.Equal(("Bình", "Chưa thực hiện → Gặp vướng mắc"), (change.By, DigestViews.Of(change).What));
        Assert.Equal(0, f.DoneSinceLastWeek);
        Assert.Single(f.Unreachable);
    }

    [Fact]
    public void Overdue_items_come_most_overdue_first_and_due_soon_within_14_days()
    {
        var f = DigestCalculator.Compute(Snapshot([], new DateOnly(2026, 6, 20)), [], [], new DateTimeOffset(2026, 6, 20, 9, 0, 0, TimeSpan.FromHours(7)));

        var overdue = Assert.Single(f.Overdue);
        Assert.Equal(("TC-1-1", 140), (overdue.MilestoneId, overdue.Days));
        Assert.Equal(("TC-3-1", 10), (Assert.Single(f.DueSoon).MilestoneId, f.DueSoon[0].Days));
    }

    [Fact]
    public void Done_this_week_counts_as_progress_since_last_week()
    {
        var states = new Dictionary<string, MilestoneState> { ["TC-3-1"] = new("TC-3-1", MilestoneStatus.Done, "Bình", At(2026, 7, 2), null, null, At(2026, 7, 2)) };
        var history = new List<HistoryEntry> { new("TC-3", "TC-3-1", At(2026, 7, 2), "nv1", "Bình", "status", MilestoneStatus.InProgress, MilestoneStatus.Done, null, null) };

        Assert.Equal(1, DigestCalculator.Compute(Snapshot(states), history, [], Friday).DoneSinceLastWeek);
    }

    [Fact]
    public void A_department_sees_its_part_only()
    {
        var f = DigestCalculator.Compute(Snapshot([]), [], [], Friday, "NV1");

        Assert.Equal((3, 1), (f.Year.Dated, f.Year.OngoingTasks)); // NV1 leads TC-3 (1 milestone), cooperates on TC-1 (2) and TTHC-2 (ongoing)
        Assert.Equal("Phòng Nghiệp vụ 1", f.Scope);
    }

    [Theory]
    [InlineData("2026-11-29", "2026-W48")] // Sunday
    [InlineData("2026-11-30", "2026-W49")] // Monday
    [InlineData("2026-12-31", "2026-W53")]
    [InlineData("2027-01-01", "2026-W53")]
    [InlineData("2024-12-30", "2025-W01")]
    [InlineData("2026-01-01", "2026-W01")]
    public void Weeks_follow_ISO_8601(string date, string key) =>
        Assert.Equal(key, DigestWeek.Of(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).Key);

    [Fact]
    public void A_500_task_digest_fits_the_Teams_card_limit()
    {
        var areas = Enumerable.Range(1, 7).Select(i => new TallyRow($"Lĩnh vực cải cách hành chính số {i}", new TallyView(30, 20, 10, 10, 5, 2, 3))).ToList();
        var items = Enumerable.Range(1, 500).Select(i => new DigestItem($"T-{i}", $"T-{i}-1", "Tiếp tục thực hiện Nghị định 130/2005/NĐ-CP ngày 17/10/2005 của Chính phủ về chế độ tự chủ " + i, "Báo cáo kết quả thực hiện", "Văn phòng", new DateOnly(2026, 6, 30), i, "Ghi chú dài " + new string('x', 200), "Nguyễn Văn An")).ToList();
        var changes = Enumerable.Range(1, 500).Select(i => new DigestChange(new DateTime(2026, 7, 1, 9, 0, 0), "Nhiệm vụ " + i, new HistoryEntry($"T-{i}", $"T-{i}-1", default, "an", "Nguyễn Văn An", HistoryKinds.Status, MilestoneStatus.NotStarted, MilestoneStatus.Done, null, null))).ToList();
        var f = DigestViews.Of(new DigestFigures(DigestWeek.Of(new DateOnly(2026, 7, 3)), new DateOnly(2026, 7, 3), "Kế hoạch CCHC năm 2026", new TallyView(250, 50, 600, 100, 200, 20, 20), new TallyView(200, 50, 0, 250, 100, 20, 0), areas, items, items, items, changes, Enumerable.Range(1, 50).Select(i => $"user{i}@example.gov.vn — 403").ToList(), 12));

        var card = DigestCard.Build(f, ("29:chanhthanhtra", "Lê Văn Cường"));
        var details = DigestCard.Build(f, details: true);

        CardAssert.AllValid([card, details]);
        Assert.True(Encoding.UTF8.GetByteCount(details.Readably()) < CardValidator.MaxBytes);
        Assert.Contains("và 495 mốc khác", card.Readably(), StringComparison.Ordinal);
        Assert.Contains("Tổng hợp tiến độ CCHC — tuần 27 (29/06–05/07/2026)", card.Readably(), StringComparison.Ordinal);
        Assert.Equal("29:chanhthanhtra", card["msteams"]!["entities"]![0]!["mentioned"]!["id"]!.GetValue<string>());
    }

    private static DateTimeOffset At(int y, int m, int d) => new(y, m, d, 10, 0, 0, TimeSpan.FromHours(7));

    private static PlanSnapshot Snapshot(Dictionary<string, MilestoneState> states, DateOnly? today = null) =>
        new(SamplePlans.Plan(), SamplePlans.Directory(), states, today ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Friday, Zone).DateTime), Zone);
}
