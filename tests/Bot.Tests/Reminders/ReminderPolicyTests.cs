using CchcBot.Plan;
using CchcBot.Reminders;
using CchcBot.Teams.Delivery;
using static CchcBot.Bot.Tests.Reminders.ReminderTestData;

namespace CchcBot.Bot.Tests.Reminders;

public sealed class ReminderPolicyTests
{
    [Theory]
    [InlineData("2024-11-15", "lead:d-7@2024-11-22", "Còn 7 ngày", ReminderKind.BeforeDue)]
    [InlineData("2024-11-19", "lead:d-3@2024-11-22", "Còn 3 ngày", ReminderKind.BeforeDue)]
    [InlineData("2024-11-21", "lead:d-1@2024-11-22", "Còn 1 ngày", ReminderKind.BeforeDue)]
    [InlineData("2024-11-22", "lead:d0@2024-11-22", "Đến hạn hôm nay", ReminderKind.DueToday)]
    public void The_lead_is_reminded_7_3_1_and_0_days_before_an_ordinary_Friday_due_date(string today, string key, string reason, ReminderKind kind)
    {
        var reminder = Assert.Single(Policy.DueOn(D(today), Dated("2024-11-22"), MilestoneStatus.InProgress, ReminderRole.Lead, 2024));

        Assert.Equal(key, reminder.SlotKey);
        Assert.Equal(reason, OutgoingCards.Reason(reminder, D(today)));
        Assert.Equal(kind, reminder.Kind);
        Assert.Equal("ccth-01-1", reminder.MilestoneId);
        Assert.Equal(D("2024-11-22"), reminder.Due);
        Assert.Equal([key], reminder.MergedSlots);
    }

    [Fact]
    public void No_other_day_before_an_ordinary_due_date_has_a_reminder()
    {
        var sent = Sent(Dated("2024-11-22"), ReminderRole.Lead, "2024-10-01", "2024-11-26");
        Assert.Equal([D("2024-11-15"), D("2024-11-19"), D("2024-11-21"), D("2024-11-22")], sent.Select(s => s.Day));
    }

    [Fact]
    public void Due_on_Monday_the_Sunday_slot_moves_to_Friday_and_merges_with_the_3_day_slot()
    {
        var sent = Sent(Dated("2024-11-25"), ReminderRole.Lead, "2024-11-01", "2024-11-26");

        Assert.Equal([D("2024-11-18"), D("2024-11-22"), D("2024-11-25")], sent.Select(s => s.Day));
        var friday = sent[1].Reminder;
        Assert.Equal("lead:d-1@2024-11-25", friday.SlotKey);
        Assert.Equal(["lead:d-1@2024-11-25", "lead:d-3@2024-11-25"], friday.MergedSlots);
        Assert.Equal("Còn 3 ngày", Words(sent[1]));
        Assert.Equal(3, friday.CalendarDays);
    }

    [Fact]
    public void Due_on_Saturday_the_due_day_reminder_moves_to_Friday()
    {
        var sent = Sent(Dated("2024-11-23"), ReminderRole.Lead, "2024-11-01", "2024-11-26");

        Assert.Equal([D("2024-11-15"), D("2024-11-20"), D("2024-11-22")], sent.Select(s => s.Day));
        Assert.Equal("lead:d0@2024-11-23", sent[2].Reminder.SlotKey);
        Assert.Equal("Còn 1 ngày", Words(sent[2]));
        Assert.Equal(ReminderKind.BeforeDue, sent[2].Reminder.Kind);
    }

    [Fact]
    public void Due_right_after_Tet_2025_every_earlier_slot_moves_to_the_last_working_day_before_Tet()
    {
        var sent = Sent(Dated("2025-02-03"), ReminderRole.Lead, "2025-01-01", "2025-02-04");

        Assert.Equal([D("2025-01-24"), D("2025-02-03")], sent.Select(s => s.Day));
        Assert.Equal("lead:d-1@2025-02-03", sent[0].Reminder.SlotKey);
        Assert.Equal(3, sent[0].Reminder.MergedSlots.Count);
        Assert.Equal("Còn 10 ngày", Words(sent[0]));
        Assert.Equal("Đến hạn hôm nay", Words(sent[1]));
    }

