using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CchcBot.Plan.Files;

/// <summary>
/// A place in a plan file (a JSON path) in Vietnamese words, for the problems a user reads in Teams:
/// "$.tasks[3].lead[0]" → "Nhiệm vụ thứ 4 (TC-4), đơn vị chủ trì (lead) thứ 1"; "$" → "Tệp". The field's JSON name
/// stays in brackets, so the place can be found in the file.
/// </summary>
public static partial class PlanProblemPlaces
{
    private static readonly Dictionary<string, string> RootFields = new(StringComparer.Ordinal)
    {
        ["agency"] = "mã cơ quan (agency)",
        ["year"] = "năm (year)",
        ["title"] = "tên kế hoạch (title)",
        ["areas"] = "danh sách lĩnh vực (areas)",
        ["tasks"] = "danh sách nhiệm vụ (tasks)",
    };

    private static readonly Dictionary<string, string> AreaFields = new(StringComparer.Ordinal)
    {
        ["id"] = "mã lĩnh vực (id)",
        ["name"] = "tên lĩnh vực (name)",
    };

    private static readonly Dictionary<string, string> TaskFields = new(StringComparer.Ordinal)
    {
        ["id"] = "mã nhiệm vụ (id)",
        ["area"] = "lĩnh vực (area)",
        ["title"] = "tên nhiệm vụ (title)",
        ["deliverables"] = "sản phẩm (deliverables)",
        ["lead"] = "đơn vị chủ trì (lead)",
        ["cooperating"] = "đơn vị phối hợp (cooperating)",
        ["timeframe"] = "thời gian thực hiện (timeframe)",
        ["milestones"] = "danh sách mốc (milestones)",
    };

    private static readonly Dictionary<string, string> MilestoneFields = new(StringComparer.Ordinal)
    {
        ["deliverable"] = "sản phẩm (deliverable)",
        ["due"] = "hạn (due)",
    };

    /// <param name="path">A JSON path as the plan reader writes it.</param>
    /// <param name="root">The file's root, to name a task or area by its id; null to name it by its place only.</param>
    public static string Describe(string path, JsonElement? root = null)
    {
        var parts = new List<string>();
        var fields = RootFields;
        JsonElement? at = root is { ValueKind: JsonValueKind.Object } r ? r : null;
        var steps = Steps().Matches(path).Select(m => (Name: m.Groups["name"].Success ? m.Groups["name"].Value : null, Index: m.Groups["index"].Success ? m.Groups["index"].Value : null)).ToList();
        for (var k = 0; k < steps.Count; k++)
        {
            var name = steps[k].Name;
            if (name is null)
            {
                parts.Add($"mục thứ {Ordinal(steps[k].Index!)}");
                continue;
            }

            var next = at is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var child) ? child : (JsonElement?)null;
            var index = k + 1 < steps.Count && steps[k + 1].Name is null ? steps[k + 1].Index : null;
            if (index is null)
            {
                parts.Add(fields.TryGetValue(name, out var label) ? label : $"trường '{name}'");
                at = next;
                fields = [];
                continue;
            }

            k++; // the index belongs to this step
            var item = next is { ValueKind: JsonValueKind.Array } array && int.TryParse(index, CultureInfo.InvariantCulture, out var i) && i < array.GetArrayLength()
                ? array[i]
                : (JsonElement?)null;
            var id = item is { ValueKind: JsonValueKind.Object } element && element.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.String
                ? $" ({Short(idValue.GetString()!)})"
                : string.Empty;
            switch (name)
            {
                case "areas" when fields == RootFields:
                    parts.Add($"lĩnh vực thứ {Ordinal(index)}{id}");
                    fields = AreaFields;
                    break;
                case "tasks" when fields == RootFields:
                    parts.Add($"nhiệm vụ thứ {Ordinal(index)}{id}");
                    fields = TaskFields;
                    break;
                case "milestones" when fields == TaskFields:
                    parts.Add($"mốc thứ {Ordinal(index)}");
                    fields = MilestoneFields;
                    break;
                case "deliverables" or "lead" or "cooperating" when fields == TaskFields:
                    parts.Add($"{TaskFields[name]} thứ {Ordinal(index)}");
                    fields = [];
                    break;
                default:
                    parts.Add($"{(fields.TryGetValue(name, out var label) ? label : $"trường '{name}'")}, mục thứ {Ordinal(index)}");
                    fields = [];
                    break;
            }

            at = item;
        }

        if (parts.Count == 0)
        {
            return "Tệp";
        }

        var text = string.Join(", ", parts);
        return char.ToUpper(text[0], CultureInfo.GetCultureInfo("vi-VN")) + text[1..];
    }

    private static string Ordinal(string index) =>
        int.TryParse(index, CultureInfo.InvariantCulture, out var i) ? (i + 1).ToString(CultureInfo.InvariantCulture) : index;

    private static string Short(string text) => text.Length <= 40 ? text : text[..39] + "…";

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\[(?<index>\d+)\]")]
    private static partial Regex Steps();
}
