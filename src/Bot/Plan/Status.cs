namespace CchcBot.Plan;

/// <summary>What a department head reports. The wire values (card inputs) are the enum names.</summary>
public enum MilestoneStatus
{
    NotStarted,
    InProgress,
    Done,
    Blocked,
}

/// <summary>What users see: the reported status, or a state derived from it and the due date.</summary>
public enum DisplayStatus
{
    NotStarted,
    InProgress,
    Done,
    Blocked,
    Overdue,
    DoneLate,
}

/// <summary>The current state of one milestone.</summary>
public sealed record MilestoneState(
    string MilestoneId,
    MilestoneStatus Status,
    string? UpdatedBy,
    DateTimeOffset? UpdatedAt,
    string? Note,
    string? Evidence,
    DateTimeOffset? CompletedAt)
{
    public static MilestoneState Initial(string milestoneId) =>
        new(milestoneId, MilestoneStatus.NotStarted, null, null, null, null, null);

    /// <summary>Derives what the user sees. <paramref name="today"/> is the local date in the bot's time zone.</summary>
    public DisplayStatus Display(DateOnly? due, DateOnly today, TimeZoneInfo zone)
    {
        if (Status == MilestoneStatus.Done)
        {
            if (due is { } d && CompletedAt is { } at &&
                DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime) > d)
            {
                return DisplayStatus.DoneLate;
            }

            return DisplayStatus.Done;
        }

        if (Status == MilestoneStatus.Blocked)
        {
            return DisplayStatus.Blocked;
        }

        if (due is { } dueDate && today > dueDate)
        {
            return DisplayStatus.Overdue;
        }

        return Status == MilestoneStatus.InProgress ? DisplayStatus.InProgress : DisplayStatus.NotStarted;
    }
}

/// <summary>One append-only history record of a milestone (who, when, from → to, note, evidence).</summary>
/// <param name="Kind">"status" for a status change by the lead, "comment" for a cooperating unit's ý kiến phối hợp.</param>
public sealed record HistoryEntry(
    string TaskId,
    string MilestoneId,
    DateTimeOffset At,
    string By,
    string ByName,
    string Kind,
    MilestoneStatus From,
    MilestoneStatus To,
    string? Note,
    string? Evidence);
