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

/// <summary>
/// The current state of one milestone. A milestone led by several departments (a group such as "Các phòng Nghiệp vụ",
/// or several ids) has one part per lead department in <see cref="Parts"/>; <see cref="Combine"/> makes the
/// milestone's own state from them.
/// </summary>
public sealed record MilestoneState(
    string MilestoneId,
    MilestoneStatus Status,
    string? UpdatedBy,
    DateTimeOffset? UpdatedAt,
    string? Note,
    string? Evidence,
    DateTimeOffset? CompletedAt)
{
    private static readonly IReadOnlyDictionary<string, MilestoneState> NoParts = new Dictionary<string, MilestoneState>();

    /// <summary>The date the deliverable was really done, as the reporter stated it (on time / late is judged from it).</summary>
    public DateOnly? DoneOn { get; init; }

    /// <summary>The lead departments' parts as stored, by department id (case-insensitive); empty for a single lead.</summary>
    public IReadOnlyDictionary<string, MilestoneState> Parts { get; init; } = NoParts;

    public static MilestoneState Initial(string milestoneId) =>
        new(milestoneId, MilestoneStatus.NotStarted, null, null, null, null, null);

    /// <summary>
    /// One lead department's part. A part never reported takes the milestone's whole state (what was recorded before
    /// the milestone had parts counts for every part).
    /// </summary>
    public MilestoneState PartOf(string departmentId) =>
        Parts.TryGetValue(departmentId, out var part) ? part : this with { Parts = NoParts };

    /// <summary>
    /// The milestone's state from its lead departments' parts: Hoàn thành when every part is (completed when the last
    /// part was), Gặp vướng mắc when any part is, Đang thực hiện when any part has started. One lead: the state itself.
    /// </summary>
    public MilestoneState Combine(IReadOnlyList<string> leadDepartments)
    {
        if (leadDepartments.Count <= 1)
        {
            return this;
        }

        var parts = leadDepartments.Select(PartOf).ToList();
        var latest = parts.Where(p => p.UpdatedAt is not null).MaxBy(p => p.UpdatedAt);
        var blocked = parts.FirstOrDefault(p => p.Status == MilestoneStatus.Blocked);
        var status = parts.All(p => p.Status == MilestoneStatus.Done) ? MilestoneStatus.Done
            : blocked is not null ? MilestoneStatus.Blocked
            : parts.Any(p => p.Status is MilestoneStatus.InProgress or MilestoneStatus.Done) ? MilestoneStatus.InProgress
            : MilestoneStatus.NotStarted;
        var completedAt = status == MilestoneStatus.Done ? parts.Max(p => p.CompletedAt) : null;
        var doneOn = status == MilestoneStatus.Done && parts.All(p => p.DoneOn is not null) ? parts.Max(p => p.DoneOn) : null;
        var source = blocked ?? latest;
        return new MilestoneState(MilestoneId, status, latest?.UpdatedBy, latest?.UpdatedAt, source?.Note, latest?.Evidence, completedAt) { Parts = Parts, DoneOn = doneOn };
    }

    /// <summary>This state with one part replaced (the others as they were).</summary>
    public MilestoneState WithPart(string departmentId, MilestoneState part)
    {
        var parts = new Dictionary<string, MilestoneState>(Parts, StringComparer.OrdinalIgnoreCase) { [departmentId] = part with { Parts = NoParts } };
        return this with { Parts = parts };
    }

    /// <summary>The completion date: as stated by the reporter, else the local date it was recorded Hoàn thành.</summary>
    public DateOnly? DoneDate(TimeZoneInfo zone) =>
        DoneOn ?? (CompletedAt is { } at ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime) : null);

    /// <summary>Derives what the user sees. <paramref name="today"/> is the local date in the bot's time zone.</summary>
    public DisplayStatus Display(DateOnly? due, DateOnly today, TimeZoneInfo zone)
    {
        if (Status == MilestoneStatus.Done)
        {
            return due is { } d && DoneDate(zone) is { } done && done > d ? DisplayStatus.DoneLate : DisplayStatus.Done;
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
/// <param name="Part">The lead department whose part changed, for a milestone led by several; empty otherwise.</param>
/// <param name="FromDue">For the deadline steps (extension asked, approved, refused): the due date before.</param>
/// <param name="ToDue">For the deadline steps: the date asked for or approved.</param>
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
    string? Evidence,
    string Part = "",
    DateOnly? DoneOn = null,
    DateOnly? FromDue = null,
    DateOnly? ToDue = null);
