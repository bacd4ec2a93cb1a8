using CchcBot.Plan;

namespace CchcBot.Progress;

/// <summary>Everything needed to answer about an agency's plan at one moment: plan, directory, states, today.</summary>
public sealed record PlanSnapshot(
    CchcPlan Plan,
    AgencyDirectory Directory,
    IReadOnlyDictionary<string, MilestoneState> States,
    DateOnly Today,
    TimeZoneInfo Zone)
{
    /// <summary>Who of the departments' staff holds which milestone (empty where not loaded).</summary>
    public AssignmentBook Assignments { get; init; } = AssignmentBook.Empty;

    public (PlanTask Task, Milestone Milestone)? Find(string? taskId, string? milestoneId)
    {
        var task = Plan.Tasks.FirstOrDefault(t => string.Equals(t.Id, taskId, StringComparison.Ordinal));
        var milestone = task?.Milestones.FirstOrDefault(m => string.Equals(m.Id, milestoneId, StringComparison.Ordinal));
        return task is null || milestone is null ? null : (task, milestone);
    }

    /// <param name="part">A lead department whose part of a milestone led by several the item shows; null: the whole milestone.</param>
    public BoardItem Item(PlanTask task, Milestone milestone, TaskRole role, string? part = null) =>
        TaskBoard.Item(Plan, Directory, task, milestone, States, Today, Zone, role, part);

    public IReadOnlyList<BoardItem> ForDepartments(IEnumerable<string> departmentIds)
    {
        var items = departmentIds
            .SelectMany(d => TaskBoard.ForDepartment(Plan, Directory, d, States, Today, Zone))
            .GroupBy(i => i.Task.Id)
            .Select(g => g.OrderBy(i => i.Role).First())
            .ToList();
        return TaskBoard.Sort(items);
    }

    /// <summary>Department names of a task's units, "; "-separated (a name may hold a comma: "Phòng Phòng, chống tham nhũng").</summary>
    public string UnitNames(IEnumerable<string> units) =>
        string.Join("; ", TaskBoard.Departments(Directory, units).Select(id => Directory.Find(id)?.Name ?? id));
}
