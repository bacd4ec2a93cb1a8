using System.Text.RegularExpressions;

namespace CchcBot.Plan.Files;

/// <summary>
/// Reads and validates a directory file (departments, heads, deputies, Chief of Office, Chief Inspector). Every problem
/// has the operator's English message and the Chief of Office's Vietnamese line, its place in words
/// (<see cref="DirectoryProblemPlaces"/>).
/// </summary>
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
        using var document = JsonReader.Parse(json, problems, (path, root) => DirectoryProblemPlaces.Describe(path, root));
        if (document is null)
        {
            return new ReadResult<AgencyDirectory>(null, problems);
        }

        var root = document.RootElement;
        var r = new JsonReader(problems, path => DirectoryProblemPlaces.Describe(path, root), "danh bạ");
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
            r.Problem("$.departments", "must not be empty", "không được để trống");
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
                    r.Problem($"{path}.staff[{s}]", $"'{staff[s]}' is listed twice", $"{staff[s]} được ghi hai lần");
                }
                else if (head is not null && AgencyDirectory.SamePerson(head, staff[s]))
                {
                    r.Problem($"{path}.staff[{s}]", $"'{staff[s]}' is the department's head: a head is not also on its staff",
                        $"{staff[s]} là người đứng đầu đơn vị nên không đồng thời là cán bộ của đơn vị");
                }
                else if (staffValid && id is not null)
                {
                    staffPaths.Add(($"{path}.staff[{s}]", staff[s], id));
                }
            }

            if (group is not null && !GroupPattern().IsMatch(group))
            {
                r.Problem($"{path}.group", $"'{group}' is not a group id: lower-case letters, digits and '-' (e.g. nghiep-vu)", NotGroupId(group));
            }

            if (id is null || !r.ValidId(id, $"{path}.id") || name is null || group is null || head is null)
            {
                continue;
            }

            if (departments.Any(x => string.Equals(x.Id, id, StringComparison.OrdinalIgnoreCase)))
            {
                r.Problem($"{path}.id", $"duplicate department id '{id}'", $"mã đơn vị '{id}' đã dùng cho một đơn vị khác");
                continue;
            }

            departments.Add(new Department(id, name, group, head, deputies, staff));
        }

        CheckStaff(r, departments, staffPaths, root);

        if (departments.Count > 0 && departments.All(d => d.Group != AgencyDirectory.OfficeGroup))
        {
            r.Problem("$.departments", $"no department is in group '{AgencyDirectory.OfficeGroup}': the Office (Văn phòng) runs the plan and receives the digest",
                $"không có đơn vị nào thuộc nhóm '{AgencyDirectory.OfficeGroup}': Văn phòng là đơn vị theo dõi kế hoạch và nhận báo cáo tổng hợp");
        }

        foreach (var group in departments.Select(d => d.Group).Distinct())
        {
            if (departments.Any(d => string.Equals(d.Id, group, StringComparison.OrdinalIgnoreCase)))
            {
                r.Problem("$.departments", $"'{group}' is both a department id and a group id: plans could not tell them apart",
                    $"'{group}' vừa là mã đơn vị vừa là mã nhóm đơn vị: kế hoạch không phân biệt được hai mã này");
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
                r.Problem($"$.{field}", "must not hold invisible characters", "không được chứa ký tự ẩn");
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
        var chiefs = new[]
        {
            (Person: Root("chiefOfOffice"), English: "the Chief of Office", Vietnamese: Positions.ChiefOfOffice),
            (Person: Root("chiefInspector"), English: "the Chief Inspector", Vietnamese: Positions.ChiefInspector),
        };

        (string English, string Vietnamese)? OtherPosition(string address, string departmentId)
        {
            foreach (var chief in chiefs.Where(c => AgencyDirectory.SamePerson(c.Person, address)))
            {
                return (chief.English, chief.Vietnamese);
            }

            if (departments.FirstOrDefault(d => AgencyDirectory.SamePerson(d.Head, address)) is { } led)
            {
                return ($"the head of '{led.Id}'", Positions.Head(led));
            }

            if (departments.FirstOrDefault(d => d.Deputies.Any(x => AgencyDirectory.SamePerson(x, address))) is { } deputyOf)
            {
                return ($"a deputy of '{deputyOf.Id}'", $"cấp phó của {deputyOf.Name}");
            }

            return departments.FirstOrDefault(d => !string.Equals(d.Id, departmentId, StringComparison.OrdinalIgnoreCase) && d.Staff.Any(x => AgencyDirectory.SamePerson(x, address)))
                is { } staffOf ? ($"on the staff of '{staffOf.Id}'", $"cán bộ của {staffOf.Name}") : null;
        }

        foreach (var (path, address, departmentId) in staff)
        {
            if (OtherPosition(address, departmentId) is { } position)
            {
                r.Problem(path, $"'{address}' is also {position.English}: a member of staff is on one department's staff and holds no other position",
                    $"{address} đồng thời là {position.Vietnamese}: cán bộ chỉ thuộc một đơn vị và không giữ chức vụ nào khác trong danh bạ");
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
                r.Problem($"{path}.id", $"'{id}' is not a group id: lower-case letters, digits and '-' (e.g. nghiep-vu)", NotGroupId(id));
                continue;
            }

            if (groups.Any(g => g.Id == id))
            {
                r.Problem($"{path}.id", $"duplicate group id '{id}'", $"mã nhóm '{id}' đã dùng cho một nhóm khác");
                continue;
            }

            if (!departments.Any(d => d.Group == id))
            {
                r.Problem($"{path}.id", $"no department is in group '{id}'", $"không có đơn vị nào thuộc nhóm '{id}'");
            }

            foreach (var (text, at) in new[] { (name, $"{path}.name") }.Concat(aliases.Select((a, k) => (a, $"{path}.aliases[{k}]"))))
            {
                var key = VietnameseText.Fold(text);
                if (key.Length == 0)
                {
                    r.Problem(at, "must not be empty", "không được để trống");
                }
                else if (names.TryGetValue(key, out var other) && other != id)
                {
                    r.Problem(at, $"'{text}' already names '{other}': a name may stand for one department or group only",
                        $"'{text}' đã là tên của '{other}': mỗi tên chỉ dùng cho một đơn vị hoặc một nhóm đơn vị");
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
            r.Problem(path, $"'{JsonReader.Visible(address)}' is not a UPN or email address: at most {ImportLimits.MaxAddressChars} characters, no invisible characters",
                $"{JsonReader.Visible(address)} không phải địa chỉ thư điện tử hợp lệ: tối đa {ImportLimits.MaxAddressChars} ký tự, không có ký tự ẩn");
            return null;
        }

        if (!PersonPattern().IsMatch(address))
        {
            r.Problem(path, $"'{address}' is not a UPN or email address (name@domain)", $"{address} không phải địa chỉ thư điện tử hợp lệ (ten@donvi.gov.vn)");
            return null;
        }

        return address;
    }

    private static string NotGroupId(string id) =>
        $"'{id}' không phải mã nhóm đơn vị hợp lệ: chỉ gồm chữ thường không dấu, chữ số và dấu '-' (ví dụ nghiep-vu)";

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex PersonPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex GroupPattern();
}
