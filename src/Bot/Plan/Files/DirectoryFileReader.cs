using System.Text.RegularExpressions;

namespace CchcBot.Plan.Files;

/// <summary>Reads and validates a directory file (departments, heads, deputies, Chief of Office, Chief Inspector).</summary>
public static partial class DirectoryFileReader
{
    /// <summary>Reads a file's bytes: strict UTF-8, at most <see cref="ImportLimits.MaxFileBytes"/>.</summary>
    public static ReadResult<AgencyDirectory> Read(byte[] file)
    {
        var problems = new List<ImportProblem>();
        var json = JsonReader.Decode(file, problems);
        return json is null ? new ReadResult<AgencyDirectory>(null, problems) : Read(json);
    }

    public static ReadResult<AgencyDirectory> Read(string json)
    {
        var problems = new List<ImportProblem>();
        using var document = JsonReader.Parse(json, problems);
        if (document is null)
        {
            return new ReadResult<AgencyDirectory>(null, problems);
        }

        var r = new JsonReader(problems);
        var root = document.RootElement;
        if (!r.IsObject(root, "$"))
        {
            return new ReadResult<AgencyDirectory>(null, problems);
        }

        r.OnlyKnown(root, "$", DirectoryFileFormat.Root);
        var agency = r.String(root, "agency", "$");
        r.ValidId(agency, "$.agency");
        var departments = new List<Department>();
        var staffPaths = new List<(string Path, string Address, string DepartmentId)>();
        var elements = r.Array(root, "departments", "$");
        if (elements.Count == 0 && root.TryGetProperty("departments", out var present) && present.ValueKind == System.Text.Json.JsonValueKind.Array)
        {
            r.Problem("$.departments", "must not be empty");
        }

        if (!r.AtMost(elements, ImportLimits.MaxDepartments, "$.departments", "departments"))
        {
            elements = [];
        }

        for (var i = 0; i < elements.Count; i++)
        {
            var path = $"$.departments[{i}]";
            if (!r.IsObject(elements[i], path))
            {
                continue;
            }

            var e = elements[i];
            r.OnlyKnown(e, path, DirectoryFileFormat.Department);
            var id = r.String(e, "id", path);
            var name = r.String(e, "name", path);
            var group = r.String(e, "group", path, max: ImportLimits.MaxIdChars);
            var head = Person(r, r.String(e, "head", path, max: ImportLimits.MaxAddressChars), $"{path}.head");
            var deputies = r.Strings(e, "deputies", path, required: false, nonEmpty: false, maxItems: ImportLimits.MaxDeputiesPerDepartment);
            for (var d = 0; d < deputies.Count; d++)
            {
                Person(r, deputies[d], $"{path}.deputies[{d}]");
            }

            var staff = r.Strings(e, "staff", path, required: false, nonEmpty: false, maxItems: ImportLimits.MaxStaffPerDepartment);
            var staffValid = true;
            for (var s = 0; s < staff.Count; s++)
            {
                staffValid &= Person(r, staff[s], $"{path}.staff[{s}]") is not null;
                if (staff.Take(s).Any(x => AgencyDirectory.SamePerson(x, staff[s])))
                {
                    r.Problem($"{path}.staff[{s}]", $"'{staff[s]}' is listed twice");
                }
                else if (head is not null && AgencyDirectory.SamePerson(head, staff[s]))
                {
                    r.Problem($"{path}.staff[{s}]", $"'{staff[s]}' is the department's head: a head is not also on its staff");
                }
                else if (staffValid && id is not null)
                {
                    staffPaths.Add(($"{path}.staff[{s}]", staff[s], id));
                }
            }

            if (group is not null && !GroupPattern().IsMatch(group))
            {
                r.Problem($"{path}.group", $"'{group}' is not a group id: lower-case letters, digits and '-' (e.g. nghiep-vu)");
            }

            if (id is null || !r.ValidId(id, $"{path}.id") || name is null || group is null || head is null)
            {
                continue;
            }

            if (departments.Any(x => string.Equals(x.Id, id, StringComparison.OrdinalIgnoreCase)))
            {
                r.Problem($"{path}.id", $"duplicate department id '{id}'");
                continue;
            }

            departments.Add(new Department(id, name, group, head, deputies, staff));
        }

        CheckStaff(r, departments, staffPaths, root);

        if (departments.Count > 0 && departments.All(d => d.Group != AgencyDirectory.OfficeGroup))
        {
            r.Problem("$.departments", $"no department is in group '{AgencyDirectory.OfficeGroup}': the Office (Văn phòng) runs the plan and receives the digest");
        }

        foreach (var group in departments.Select(d => d.Group).Distinct())
        {
            if (departments.Any(d => string.Equals(d.Id, group, StringComparison.OrdinalIgnoreCase)))
            {
                r.Problem("$.departments", $"'{group}' is both a department id and a group id: plans could not tell them apart");
            }
        }

        var groups = Groups(r, root, departments);
        var chiefOfOffice = Person(r, r.String(root, "chiefOfOffice", "$", max: ImportLimits.MaxAddressChars), "$.chiefOfOffice");
        var chiefInspector = Person(r, r.String(root, "chiefInspector", "$", max: ImportLimits.MaxAddressChars), "$.chiefInspector");
        var letterhead = Letterhead(r, root);
        if (problems.Count > 0 || agency is null || chiefOfOffice is null || chiefInspector is null)
        {
            return new ReadResult<AgencyDirectory>(null, problems);
        }

        return new ReadResult<AgencyDirectory>(new AgencyDirectory(agency, departments, chiefOfOffice, chiefInspector) { Letterhead = letterhead, Groups = groups }, problems);
    }