    [Fact]
    public void Due_right_after_30_4_and_1_5_2025_the_slots_move_before_the_holiday()
    {
        // 30/4, 1/5 and the swapped Friday 2/5/2025 are off; 3–4/5 are the weekend.
        var sent = Sent(Dated("2025-05-05"), ReminderRole.Lead, "2025-04-01", "2025-05-06");

        Assert.Equal([D("2025-04-28"), D("2025-04-29"), D("2025-05-05")], sent.Select(s => s.Day));
        Assert.Equal("lead:d-1@2025-05-05", sent[1].Reminder.SlotKey);
        Assert.Equal("Còn 6 ngày", Words(sent[1]));
    }

    [Fact]
    public void A_slot_on_a_make_up_Saturday_is_sent_that_Saturday()
    {
        var sent = Sent(Dated("2025-05-03"), ReminderRole.Lead, "2025-04-01", "2025-05-04");

        Assert.Equal(D("2025-04-26"), sent[0].Day);
        Assert.Equal("lead:d-7@2025-05-03", sent[0].Reminder.SlotKey);
    }

    [Fact]
    public void Due_right_after_Quoc_khanh_2024_the_slots_move_to_the_Friday_before()
    {
        // 2/9 and 3/9/2024 (Monday, Tuesday) are off.
        var sent = Sent(Dated("2024-09-04"), ReminderRole.Lead, "2024-08-01", "2024-09-04");

        Assert.Equal([D("2024-08-28"), D("2024-08-30"), D("2024-09-04")], sent.Select(s => s.Day));
        Assert.Equal("lead:d-1@2024-09-04", sent[1].Reminder.SlotKey);
        Assert.Equal(["lead:d-1@2024-09-04", "lead:d-3@2024-09-04"], sent[1].Reminder.MergedSlots);
        Assert.Equal("Còn 5 ngày", Words(sent[1]));
    }

    [Fact]
    public void Overdue_reminders_come_every_3_working_days_after_the_due_date()
    {
        var sent = Sent(Dated("2024-11-22"), ReminderRole.Lead, "2024-11-23", "2024-12-06");

        Assert.Equal([D("2024-11-27"), D("2024-12-02"), D("2024-12-05")], sent.Select(s => s.Day));
        Assert.Equal(["lead:overdue-3@2024-11-22", "lead:overdue-6@2024-11-22", "lead:overdue-9@2024-11-22"], sent.Select(s => s.Reminder.SlotKey));
        Assert.Equal(["Quá hạn 5 ngày", "Quá hạn 10 ngày", "Quá hạn 13 ngày"], sent.Select(Words));
        Assert.All(sent, s => Assert.Equal(ReminderKind.Overdue, s.Reminder.Kind));
        Assert.Equal(-5, sent[0].Reminder.CalendarDays);
    }

    [Fact]
    public void Overdue_cadence_skips_holidays_and_counts_a_make_up_Saturday()
    {
        // Due Fri 26/04/2024: 29/4 (swapped), 30/4, 1/5 are off; Sat 4/5/2024 is a make-up working day.
        var sent = Sent(Dated("2024-04-26"), ReminderRole.Lead, "2024-04-27", "2024-05-14");

        Assert.Equal([D("2024-05-04"), D("2024-05-08"), D("2024-05-13")], sent.Select(s => s.Day));
        Assert.Equal("Quá hạn 8 ngày", Words(sent[0]));
    }

    [Fact]
    public void Overdue_cadence_after_a_weekend_due_date_counts_from_the_next_working_day()
    {
        var sent = Sent(Dated("2024-11-23"), ReminderRole.Lead, "2024-11-23", "2024-12-03");

        Assert.Equal([D("2024-11-27"), D("2024-12-02")], sent.Select(s => s.Day));
        Assert.Equal("lead:overdue-3@2024-11-23", sent[0].Reminder.SlotKey);
    }

