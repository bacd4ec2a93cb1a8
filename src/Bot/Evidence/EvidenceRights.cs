using CchcBot.Plan;
using CchcBot.Progress;

namespace CchcBot.Evidence;

/// <summary>Who may attach evidence to a milestone: whoever may update it (<see cref="TaskAuthorization.CanChangeStatus"/>),
/// so when assigned staff may update a milestone they may attach its evidence too.</summary>
public static class EvidenceRights
{
    public static bool CanAttach(AgencyUser user, AgencyDirectory directory, PlanTask task) => TaskAuthorization.CanChangeStatus(user, directory, task);
}
