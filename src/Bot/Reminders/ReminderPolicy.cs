using System.Globalization;
using CchcBot.Plan;

namespace CchcBot.Reminders;

/// <summary>
/// Which reminders are due on a working day. Pure: the same inputs give the same answer on every instance.
/// <para>
/// Dated milestones (not Done): the lead is reminded <see cref="ReminderOptions.LeadDays"/> calendar days before the
/// due date D (slot <c>lead:d-7@D</c>, <c>lead:d0@D</c>); cooperating heads at <see cref="ReminderOptions.CooperatingDays"/>
/// (<c>coop:d-1@D</c>). A slot on a weekend or holiday moves to the previous working day. When several slots land on
/// the same day, one reminder goes out under the key of the slot nearest the due date (smallest number of days):
/// that is the most urgent reminder the merge stands for, and its reason text is computed from the real send day
/// anyway ("Còn 3 ngày" on the Friday before a Monday due date), so the card never understates the time left.
/// </para>
/// <para>
/// Overdue (lead only): on the working days D + k·<see cref="ReminderOptions.OverdueEveryWorkingDays"/> working days
/// (slot <c>lead:overdue-6@D</c>, the number being working days after D). Cards read calendar days
/// ("Quá hạn 8 ngày"), which is what people count; the cadence and the escalation threshold count working days.
/// </para>
/// <para>
/// Ongoing ("Thường xuyên") milestones: lead only, a check-in on the first working day of each month of the plan
/// year (slot <c>lead:checkin-2026-11</c>).
/// </para>
/// <para>
/// Missed days: a reminder belongs to exactly one day; if no sweep ran on that day (after SendFrom) it is not sent
/// later — a late "Còn 7 ngày" would be wrong by then. Overdue reminders are not caught up either: the next one comes
/// within <see cref="ReminderOptions.OverdueEveryWorkingDays"/> working days, and a milestone that is that far
/// overdue is in the Chief of Office's summary every working day meanwhile.
/// </para>
/// The due date is part of every dated key, so a milestone whose due date is changed gets its reminders again.
/// </summary>
public sealed class ReminderPolicy
{
    private readonly ReminderOptions options;
    private readonly int[] leadDays;
    private readonly int[] cooperatingDays;
    private readonly int[] allDays;

    public ReminderPolicy(ReminderOptions options, WorkingCalendar calendar)
    {
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        this.options = options;
        Calendar = calendar;
        leadDays = [.. options.LeadDays.Order()];
        cooperatingDays = [.. options.CooperatingDays.Order()];
        allDays = [.. leadDays.Union(cooperatingDays).Order()];
    }

    public WorkingCalendar Calendar { get; }

    /// <summary>
    /// The reminders for <paramref name="milestone"/> and <paramref name="role"/> on <paramref name="today"/> (a local
    /// date): at most one. Empty on non-working days and for Done milestones. Blocked milestones are still reminded.
    /// </summary>
    /// <param name="planYear">The plan's year: ongoing milestones get check-ins only in that year.</param>
    public IReadOnlyList<DueReminder> DueOn(DateOnly today, Milestone milestone, MilestoneStatus status, ReminderRole role, int planYear)
    {
        if (status == MilestoneStatus.Done || !Calendar.IsWorkingDay(today))
        {
            return [];
        }

        if (milestone.Due is not { } due)
        {
            return role == ReminderRole.Lead && today.Year == planYear && IsCheckInDay(today)
                ? [CheckIn(today, milestone)]
                : [];
        }

        var prefix = role == ReminderRole.Lead ? "lead" : "coop";
        var slots = (role == ReminderRole.Lead ? leadDays : cooperatingDays)
            .Where(days => Calendar.OnOrBeforeWorkingDay(due.AddDays(-days)) == today)
            .Select(days => $"{prefix}:{(days == 0 ? "d0" : $"d-{days}")}@{Iso(due)}")
            .ToList();
        var calendarDays = due.DayNumber - today.DayNumber;
        if (slots.Count > 0)
        {
            // Slots are in ascending order of days before the due date: the first is the nearest to it.
            return [new DueReminder(
                milestone.Id,
                role,
                calendarDays == 0 ? ReminderKind.DueToday : ReminderKind.BeforeDue,
                slots[0],
                due,
                calendarDays,
                slots)];
        }

        var overdue = Calendar.WorkingDaysBetween(due, today);
        if (role == ReminderRole.Lead && overdue > 0 && overdue % options.OverdueEveryWorkingDays == 0)
        {
            var key = $"lead:overdue-{overdue}@{Iso(due)}";
            return [new DueReminder(milestone.Id, role, ReminderKind.Overdue, key, due, calendarDays, [key])];
        }

        return [];
    }

