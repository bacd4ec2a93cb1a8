namespace CchcBot.Plan;

/// <summary>The agency's departments and the two roles the bot serves (Chánh Văn phòng, Chánh Thanh tra).</summary>
/// <param name="ChiefOfOffice">UPN or email of the Chief of Office.</param>
/// <param name="ChiefInspector">UPN or email of the Chief Inspector.</param>
public sealed record AgencyDirectory(
    string Agency,
    IReadOnlyList<Department> Departments,
    string ChiefOfOffice,
    string ChiefInspector)
{
    /// <summary>The group of the Office (Văn phòng), which owns the digest channel.</summary>
    public const string OfficeGroup = "van-phong";

    /// <summary>The optional letterhead names (agencyName, parentAgencyName, place, documentCode); null when the file has none.</summary>
    public DirectoryLetterhead? Letterhead { get; init; }

    /// <summary>The groups a plan may name, with their names and aliases (the directory file's "groups"); empty when the file has none.</summary>
    public IReadOnlyList<UnitGroup> Groups { get; init; } = [];

    /// <summary>Expands a unit id from a plan (a department id or a group id) to department ids.</summary>
    public IReadOnlyList<string> Expand(string unitId)
    {
        if (Find(unitId) is { } department)
        {
            return [department.Id];
        }

        var ids = new List<string>();
        for (var i = 0; i < Departments.Count; i++)
        {
            var d = Departments[i];
            if (string.Equals(d.Group, unitId, StringComparison.OrdinalIgnoreCase))
            {
                ids.Add(d.Id);
            }
        }

        return ids;
    }

    /// <summary>Whether the unit (a department id or a group id) names this department; <see cref="Expand"/>'s answer
    /// without building it (a task board asks this of every task for every department it shows, so the directory's
    /// lookups loop by index: no closure, no boxed enumerator).</summary>
    public bool Covers(string unitId, string departmentId)
    {
        if (Find(unitId) is { } department)
        {
            return string.Equals(department.Id, departmentId, StringComparison.OrdinalIgnoreCase);
        }

        for (var i = 0; i < Departments.Count; i++)
        {
            var d = Departments[i];
            if (string.Equals(d.Group, unitId, StringComparison.OrdinalIgnoreCase) && string.Equals(d.Id, departmentId, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public bool KnowsUnit(string unitId) => Expand(unitId).Count > 0;

    public Department? Find(string departmentId)
    {
        for (var i = 0; i < Departments.Count; i++)
        {
            var d = Departments[i];
            if (string.Equals(d.Id, departmentId, StringComparison.OrdinalIgnoreCase))
            {
                return d;
            }
        }

        return null;
    }

    /// <summary>The departments where this UPN/email is head or deputy (case-insensitive).</summary>
    public IReadOnlyList<Department> DepartmentsOf(string upnOrEmail) =>
        Departments
            .Where(d => SamePerson(d.Head, upnOrEmail) || d.Deputies.Any(x => SamePerson(x, upnOrEmail)))
            .ToList();

    /// <summary>The departments where this UPN/email is on the staff (cán bộ), case-insensitive.</summary>
    public IReadOnlyList<Department> StaffOf(string upnOrEmail) =>
        Departments.Where(d => d.Staff.Any(x => SamePerson(x, upnOrEmail))).ToList();

    public static bool SamePerson(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && !string.IsNullOrWhiteSpace(b) &&
        string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}

/// <param name="Group">"van-phong" for the Office, "nghiep-vu" for the professional departments.</param>
/// <param name="Head">UPN or email of the department head (Trưởng phòng / Chánh Văn phòng).</param>
/// <param name="Staff">UPNs or emails of the department's staff (cán bộ), to whom the head may assign work; a directory
/// stored before staff existed has none.</param>
public sealed record Department(
    string Id,
    string Name,
    string Group,
    string Head,
    IReadOnlyList<string> Deputies,
    IReadOnlyList<string>? Staff = null)
{
    public IReadOnlyList<string> Staff { get; init; } = Staff ?? [];
}

/// <summary>How the agency signs its documents: "THANH TRA TỈNH", "UBND TỈNH SÓC TRĂNG", "Sóc Trăng", "TTr" (each optional).</summary>
public sealed record DirectoryLetterhead(string? AgencyName, string? ParentAgencyName, string? Place, string? DocumentCode);

/// <summary>A group of departments as plans name it: "nghiep-vu", "Các phòng nghiệp vụ", also "Các phòng chuyên môn".</summary>
public sealed record UnitGroup(string Id, string Name, IReadOnlyList<string> Aliases);
