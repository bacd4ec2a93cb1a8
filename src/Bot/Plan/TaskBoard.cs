namespace CchcBot.Plan;

public enum TaskRole
{
    Lead,
    Cooperating,
}

/// <summary>One task as a department sees it: its current milestone and that milestone's state.</summary>
/// <param name="DaysLeft">Calendar days from today to the due date (negative when overdue); null for ongoing work.</param>
public sealed record BoardItem(
    PlanTask Task,
    ReformArea Area,
    Milestone Milestone,
    MilestoneState State,
    DisplayStatus Display,
    TaskRole Role,
    int? DaysLeft);

/// <summary>How many items show each status; done includes done late.</summary>
public sealed record StatusCounts(int Done, int InProgress, int NotStarted, int Overdue, int Blocked);

/// <summary>Pure queries over a plan and its states: what a department must do, in the order it should do it.</summary>
public static class TaskBoard
{
    /// <summary>
    /// The department's tasks: those it leads first, then those it cooperates on; within each, most urgent first
    /// (overdue, then soonest due, then ongoing) and done last.
    /// </summary>
    public static IReadOnlyList<BoardItem> ForDepartment(
        CchcPlan plan, AgencyDirectory directory, string departmentId,
        IReadOnlyDictionary<string, MilestoneState> states, DateOnly today, TimeZoneInfo zone)
    {
        var items = new List<BoardItem>();
        foreach (var task in plan.Tasks)
        {
            TaskRole? role = Involves(directory, task.Lead, departmentId) ? TaskRole.Lead
                : Involves(directory, task.Cooperating, departmentId) ? TaskRole.Cooperating
                : null;
            if (role is { } r && task.Milestones.Count > 0)
            {
                items.Add(Item(plan, task, CurrentMilestone(task, states), states, today, zone, r));
            }
        }

        return Sort(items);
    }

    /// <summary>Every milestone of the plan as a board item (role from the lead's view), in plan order.</summary>
    public static IReadOnlyList<BoardItem> AllMilestones(
        CchcPlan plan, IReadOnlyDictionary<string, MilestoneState> states, DateOnly today, TimeZoneInfo zone) =>
        plan.Tasks.SelectMany(t => t.Milestones.Select(m => Item(plan, t, m, states, today, zone, TaskRole.Lead))).ToList();

    public static BoardItem Item(
        CchcPlan plan, PlanTask task, Milestone milestone,
        IReadOnlyDictionary<string, MilestoneState> states, DateOnly today, TimeZoneInfo zone, TaskRole role)
    {
        var state = states.TryGetValue(milestone.Id, out var s) ? s : MilestoneState.Initial(milestone.Id);
        var area = plan.Areas.FirstOrDefault(a => a.Id == task.AreaId) ?? new ReformArea(task.AreaId, task.AreaId);
        int? daysLeft = milestone.Due is { } due ? due.DayNumber - today.DayNumber : null;
        return new BoardItem(task, area, milestone, state, state.Display(milestone.Due, today, zone), role, daysLeft);
    }

    /// <summary>The first milestone not done (earliest due first, ongoing last); the last one when all are done.</summary>
    public static Milestone CurrentMilestone(PlanTask task, IReadOnlyDictionary<string, MilestoneState> states) =>
        task.Milestones
            .Where(m => !states.TryGetValue(m.Id, out var s) || s.Status != MilestoneStatus.Done)
            .OrderBy(m => m.Due ?? DateOnly.MaxValue)
            .FirstOrDefault()
        ?? task.Milestones.OrderBy(m => m.Due ?? DateOnly.MaxValue).Last();

    /// <summary>The department ids a task's units expand to (a group id names every department of the group).</summary>
    public static IReadOnlyList<string> Departments(AgencyDirectory directory, IEnumerable<string> units) =>
        units.SelectMany(directory.Expand).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public static bool Involves(AgencyDirectory directory, IEnumerable<string> units, string departmentId) =>
        Departments(directory, units).Contains(departmentId, StringComparer.OrdinalIgnoreCase);

    public static bool IsDone(BoardItem item) => item.Display is DisplayStatus.Done or DisplayStatus.DoneLate;

    public static StatusCounts Count(IEnumerable<BoardItem> items)
    {
        var list = items as IReadOnlyCollection<BoardItem> ?? items.ToList();
        return new StatusCounts(
            list.Count(IsDone),
            list.Count(i => i.Display == DisplayStatus.InProgress),
            list.Count(i => i.Display == DisplayStatus.NotStarted),
            list.Count(i => i.Display == DisplayStatus.Overdue),
            list.Count(i => i.Display == DisplayStatus.Blocked));
    }

    /// <summary>Lead first, then cooperating; within each, not done before done, soonest due first, then plan order.</summary>
    public static List<BoardItem> Sort(IEnumerable<BoardItem> items) =>
        items
            .OrderBy(i => i.Role)
            .ThenBy(i => i.State.Status == MilestoneStatus.Done)
            .ThenBy(i => i.Milestone.Due ?? DateOnly.MaxValue)
            .ThenBy(i => i.Task.Order)
            .ToList();
}
