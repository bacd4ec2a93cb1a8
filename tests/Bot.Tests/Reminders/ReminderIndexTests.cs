using CchcBot.Plan;
using CchcBot.Reminders;
using static CchcBot.Bot.Tests.Reminders.ReminderTestData;

namespace CchcBot.Bot.Tests.Reminders;

/// <summary>The due-date index the sweep reads must agree with the per-milestone policy on every day of 2024–2027.</summary>
public sealed class ReminderIndexTests
{
    private static readonly DateOnly PlanStart = D("2024-01-01");

    // Every day in windows around the New Year, Tết, Giỗ Tổ, 30/4–1/5 and 2/9 of each year (weekends and holidays
    // included), a whole ordinary month, and a few dates just before the plan starts.
    private static readonly DateOnly[] DueDates =
    [
        .. Days("2023-12-20", "2024-01-10"),
        .. Days("2024-01-28", "2024-02-20"),
        .. Days("2025-01-15", "2025-02-20"),
        .. Days("2026-01-01", "2026-01-12"),
        .. Days("2026-02-08", "2026-02-25"),
        .. Days("2027-01-27", "2027-02-15"),
        .. new[] { 2024, 2025, 2026, 2027 }.SelectMany(y => Days($"{y}-04-05", $"{y}-05-08")),
        .. new[] { 2024, 2025, 2026, 2027 }.SelectMany(y => Days($"{y}-08-25", $"{y}-09-08")),
        .. Days("2024-11-01", "2024-11-30"),
        .. Days("2027-12-20", "2027-12-31"),
    ];

    private static readonly HashSet<DateOnly> DueDateSet = [.. DueDates];

    private static bool HasBeforeDueReminder(DateOnly today, DateOnly due) =>
        Policy.DueOn(today, Milestone(due), MilestoneStatus.NotStarted, ReminderRole.Lead, today.Year).Any(r => r.Kind != ReminderKind.Overdue) ||
        Policy.DueOn(today, Milestone(due), MilestoneStatus.NotStarted, ReminderRole.Cooperating, today.Year).Count > 0;

    private static bool HasOverdueReminder(DateOnly today, DateOnly due) =>
        Policy.DueOn(today, Milestone(due), MilestoneStatus.NotStarted, ReminderRole.Lead, today.Year).Any(r => r.Kind == ReminderKind.Overdue);

    private static Milestone Milestone(DateOnly due) => new("m-1", "m", "Báo cáo", due);

    [Fact]
    public void Due_dates_to_check_are_exactly_the_due_dates_with_a_reminder_before_or_on_the_due_date()
    {
        foreach (var today in Days("2024-01-01", "2027-12-31"))
        {
            var index = Policy.DueDatesToCheck(today);

            var expected = DueDates.Where(d => HasBeforeDueReminder(today, d)).Order().ToList();
            Assert.Equal(expected, index.Where(DueDateSet.Contains));
            Assert.All(index, d => Assert.True(HasBeforeDueReminder(today, d), $"{d:dd/MM/yyyy} listed on {today:dd/MM/yyyy} without a reminder"));
            Assert.Equal(index.Order(), index);
        }
    }

    [Fact]
    public void Overdue_due_dates_to_check_are_exactly_the_due_dates_with_an_overdue_reminder()
    {
        foreach (var today in Days("2024-01-01", "2027-12-31"))
        {
            var index = Policy.OverdueDueDatesToCheck(today, PlanStart);

            var expected = DueDates.Where(d => d >= PlanStart && HasOverdueReminder(today, d)).Order().ToList();
            Assert.Equal(expected, index.Where(DueDateSet.Contains));
            Assert.All(index, d => Assert.True(d >= PlanStart && HasOverdueReminder(today, d), $"{d:dd/MM/yyyy} listed on {today:dd/MM/yyyy} without an overdue reminder"));
            Assert.Equal(index.Order(), index);
        }
    }

    [Fact]
    public void Every_slot_of_every_due_date_is_sent_on_exactly_one_day_and_keys_never_repeat_across_days()
    {
        foreach (var due in DueDates)
        {
            foreach (var role in new[] { ReminderRole.Lead, ReminderRole.Cooperating })
            {
                var sent = Days("2023-11-01", "2028-03-31")
                    .SelectMany(day => Policy.DueOn(day, Milestone(due), MilestoneStatus.InProgress, role, day.Year).Select(r => (day, r)))
                    .ToList();

                Assert.Equal(sent.Count, sent.Select(s => s.r.SlotKey).Distinct().Count());
                Assert.Equal(sent.Count, sent.Select(s => s.day).Distinct().Count());
                var covered = sent.Where(s => s.r.Kind != ReminderKind.Overdue).SelectMany(s => s.r.MergedSlots).ToList();
                var slots = role == ReminderRole.Lead ? new[] { 7, 3, 1, 0 } : [7, 1];
                Assert.Equal(slots.Length, covered.Count);
                Assert.Equal(covered.Count, covered.Distinct().Count());
                Assert.All(sent, s => Assert.Contains(s.r.SlotKey, s.r.MergedSlots));
            }
        }
    }

    [Fact]
    public void The_same_day_gives_the_same_keys_on_every_sweep()
    {
        var day = D("2024-11-22");
        var first = Policy.DueOn(day, Milestone(D("2024-11-25")), MilestoneStatus.NotStarted, ReminderRole.Lead, 2024);
        var second = Policy.DueOn(day, Milestone(D("2024-11-25")), MilestoneStatus.InProgress, ReminderRole.Lead, 2024);
        Assert.Equal(first.Select(r => r.SlotKey), second.Select(r => r.SlotKey));
    }

    [Fact]
    public void On_the_Friday_before_Tet_2025_the_index_reaches_past_the_holiday()
    {
        var index = Policy.DueDatesToCheck(D("2025-01-24"));

        // Slot dates 24/01 … 02/02 map to 24/01, each shifted by 0, 1, 3 and 7 days.
        Assert.Contains(D("2025-02-03"), index);
        Assert.Contains(D("2025-02-09"), index);
        Assert.DoesNotContain(D("2025-02-10"), index);
        Assert.Empty(Policy.DueDatesToCheck(D("2025-01-25")));
        Assert.Empty(Policy.OverdueDueDatesToCheck(D("2025-01-29"), PlanStart));
    }

    [Fact]
    public void Overdue_index_is_bounded_by_the_plan_start()
    {
        Assert.Empty(Policy.OverdueDueDatesToCheck(D("2024-01-03"), PlanStart));
        Assert.Equal([D("2024-01-01")], Policy.OverdueDueDatesToCheck(D("2024-01-04"), PlanStart));
        Assert.All(Policy.OverdueDueDatesToCheck(D("2027-12-31"), PlanStart), d => Assert.True(d >= PlanStart));
    }
}
