using CchcBot.Plan;

namespace CchcBot.Progress;

/// <summary>
/// Which part of the digest a user may see, from the stored directory (never from card data): the Chief of Office and
/// the Chief Inspector the whole plan, a department head or deputy their (first) department. Used by "tổng hợp" and
/// by its card's "Xem đầy đủ", so the details are scoped exactly like the summary they expand.
/// </summary>
public static class DigestScope
{
    /// <returns>False when the user may see no digest at all.</returns>
    public static bool TryResolve(AgencyUser user, out string? departmentId)
    {
        departmentId = null;
        if (user.IsChiefOfOffice || user.IsChiefInspector)
        {
            return true;
        }

        departmentId = user.PrimaryDepartment?.Id;
        return departmentId is not null;
    }
}
