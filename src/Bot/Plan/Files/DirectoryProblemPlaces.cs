using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CchcBot.Plan.Files;

/// <summary>
/// A place in a directory file (a JSON path) in Vietnamese words, for the problems the Chief of Office reads in Teams:
/// "$.departments[2].staff[0]" → "Phòng Nghiệp vụ 2, cán bộ thứ 1" (the department by its name in the file, else by
/// its place); "$.chiefInspector" → "Chánh Thanh tra".
/// </summary>
public static partial class DirectoryProblemPlaces
{
    private static readonly Dictionary<string, string> RootFields = new(StringComparer.Ordinal)
    {
        ["agency"] = "Mã cơ quan",
        ["chiefOfOffice"] = Positions.ChiefOfOffice,
        ["chiefInspector"] = Positions.ChiefInspector,
        ["departments"] = "Danh sách đơn vị",
        ["groups"] = "Danh sách nhóm đơn vị",
        ["agencyName"] = "Tên cơ quan",
        ["parentAgencyName"] = "Tên cơ quan chủ quản",
        ["place"] = "Địa danh",
        ["documentCode"] = "Ký hiệu văn bản",
    };

    /// <param name="path">A JSON path as the directory reader writes it.</param>
    /// <param name="root">The file's root, to name a department by its name; null to name it by its place only.</param>
    public static string Describe(string path, JsonElement? root = null)
    {
        if (ItemPath().Match(path) is { Success: true } m)
        {
            var index = Index(m.Groups["i"].Value);
            int? item = m.Groups["j"].Success ? Index(m.Groups["j"].Value) + 1 : null;
            var what = m.Groups["field"].Success ? m.Groups["field"].Value : null;
            var (place, field) = m.Groups["list"].Value == "departments"
                ? (DepartmentName(root, index), DepartmentField(what, item))
                : ($"Nhóm đơn vị thứ {index + 1}", GroupField(what, item));
            return field is null ? place : $"{place}, {field}";
        }

        var rootField = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : string.Empty;
        return RootFields.TryGetValue(rootField, out var label) ? label
            : rootField.Length > 0 && !rootField.Contains('.') && !rootField.Contains('[') ? $"Trường '{rootField}'"
            : "Danh bạ";
    }

    private static string DepartmentName(JsonElement? root, int index) =>
        Item(root, "departments", index) is { } department && department.TryGetProperty("name", out var name)
        && name.ValueKind == JsonValueKind.String && name.GetString() is { Length: > 0 } text
            ? Short(text)
            : $"Đơn vị thứ {index + 1}";

    private static string? DepartmentField(string? field, int? item) => field switch
    {
        null => null,
        "head" => "người đứng đầu",
        "deputies" => item is { } deputy ? $"cấp phó thứ {deputy}" : "danh sách cấp phó",
        "staff" => item is { } staff ? $"cán bộ thứ {staff}" : "danh sách cán bộ",
        "name" => "tên đơn vị",
        "id" => "mã đơn vị",
        "group" => "nhóm đơn vị",
        _ => $"trường '{field}'",
    };

    private static string? GroupField(string? field, int? item) => field switch
    {
        null => null,
        "id" => "mã nhóm",
        "name" => "tên nhóm",
        "aliases" => item is { } alias ? $"tên gọi khác thứ {alias}" : "danh sách tên gọi khác",
        _ => $"trường '{field}'",
    };

    private static JsonElement? Item(JsonElement? root, string array, int index) =>
        root is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty(array, out var items) && items.ValueKind == JsonValueKind.Array
            && index < items.GetArrayLength() && items[index] is { ValueKind: JsonValueKind.Object } item
            ? item
            : null;

    private static int Index(string digits) => int.Parse(digits, CultureInfo.InvariantCulture);

    private static string Short(string text) => text.Length <= 60 ? text : text[..59] + "…";

    [GeneratedRegex(@"^\$\.(?<list>departments|groups)\[(?<i>\d{1,4})\](?:\.(?<field>[A-Za-z]+)(?:\[(?<j>\d{1,5})\])?)?$")]
    private static partial Regex ItemPath();
}