    /// <summary>
    /// Whether the milestone belongs in the Chief of Office's daily summary: not Done and either Blocked or at least
    /// <see cref="ReminderOptions.EscalateAfterWorkingDaysOverdue"/> working days after its due date.
    /// </summary>
    public bool IsEscalated(DateOnly today, Milestone milestone, MilestoneStatus status) =>
        status != MilestoneStatus.Done &&
        (status == MilestoneStatus.Blocked ||
         (milestone.Due is { } due && Calendar.WorkingDaysBetween(due, today) >= options.EscalateAfterWorkingDaysOverdue));

    /// <summary>Ledger key of the Chief of Office's daily summary, <c>escalation:yyyy-MM-dd</c>; null on non-working days.</summary>
    public string? EscalationSummaryKey(DateOnly today) =>
        Calendar.IsWorkingDay(today) ? $"escalation:{Iso(today)}" : null;

    /// <summary>
    /// The latest due date that is escalated today by lateness: every due date on or before it is at least
    /// <see cref="ReminderOptions.EscalateAfterWorkingDaysOverdue"/> working days overdue, every later one is not.
    /// (Blocked milestones are escalated whatever their due date; find them by status.)
    /// </summary>
    public DateOnly LatestEscalatedDueDate(DateOnly today)
    {
        // The N-th working day counting back from today (today is the first when it is a working day).
        var nth = Calendar.OnOrBeforeWorkingDay(today);
        for (var i = 1; i < options.EscalateAfterWorkingDaysOverdue; i++)
        {
            nth = Calendar.PreviousWorkingDay(nth);
        }

        return nth.AddDays(-1);
    }

    /// <summary>
    /// The due dates whose milestones may have a lead or cooperating reminder before/on the due date today: every D
    /// such that some slot of D moves to today. Ascending; empty on non-working days. Read these partitions only.
    /// </summary>
    public IReadOnlyList<DateOnly> DueDatesToCheck(DateOnly today)
    {
        if (!Calendar.IsWorkingDay(today))
        {
            return [];
        }

        // A slot date moves to today exactly when it is today or one of the non-working days right after it.
        var next = Calendar.NextWorkingDay(today);
        var dates = new SortedSet<DateOnly>();
        for (var slotDate = today; slotDate < next; slotDate = slotDate.AddDays(1))
        {
            foreach (var days in allDays)
            {
                dates.Add(slotDate.AddDays(days));
            }
        }

        return [.. dates];
    }

    /// <summary>
    /// The due dates (not before <paramref name="planStart"/>) whose milestones, if not Done, get an overdue reminder
    /// today: every D with <c>WorkingDaysBetween(D, today)</c> a positive multiple of
    /// <see cref="ReminderOptions.OverdueEveryWorkingDays"/>. Ascending; empty on non-working days. Pass the plan's
    /// earliest due date (or 1 January of the plan year) as <paramref name="planStart"/>; the work is proportional
    /// to the days between it and today.
    /// </summary>
    public IReadOnlyList<DateOnly> OverdueDueDatesToCheck(DateOnly today, DateOnly planStart)
    {
        var dates = new List<DateOnly>();
        if (!Calendar.IsWorkingDay(today))
        {
            return dates;
        }

        // WorkingDaysBetween(D, today) == m exactly for D in [w(m+1), w(m) - 1], w(1) = today, w(k+1) = the working day before w(k).
        var wm = today;
        for (var m = 1; wm > planStart; m++)
        {
            var wNext = Calendar.PreviousWorkingDay(wm);
            if (m % options.OverdueEveryWorkingDays == 0)
            {
                for (var d = wm.AddDays(-1); d >= wNext && d >= planStart; d = d.AddDays(-1))
                {
                    dates.Add(d);
                }
            }

            wm = wNext;
        }

        dates.Reverse();
        return dates;
    }

    /// <summary>Whether ongoing milestones get their monthly check-in today (the first working day of the month).</summary>
    public bool IsCheckInDay(DateOnly today) => today == Calendar.FirstWorkingDayOfMonth(today.Year, today.Month);

    private static DueReminder CheckIn(DateOnly today, Milestone milestone)
    {
        var key = $"lead:checkin-{today.ToString("yyyy-MM", CultureInfo.InvariantCulture)}";
        return new(milestone.Id, ReminderRole.Lead, ReminderKind.CheckIn, key, null, 0, [key]);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
