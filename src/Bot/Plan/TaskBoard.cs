namespace CchcBot.Plan;

public enum TaskRole
{
    Lead,
    Cooperating,
}

/// <summary>One task as a department sees it: its current milestone and that milestone's state.</summary>
/// <param name="State">The milestone's state — or, for <paramref name="Part"/>, that lead department's part of it.</param>
/// <param name="DaysLeft">Calendar days from today to the due date (negative when overdue); null for ongoing work.</param>
/// <param name="Part">The lead department whose part this item shows, when the milestone is led by several; null otherwise.</param>
/// <param name="Parts">Every lead department's part (department id, state) when the milestone is led by several; empty otherwise.</param>
public sealed record BoardItem(
    PlanTask Task,
    ReformArea Area,
    Milestone Milestone,
    MilestoneState State,
    DisplayStatus Display,
    TaskRole Role,
    int? DaysLeft,
    string? Part = null,
    IReadOnlyList<(string DepartmentId, MilestoneState State)>? Parts = null);

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
                var part = r == TaskRole.Lead ? departmentId : null;
                items.Add(Item(plan, directory, task, CurrentMilestone(directory, task, states, part), states, today, zone, r, part));
            }
        }

        return Sort(items);
    }

    /// <summary>Every milestone of the plan as a board item (role from the lead's view, each counted once), in plan order.</summary>
    public static IReadOnlyList<BoardItem> AllMilestones(
        CchcPlan plan, AgencyDirectory directory, IReadOnlyDictionary<string, MilestoneState> states, DateOnly today, TimeZoneInfo zone) =>
        plan.Tasks.SelectMany(t => t.Milestones.Select(m => Item(plan, directory, t, m, states, today, zone, TaskRole.Lead))).ToList();

    /// <summary>Every milestone the department leads, each showing the department's own part: its figures.</summary>
    public static IReadOnlyList<BoardItem> MilestonesLedBy(
        CchcPlan plan, AgencyDirectory directory, string departmentId, IReadOnlyDictionary<string, MilestoneState> states, DateOnly today, TimeZoneInfo zone) =>
        plan.Tasks.Where(t => Involves(directory, t.Lead, departmentId))
            .SelectMany(t => t.Milestones.Select(m => Item(plan, directory, t, m, states, today, zone, TaskRole.Lead, departmentId)))
            .ToList();

    /// <param name="part">A lead department: the item shows its part of a milestone led by several (ignored otherwise).</param>
    public static BoardItem Item(
        CchcPlan plan, AgencyDirectory directory, PlanTask task, Milestone milestone,
        IReadOnlyDictionary<string, MilestoneState> states, DateOnly today, TimeZoneInfo zone, TaskRole role, string? part = null)
    {
        var stored = states.TryGetValue(milestone.Id, out var s) ? s : MilestoneState.Initial(milestone.Id);
        var leads = PartsOf(directory, task);
        var parts = leads.Select(d => (d, stored.PartOf(d))).ToList();
        var shown = part is not null && leads.Contains(part, StringComparer.OrdinalIgnoreCase) ? part : null;
        var state = shown is not null ? stored.PartOf(shown) : stored.Combine(leads);
        var area = plan.Areas.FirstOrDefault(a => a.Id == task.AreaId) ?? new ReformArea(task.AreaId, task.AreaId);
        int? daysLeft = milestone.Due is { } due ? due.DayNumber - today.DayNumber : null;
        return new BoardItem(task, area, milestone, state, state.Display(milestone.Due, today, zone), role, daysLeft, shown, parts);
    }

    /// <summary>The lead departments that each have a part of the task's milestones; empty when one department leads.</summary>
    public static IReadOnlyList<string> PartsOf(AgencyDirectory directory, PlanTask task)
    {
        var leads = Departments(directory, task.Lead);
        return leads.Count > 1 ? leads : [];
    }

    /// <summary>The first milestone not done (earliest due first, ongoing last); the last one when all are done.</summary>
    /// <param name="part">Judge by this lead department's part (a milestone led by several).</param>
    public static Milestone CurrentMilestone(AgencyDirectory directory, PlanTask task, IReadOnlyDictionary<string, MilestoneState> states, string? part = null)
    {
        var leads = PartsOf(directory, task);
        bool Done(Milestone m)
        {
            if (!states.TryGetValue(m.Id, out var s))
            {
                return false;
            }

            var state = part is not null && leads.Contains(part, StringComparer.OrdinalIgnoreCase) ? s.PartOf(part) : s.Combine(leads);
            return state.Status == MilestoneStatus.Done;
        }

        return task.Milestones.Where(m => !Done(m)).OrderBy(m => m.Due ?? DateOnly.MaxValue).FirstOrDefault()
            ?? task.Milestones.OrderBy(m => m.Due ?? DateOnly.MaxValue).Last();
    }

    /// <summary>The department ids a task's units expand to (a group id names every department of the group).</summary>
    public static IReadOnlyList<string> Departments(AgencyDirectory directory, IEnumerable<string> units)
    {
        var ids = new List<string>();
        foreach (var unit in units)
        {
            foreach (var id in directory.Expand(unit))
            {
                if (!ids.Contains(id, StringComparer.OrdinalIgnoreCase))
                {
                    ids.Add(id);
                }
            }
        }

        return ids;
    }

    public static bool Involves(AgencyDirectory directory, IEnumerable<string> units, string departmentId)
    {
        foreach (var unit in units)
        {
            if (directory.Covers(unit, departmentId))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsDone(BoardItem item) => item.Display is DisplayStatus.Done or DisplayStatus.DoneLate;

    /// <summary>Lead first, then cooperating; within each, not done before done, soonest due first, then plan order.</summary>
    public static List<BoardItem> Sort(IEnumerable<BoardItem> items) =>
        items
            .OrderBy(i => i.Role)
            .ThenBy(i => i.State.Status == MilestoneStatus.Done)
            .ThenBy(i => i.Milestone.Due ?? DateOnly.MaxValue)
            .ThenBy(i => i.Task.Order)
            .ToList();
}
