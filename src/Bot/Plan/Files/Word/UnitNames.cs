namespace CchcBot.Plan.Files.Word;

/// <summary>One name a plan may give a unit: a department's name, or a group's name or alias, with the id the plan stores.</summary>
public sealed record UnitName(string Id, string Name);

/// <summary>
/// The names the Word reader recognises in the lead and cooperating columns. Departments are tried before groups (so
/// "Văn phòng" is the Office department "VP", not the group "van-phong"). A name matches folded (case, diacritics,
/// spaces, trailing punctuation), with or without a leading "Phòng" ("Phòng, chống tham nhũng" is
/// "Phòng Phòng, chống tham nhũng"); a unit's id written as such ("VP", "nghiep-vu") matches too.
/// </summary>
public sealed class UnitNames
{
    /// <summary>The names of the sample directory's groups, until the directory file carries its own groups.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> DefaultGroupNames = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [AgencyDirectory.OfficeGroup] = ["Văn phòng"],
        ["nghiep-vu"] = ["Các phòng nghiệp vụ", "Các phòng chuyên môn", "Các phòng Nghiệp vụ"],
    };

    private readonly (string Id, string Key, string Short)[] _departmentKeys;
    private readonly (string Id, string Key, string Short)[] _groupKeys;

    public UnitNames(IReadOnlyList<UnitName> departments, IReadOnlyList<UnitName> groups)
    {
        Departments = departments;
        Groups = groups;
        _departmentKeys = departments.Select(u => Keys(u.Id, u.Name)).ToArray();
        _groupKeys = groups.Select(u => Keys(u.Id, u.Name)).ToArray();
    }

    public IReadOnlyList<UnitName> Departments { get; }

    public IReadOnlyList<UnitName> Groups { get; }

    /// <summary>
    /// From a directory: each department by its name, each group the departments name by its name and aliases in the
    /// directory's "groups" — or, for a group the directory does not describe, by the names in
    /// <paramref name="groupNames"/> (default <see cref="DefaultGroupNames"/>). A group without names is matched by its id only.
    /// </summary>
    public static UnitNames FromDirectory(AgencyDirectory directory, IReadOnlyDictionary<string, IReadOnlyList<string>>? groupNames = null)
    {
        var declared = directory.Groups.ToDictionary(g => g.Id, g => (IReadOnlyList<string>)[g.Name, .. g.Aliases], StringComparer.OrdinalIgnoreCase);
        groupNames ??= DefaultGroupNames;
        var departments = directory.Departments.Select(d => new UnitName(d.Id, d.Name)).ToList();
        var groups = new List<UnitName>();
        foreach (var group in directory.Departments.Select(d => d.Group).Where(g => !string.IsNullOrWhiteSpace(g)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var names = declared.TryGetValue(group, out var own) ? own : groupNames.TryGetValue(group, out var known) ? known : [];
            groups.AddRange(names.Select(n => new UnitName(group, n)));
            groups.Add(new UnitName(group, group));
        }

        return new UnitNames(departments, groups);
    }

    /// <summary>The id a name stands for; null when no department or group has it.</summary>
    public string? Match(string name)
    {
        var key = Key(name);
        if (key.Length == 0)
        {
            return null;
        }

        var shortKey = WithoutPhong(key);
        return Find(_departmentKeys, key, shortKey) ?? Find(_groupKeys, key, shortKey);
    }

    /// <summary>The names to list in a problem: each department's and each group's first name.</summary>
    public IReadOnlyList<string> Known() =>
        Departments.Select(d => d.Name).Concat(Groups.Where(g => !string.Equals(g.Id, g.Name, StringComparison.Ordinal)).DistinctBy(g => g.Id).Select(g => g.Name))
            .Distinct(StringComparer.Ordinal).ToList();

    private static (string Id, string Key, string Short) Keys(string id, string name)
    {
        var key = Key(name);
        return (id, key, WithoutPhong(key));
    }

    private static string? Find((string Id, string Key, string Short)[] names, string key, string shortKey)
    {
        foreach (var unit in names)
        {
            if (unit.Key == key || unit.Short == key || unit.Key == shortKey ||
                string.Equals(unit.Id, key, StringComparison.OrdinalIgnoreCase))
            {
                return unit.Id;
            }
        }

        return null;
    }

    private static string WithoutPhong(string key) => key.StartsWith("phong ", StringComparison.Ordinal) ? key["phong ".Length..] : key;

    private static string Key(string name) =>
        VietnameseText.Fold(name.Replace(',', ' ')).TrimEnd('.', ';', ':', ' ');
}