    /// <summary>The optional letterhead names (for the Word report's heading); null when none is given.</summary>
    private static DirectoryLetterhead? Letterhead(JsonReader r, System.Text.Json.JsonElement root)
    {
        string? Name(string field, int max)
        {
            var value = r.String(root, field, "$", required: false, max: max)?.Trim();
            if (value is { Length: > 0 } && JsonReader.HasInvisible(value))
            {
                r.Problem($"$.{field}", "must not hold invisible characters");
            }

            return string.IsNullOrEmpty(value) ? null : value;
        }

        var letterhead = new DirectoryLetterhead(Name("agencyName", 200), Name("parentAgencyName", 200), Name("place", 100), Name("documentCode", 20));
        return letterhead == new DirectoryLetterhead(null, null, null, null) ? null : letterhead;
    }

    /// <summary>A member of staff is on one department's staff and holds no other position in the directory (head, deputy,
    /// Chief of Office, Chief Inspector): what they may do follows from being staff alone.</summary>
    private static void CheckStaff(JsonReader r, List<Department> departments, List<(string Path, string Address, string DepartmentId)> staff, System.Text.Json.JsonElement root)
    {
        string? Root(string name) =>
            root.TryGetProperty(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String ? v.GetString() : null;
        var chiefs = new[] { (Root("chiefOfOffice"), "the Chief of Office"), (Root("chiefInspector"), "the Chief Inspector") };
        foreach (var (path, address, departmentId) in staff)
        {
            var position = chiefs.FirstOrDefault(c => AgencyDirectory.SamePerson(c.Item1, address)).Item2
                ?? departments.Where(d => AgencyDirectory.SamePerson(d.Head, address)).Select(d => $"the head of '{d.Id}'").FirstOrDefault()
                ?? departments.Where(d => d.Deputies.Any(x => AgencyDirectory.SamePerson(x, address))).Select(d => $"a deputy of '{d.Id}'").FirstOrDefault()
                ?? departments.Where(d => !string.Equals(d.Id, departmentId, StringComparison.OrdinalIgnoreCase) && d.Staff.Any(x => AgencyDirectory.SamePerson(x, address)))
                    .Select(d => $"on the staff of '{d.Id}'").FirstOrDefault();
            if (position is not null)
            {
                r.Problem(path, $"'{address}' is also {position}: a member of staff is on one department's staff and holds no other position");
            }
        }
    }

    /// <summary>
    /// "groups" (optional): each group's id (a group some department is in), its name and aliases as plans write them.
    /// A name or alias may stand for one unit only: not two groups, not a group and a department.
    /// </summary>
    private static List<UnitGroup> Groups(JsonReader r, System.Text.Json.JsonElement root, List<Department> departments)
    {
        var groups = new List<UnitGroup>();
        if (!root.TryGetProperty("groups", out _))
        {
            return groups;
        }

        var elements = r.Array(root, "groups", "$");
        if (!r.AtMost(elements, ImportLimits.MaxDepartments, "$.groups", "groups"))
        {
            return groups;
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var department in departments)
        {
            names.TryAdd(VietnameseText.Fold(department.Name), department.Id);
        }

        for (var i = 0; i < elements.Count; i++)
        {
            var path = $"$.groups[{i}]";
            if (!r.IsObject(elements[i], path))
            {
                continue;
            }

            var e = elements[i];
            r.OnlyKnown(e, path, DirectoryFileFormat.Group);
            var id = r.String(e, "id", path, max: ImportLimits.MaxIdChars);
            var name = r.String(e, "name", path);
            var aliases = r.Strings(e, "aliases", path, required: false, nonEmpty: false, maxItems: ImportLimits.MaxUnitsPerList);
            if (id is null || name is null)
            {
                continue;
            }

            if (!GroupPattern().IsMatch(id))
            {
                r.Problem($"{path}.id", $"'{id}' is not a group id: lower-case letters, digits and '-' (e.g. nghiep-vu)");
                continue;
            }

            if (groups.Any(g => g.Id == id))
            {
                r.Problem($"{path}.id", $"duplicate group id '{id}'");
                continue;
            }

            if (!departments.Any(d => d.Group == id))
            {
                r.Problem($"{path}.id", $"no department is in group '{id}'");
            }

            foreach (var (text, at) in new[] { (name, $"{path}.name") }.Concat(aliases.Select((a, k) => (a, $"{path}.aliases[{k}]"))))
            {
                var key = VietnameseText.Fold(text);
                if (key.Length == 0)
                {
                    r.Problem(at, "must not be empty");
                }
                else if (names.TryGetValue(key, out var other) && other != id)
                {
                    r.Problem(at, $"'{text}' already names '{other}': a name may stand for one department or group only");
                }
                else
                {
                    names[key] = id;
                }
            }

            groups.Add(new UnitGroup(id, name, aliases));
        }

        return groups;
    }

    private static string? Person(JsonReader r, string? address, string path)
    {
        if (address is null)
        {
            return null;
        }

        if (address.Length > ImportLimits.MaxAddressChars || JsonReader.HasInvisible(address))
        {
            r.Problem(path, $"'{JsonReader.Visible(address)}' is not a UPN or email address: at most {ImportLimits.MaxAddressChars} characters, no invisible characters");
            return null;
        }

        if (!PersonPattern().IsMatch(address))
        {
            r.Problem(path, $"'{address}' is not a UPN or email address (name@domain)");
            return null;
        }

        return address;
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex PersonPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex GroupPattern();
}