    [Fact]
    public void A_Done_milestone_gets_nothing_and_is_never_escalated()
    {
        Assert.Empty(Sent(Dated("2024-11-22"), ReminderRole.Lead, "2024-01-01", "2025-12-31", MilestoneStatus.Done));
        Assert.Empty(Sent(Dated("2024-11-22"), ReminderRole.Cooperating, "2024-01-01", "2025-12-31", MilestoneStatus.Done));
        Assert.Empty(Sent(Ongoing(), ReminderRole.Lead, "2024-01-01", "2024-12-31", MilestoneStatus.Done, 2024));
        Assert.False(Policy.IsEscalated(D("2025-06-02"), Dated("2024-11-22"), MilestoneStatus.Done));
    }

    [Fact]
    public void A_Blocked_milestone_is_still_reminded_and_escalated_before_its_due_date()
    {
        var reminder = Assert.Single(Policy.DueOn(D("2024-11-15"), Dated("2024-11-22"), MilestoneStatus.Blocked, ReminderRole.Lead, 2024));
        Assert.Equal("lead:d-7@2024-11-22", reminder.SlotKey);
        Assert.True(Policy.IsEscalated(D("2024-11-15"), Dated("2024-11-22"), MilestoneStatus.Blocked));
        Assert.True(Policy.IsEscalated(D("2024-11-15"), Ongoing(), MilestoneStatus.Blocked));
        Assert.Single(Policy.DueOn(D("2024-11-27"), Dated("2024-11-22"), MilestoneStatus.Blocked, ReminderRole.Lead, 2024));
    }

    [Fact]
    public void Cooperating_heads_are_reminded_only_7_and_1_days_before()
    {
        var sent = Sent(Dated("2024-11-22"), ReminderRole.Cooperating, "2024-10-01", "2025-03-31");

        Assert.Equal([D("2024-11-15"), D("2024-11-21")], sent.Select(s => s.Day));
        Assert.Equal(["coop:d-7@2024-11-22", "coop:d-1@2024-11-22"], sent.Select(s => s.Reminder.SlotKey));
        Assert.All(sent, s => Assert.Equal(ReminderRole.Cooperating, s.Reminder.Role));
    }

    [Fact]
    public void Cooperating_slots_merge_over_Tet_2025_under_the_nearer_slot()
    {
        var reminder = Assert.Single(Sent(Dated("2025-02-03"), ReminderRole.Cooperating, "2025-01-01", "2025-03-01")).Reminder;
        Assert.Equal("coop:d-1@2025-02-03", reminder.SlotKey);
        Assert.Equal(["coop:d-1@2025-02-03", "coop:d-7@2025-02-03"], reminder.MergedSlots);
    }

    [Fact]
    public void An_ongoing_milestone_has_a_check_in_on_the_first_working_day_of_each_month_of_the_plan_year()
    {
        var sent = Sent(Ongoing(), ReminderRole.Lead, "2024-12-01", "2026-01-31", planYear: 2025);

        Assert.Equal(12, sent.Count);
        Assert.Equal(D("2025-01-02"), sent[0].Day);
        Assert.Equal("lead:checkin-2025-01", sent[0].Reminder.SlotKey);
        Assert.Equal("Kiểm tra định kỳ tháng 01/2025", Words(sent[0]));
        Assert.Equal(ReminderKind.CheckIn, sent[0].Reminder.Kind);
        Assert.Null(sent[0].Reminder.Due);
        Assert.Equal(D("2025-05-05"), sent[4].Day);
        Assert.Equal("lead:checkin-2025-05", sent[4].Reminder.SlotKey);
        Assert.Equal("Kiểm tra định kỳ tháng 11/2025", Words(sent[10]));
        Assert.All(sent, s => Assert.True(Policy.IsCheckInDay(s.Day)));
    }

