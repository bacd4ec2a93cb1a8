namespace CchcBot.Plan;

/// <summary>A person of an agency's directory, with the positions they hold there (how they reached the bot is the edge's business).</summary>
/// <param name="Departments">The departments the user heads or deputises (the Chief of Office always has the Office).</param>
public sealed record AgencyUser(
    string ObjectId,
    string Upn,
    string Name,
    string Agency,
    AgencyDirectory Directory,
    IReadOnlyList<Department> Departments)
{
    /// <summary>The departments on whose staff (cán bộ) the user is; a member of staff holds no other position.</summary>
    public IReadOnlyList<Department> StaffOf { get; init; } = [];

    /// <summary>Staff only: they see and update what their head assigned to them, and nothing else.</summary>
    public bool IsStaff => StaffOf.Count > 0 && Departments.Count == 0 && !IsChiefOfOffice && !IsChiefInspector;

    public bool IsChiefOfOffice => AgencyDirectory.SamePerson(Directory.ChiefOfOffice, Upn);

    public bool IsChiefInspector => AgencyDirectory.SamePerson(Directory.ChiefInspector, Upn);

    public Department? PrimaryDepartment => Departments.Count > 0 ? Departments[0] : null;

    public bool Heads(string departmentId) =>
        Departments.Any(d => string.Equals(d.Id, departmentId, StringComparison.OrdinalIgnoreCase));
}
