namespace CchcBot.Plan;

/// <summary>
/// A milestone — or, for a milestone led by several departments, one department's part of it — given by the head (or a
/// deputy) of <paramref name="DepartmentId"/> to members of its staff (phân công cán bộ).
/// </summary>
/// <param name="Part">The lead department whose part is assigned; empty for a milestone with one lead.</param>
/// <param name="DepartmentId">The department whose staff hold it.</param>
/// <param name="Staff">UPNs/emails of the staff who hold it (never empty: taking it back removes the assignment).</param>
public sealed record Assignment(
    string TaskId, string MilestoneId, string Part, string DepartmentId, IReadOnlyList<string> Staff, string By, string ByName, DateTimeOffset At);

/// <summary>One change of an assignment, as the task's history shows it: who gave it, when, from whom to whom.</summary>
public sealed record AssignmentEntry(
    string TaskId, string MilestoneId, string Part, DateTimeOffset At, string By, string ByName, IReadOnlyList<string> From, IReadOnlyList<string> To);

/// <summary>The agency's current assignments, looked up by milestone (and part) or by member of staff.</summary>
public sealed class AssignmentBook
{
    public static readonly AssignmentBook Empty = new([]);

    private readonly IReadOnlyList<Assignment> _all;

    public AssignmentBook(IReadOnlyList<Assignment> all) => _all = all;

    public IReadOnlyList<Assignment> All => _all;

    /// <summary>The assignment of a milestone's part (empty part: the milestone with one lead); null when none.</summary>
    public Assignment? For(string taskId, string milestoneId, string? part) =>
        _all.FirstOrDefault(a => a.TaskId == taskId && a.MilestoneId == milestoneId && string.Equals(a.Part, part ?? string.Empty, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every assignment of a milestone (one per part).</summary>
    public IEnumerable<Assignment> OfMilestone(string taskId, string milestoneId) =>
        _all.Where(a => a.TaskId == taskId && a.MilestoneId == milestoneId);

    /// <summary>What this member of staff holds.</summary>
    public IReadOnlyList<Assignment> Of(string upnOrEmail) =>
        _all.Where(a => a.Staff.Any(s => AgencyDirectory.SamePerson(s, upnOrEmail))).ToList();

    /// <summary>The assignment of this milestone that the person holds (any part); null when they hold none.</summary>
    public Assignment? HeldBy(string upnOrEmail, string taskId, string milestoneId) =>
        OfMilestone(taskId, milestoneId).FirstOrDefault(a => a.Staff.Any(s => AgencyDirectory.SamePerson(s, upnOrEmail)));
}
