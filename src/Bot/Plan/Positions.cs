namespace CchcBot.Plan;

/// <summary>A person's position as an administrative letter addresses them ("Chánh Văn phòng", "Trưởng phòng Nghiệp vụ 1").</summary>
public static class Positions
{
    public const string ChiefInspector = "Chánh Thanh tra";
    public const string ChiefOfOffice = "Chánh Văn phòng";

    /// <summary>Every position the person holds in the directory, "; "-separated; empty when they hold none.</summary>
    public static string Of(AgencyDirectory directory, string person)
    {
        var positions = new List<string>();
        if (AgencyDirectory.SamePerson(directory.ChiefInspector, person))
        {
            positions.Add(ChiefInspector);
        }

        if (AgencyDirectory.SamePerson(directory.ChiefOfOffice, person))
        {
            positions.Add(ChiefOfOffice);
        }

        foreach (var department in directory.Departments)
        {
            if (AgencyDirectory.SamePerson(department.Head, person))
            {
                positions.Add(Head(department));
            }
            else if (department.Deputies.Any(d => AgencyDirectory.SamePerson(d, person)))
            {
                positions.Add(Deputy(department));
            }
        }

        return string.Join("; ", positions.Distinct(StringComparer.Ordinal));
    }

    /// <summary>"Chánh Văn phòng" for the Office; "Trưởng phòng Nghiệp vụ 1" for "Phòng Nghiệp vụ 1"; "Trưởng " + name otherwise.</summary>
    public static string Head(Department department) =>
        department.Group == AgencyDirectory.OfficeGroup ? ChiefOfOffice
        : department.Name.StartsWith("Phòng ", StringComparison.OrdinalIgnoreCase) ? "Trưởng phòng " + department.Name["Phòng ".Length..]
        : "Trưởng " + department.Name;

    /// <summary>"Phó Chánh Văn phòng", "Phó Trưởng phòng Nghiệp vụ 1": a title keeps its capital after "Phó" (Nghị định 30/2020/NĐ-CP).</summary>
    public static string Deputy(Department department) => "Phó " + Head(department);

    /// <summary>"Cán bộ Văn phòng", "Cán bộ Phòng Nghiệp vụ 1": the unit keeps its proper name (unlike the title "Trưởng phòng").</summary>
    public static string Staff(Department department) => "Cán bộ " + department.Name;
}
