using CchcBot.Delivery;
using CchcBot.Plan;
using CchcBot.Progress;
using CchcBot.Storage;

namespace CchcBot.Reminders;

/// <summary>One item of a person's reminder, under its ledger key.</summary>
public sealed record ReminderLine(string Key, BoardItem Item, DueReminder Reminder);

/// <summary>A person's reminder of the day: the items due, overdue or up for their check-in.</summary>
/// <param name="Name">The person's name once Teams has told it (they opened the bot); null before.</param>
/// <param name="Position">The position they are reminded in ("Trưởng phòng Nghiệp vụ 1", "Cán bộ Phòng …").</param>
public sealed record ReminderContent(string? Name, string Position, PlanSnapshot Snapshot, IReadOnlyList<ReminderLine> Lines) : MessageContent
{
    public override MessageContent Only(IReadOnlySet<string> claimed) => this with { Lines = Lines.Where(l => claimed.Contains(l.Key)).ToList() };
}

/// <summary>The Chief of Office's summary of the day: what is overdue past the threshold or blocked, and who cannot be reached.</summary>
public sealed record EscalationContent(PlanSnapshot Snapshot, IReadOnlyList<BoardItem> Items, IReadOnlyList<UnreachableRecipient> Unreachable, int EscalateAfterWorkingDays)
    : MessageContent;
