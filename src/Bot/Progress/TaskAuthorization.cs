using CchcBot.Plan;

namespace CchcBot.Progress;

/// <summary>Who may do what to a task — always decided from the stored directory and plan, never from card data.</summary>
public static class TaskAuthorization
{
    /// <summary>The lead department's head or deputies, and the Chief of Office, may change the status.</summary>
    public static bool CanChangeStatus(AgencyUser user, AgencyDirectory directory, PlanTask task) =>
        user.IsChiefOfOffice || TaskBoard.Departments(directory, task.Lead).Any(user.Heads);

    /// <summary>Cooperating departments' heads may add an opinion (ý kiến phối hợp).</summary>
    public static bool CanComment(AgencyUser user, AgencyDirectory directory, PlanTask task) =>
        TaskBoard.Departments(directory, task.Cooperating).Any(user.Heads);

    /// <summary>Anyone named in the directory may look at a task (staff: only what is assigned to them, <see cref="CanViewTask"/>).</summary>
    public static bool CanView(AgencyUser user) => user.Departments.Count > 0 || user.IsChiefInspector || user.IsChiefOfOffice;

    /// <summary>Whether the user may open this task: anyone but staff as <see cref="CanView"/>; staff only a task of which
    /// they hold a milestone.</summary>
    public static bool CanViewTask(AgencyUser user, AssignmentBook assignments, PlanTask task) =>
        user.IsStaff ? assignments.Of(user.Upn).Any(a => a.TaskId == task.Id) : CanView(user);

    /// <summary>The assignment of this milestone a member of staff holds (their right to update it); null otherwise.</summary>
    public static Assignment? Held(AgencyUser user, AssignmentBook assignments, PlanTask task, Milestone milestone) =>
        user.IsStaff ? assignments.HeldBy(user.Upn, task.Id, milestone.Id) : null;

    /// <summary>
    /// The department whose staff a milestone's part is given to, and whether the user may give it: the head or a deputy
    /// of that lead department (a milestone led by several: their own part only). Null department: the part is unknown.
    /// </summary>
    public static (Department? Department, bool Allowed) CanAssign(AgencyUser user, AgencyDirectory directory, PlanTask task, string? part)
    {
        var parts = TaskBoard.PartsOf(directory, task);
        string? departmentId;
        if (parts.Count == 0)
        {
            var leads = TaskBoard.Departments(directory, task.Lead);
            departmentId = string.IsNullOrEmpty(part) || leads.Contains(part, StringComparer.OrdinalIgnoreCase) ? (leads.Count > 0 ? leads[0] : null) : null;
        }
        else
        {
            departmentId = string.IsNullOrEmpty(part) ? parts.FirstOrDefault(user.Heads) ?? parts[0] : parts.FirstOrDefault(p => string.Equals(p, part, StringComparison.OrdinalIgnoreCase));
        }

        var department = departmentId is null ? null : directory.Find(departmentId);
        return (department, department is not null && !user.IsStaff && user.Heads(department.Id));
    }
}
