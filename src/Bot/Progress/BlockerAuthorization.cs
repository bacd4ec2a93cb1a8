using CchcBot.Plan;

namespace CchcBot.Progress;

/// <summary>
/// Who may answer a blocker and decide a deadline (section IV of the plan) — always from the stored directory, never
/// from card data: the Chief of Office gives directions, submits blockers to the Chief Inspector and closes them;
/// the Chief Inspector may also give directions; the lead (or the Chief of Office) asks for more time; the approver
/// named by Plan:ExtensionApprover decides.
/// </summary>
public static class BlockerAuthorization
{
    public static bool CanDirect(AgencyUser user) => user.IsChiefOfOffice || user.IsChiefInspector;

    public static bool CanEscalate(AgencyUser user) => user.IsChiefOfOffice;

    public static bool CanResolve(AgencyUser user) => user.IsChiefOfOffice;

    /// <param name="part">The lead department whose part is concerned (a milestone led by several); null: any lead department.</param>
    public static bool CanPropose(AgencyUser user, AgencyDirectory directory, PlanTask task, string? part) =>
        user.IsChiefOfOffice || (part is null ? TaskBoard.Departments(directory, task.Lead).Any(user.Heads) : user.Heads(part));

    public static bool CanDecide(AgencyUser user, ExtensionApprover approver) =>
        approver == ExtensionApprover.ChiefInspector ? user.IsChiefInspector : user.IsChiefOfOffice;

    /// <summary>The UPN/email of the person who decides extensions.</summary>
    public static string Approver(AgencyDirectory directory, ExtensionApprover approver) =>
        approver == ExtensionApprover.ChiefInspector ? directory.ChiefInspector : directory.ChiefOfOffice;
}
