using CchcBot.Plan;
using CchcBot.Teams.Identity;

namespace CchcBot.Progress;

/// <summary>Who may do what to a task — always decided from the stored directory and plan, never from card data.</summary>
public static class TaskAuthorization
{
    /// <summary>The lead department's head or deputies, and the Chief of Office, may change the status.</summary>
    public static bool CanChangeStatus(BotUser user, AgencyDirectory directory, PlanTask task) =>
        user.IsChiefOfOffice || TaskBoard.Departments(directory, task.Lead).Any(user.Heads);

    /// <summary>Cooperating departments' heads may add an opinion (ý kiến phối hợp).</summary>
    public static bool CanComment(BotUser user, AgencyDirectory directory, PlanTask task) =>
        TaskBoard.Departments(directory, task.Cooperating).Any(user.Heads);

    /// <summary>Anyone named in the directory may look at a task.</summary>
    public static bool CanView(BotUser user) => user.Departments.Count > 0 || user.IsChiefInspector || user.IsChiefOfOffice;
}