    [Fact]
    public void An_ongoing_milestone_gets_nothing_for_cooperating_heads_and_is_never_overdue()
    {
        Assert.Empty(Sent(Ongoing(), ReminderRole.Cooperating, "2025-01-01", "2025-12-31", planYear: 2025));
        Assert.False(Policy.IsEscalated(D("2025-12-31"), Ongoing(), MilestoneStatus.NotStarted));
    }

    [Theory]
    [InlineData("2024-11-26", false)]
    [InlineData("2024-11-27", true)]
    [InlineData("2024-11-30", true)]
    [InlineData("2025-03-01", true)]
    [InlineData("2024-11-22", false)]
    public void A_milestone_3_working_days_overdue_is_escalated(string today, bool escalated) =>
        Assert.Equal(escalated, Policy.IsEscalated(D(today), Dated("2024-11-22"), MilestoneStatus.InProgress));

    [Fact]
    public void The_daily_summary_key_is_per_working_day()
    {
        Assert.Equal("escalation:2024-11-27", Policy.EscalationSummaryKey(D("2024-11-27")));
        Assert.Equal("escalation:2024-05-04", Policy.EscalationSummaryKey(D("2024-05-04")));
        Assert.Null(Policy.EscalationSummaryKey(D("2024-11-30")));
        Assert.Null(Policy.EscalationSummaryKey(D("2025-01-29")));
    }

    [Fact]
    public void Latest_escalated_due_date_splits_due_dates_exactly_like_IsEscalated()
    {
        foreach (var today in Days("2024-01-01", "2027-12-31"))
        {
            var latest = Policy.LatestEscalatedDueDate(today);
            for (var due = today.AddDays(-40); due <= today.AddDays(3); due = due.AddDays(1))
            {
                var milestone = new Milestone("m", "t", "x", due);
                Assert.True(
                    (due <= latest) == Policy.IsEscalated(today, milestone, MilestoneStatus.NotStarted),
                    $"today {today:dd/MM/yyyy}, due {due:dd/MM/yyyy}, latest {latest:dd/MM/yyyy}");
            }
        }
    }

    [Fact]
    public void Nothing_is_due_on_weekends_or_holidays()
    {
        var milestone = Dated("2024-11-22");
        foreach (var day in Days("2024-01-01", "2027-12-31").Where(d => !Calendar.IsWorkingDay(d)))
        {
            Assert.Empty(Policy.DueOn(day, milestone, MilestoneStatus.NotStarted, ReminderRole.Lead, day.Year));
            Assert.Empty(Policy.DueOn(day, Ongoing(), MilestoneStatus.NotStarted, ReminderRole.Lead, day.Year));
        }
    }

    [Fact]
    public void Custom_lead_days_are_honoured()
    {
        var options = new ReminderOptions { LeadDays = [14, 0], CooperatingDays = [], OverdueEveryWorkingDays = 5 };
        var policy = new ReminderPolicy(options, Calendar);
        var milestone = Dated("2024-11-22");

        var days = Days("2024-10-01", "2024-12-31")
            .Where(d => policy.DueOn(d, milestone, MilestoneStatus.NotStarted, ReminderRole.Lead, 2024).Count > 0)
            .ToList();

        Assert.Equal([D("2024-11-08"), D("2024-11-22"), D("2024-11-29"), D("2024-12-06"), D("2024-12-13"), D("2024-12-20"), D("2024-12-27")], days);
        Assert.Empty(Days("2024-10-01", "2024-12-31").SelectMany(d => policy.DueOn(d, milestone, MilestoneStatus.NotStarted, ReminderRole.Cooperating, 2024)));
    }

    [Fact]
    public void Invalid_options_are_refused_by_the_policy()
    {
        var error = Assert.Throws<ArgumentException>(() => new ReminderPolicy(new ReminderOptions { SendFrom = "8h" }, Calendar));
        Assert.Contains("Reminders:SendFrom must be HH:mm", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The reminder's line as the card shows it (the words are made at the edge from kind and days).</summary>
    private static string Words((DateOnly Day, DueReminder Reminder) sent) => OutgoingCards.Reason(sent.Reminder, sent.Day);
}
