namespace CchcBot.Reminders;

/// <summary>Whom a reminder is for.</summary>
public enum ReminderRole
{
    /// <summary>The head of the lead department (phòng chủ trì).</summary>
    Lead,

    /// <summary>The head of a cooperating department (phòng phối hợp).</summary>
    Cooperating,
}

public enum ReminderKind
{
    /// <summary>Before the due date ("Còn 3 ngày").</summary>
    BeforeDue,

    /// <summary>On the due date ("Đến hạn hôm nay").</summary>
    DueToday,

    /// <summary>After the due date, every few working days until Done ("Quá hạn 5 ngày").</summary>
    Overdue,

    /// <summary>The monthly check-in of an ongoing ("Thường xuyên") milestone.</summary>
    CheckIn,
}

/// <summary>One reminder to send today about one milestone to one role (its words are the edge's: kind and days say it all).</summary>
/// <param name="SlotKey">
/// Stable key for the exactly-once ledger (combine it with the agency, milestone id and recipient):
/// the same for every sweep on the same day, different across days. See <see cref="ReminderPolicy"/>.
/// </param>
/// <param name="Due">The milestone's due date; null for an ongoing milestone.</param>
/// <param name="CalendarDays">Calendar days from today to the due date: positive before it, 0 on it, negative after; 0 for a check-in.</param>
/// <param name="MergedSlots">Every slot key that landed on today (more than one when a weekend or holiday shift merged them); <paramref name="SlotKey"/> is one of them.</param>
public sealed record DueReminder(
    string MilestoneId,
    ReminderRole Role,
    ReminderKind Kind,
    string SlotKey,
    DateOnly? Due,
    int CalendarDays,
    IReadOnlyList<string> MergedSlots);
