using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CchcBot.Plan.Files;

/// <summary>
/// Reads and validates a plan file (see README "File formats"). Every problem is reported with its JSON path; the plan
/// is returned only when the whole file is valid. Milestones absent from a task are derived from its timeframe text.
/// </summary>
public sealed class PlanFileReader(TimeframeOptions? options = null)
{
    private readonly TimeframeParser _timeframes = new(options);

    /// <summary>Reads a file's bytes: strict UTF-8, at most <see cref="ImportLimits.MaxFileBytes"/>.</summary>
    public ReadResult<CchcPlan> Read(byte[] file, AgencyDirectory? directory = null, int? rebaseYear = null)
    {
        var problems = new List<ImportProblem>();
        var json = JsonReader.Decode(file, problems);
        return json is null ? new ReadResult<CchcPlan>(null, problems) : Read(json, directory, rebaseYear);
    }

    /// <param name="directory">When given, every lead/cooperating unit must name one of its departments or groups.</param>
    /// <param name="rebaseYear">Moves the plan to that year: every date, and the year written in its texts.</param>
    public ReadResult<CchcPlan> Read(string json, AgencyDirectory? directory = null, int? rebaseYear = null)
    {
        var problems = new List<ImportProblem>();
        using var document = JsonReader.Parse(json, problems, (path, root) => PlanProblemPlaces.Describe(path, root));
        if (document is null)
        {
            return new ReadResult<CchcPlan>(null, problems);
        }

        var r = new JsonReader(problems, path => PlanProblemPlaces.Describe(path, document.RootElement), "tệp kế hoạch");
        var root = document.RootElement;
        if (!r.IsObject(root, "$"))
        {
            return new ReadResult<CchcPlan>(null, problems);
        }

        r.OnlyKnown(root, "$", PlanFileFormat.Root);
        var agency = r.String(root, "agency", "$");
        r.ValidId(agency, "$.agency");
        var year = r.Int(root, "year", "$");
        if (year is < 2000 or > 2100)
        {
            r.Problem("$.year", $"{year} is not a plausible plan year (2000–2100)", $"{year} không phải năm hợp lệ của kế hoạch (2000–2100)");
            year = null;
        }

        var title = r.String(root, "title", "$", max: ImportLimits.MaxTitleChars);
        var areas = ReadAreas(r, root);
        var tasks = ReadTasks(r, root, areas, directory, year, rebaseYear);
        if (problems.Count > 0 || agency is null || year is null || title is null)
        {
            return new ReadResult<CchcPlan>(null, problems);
        }

        var plan = new CchcPlan(agency, rebaseYear ?? year.Value, Rebase(title, year.Value, rebaseYear), areas, tasks);
        return new ReadResult<CchcPlan>(plan, problems);
    }

    private static List<ReformArea> ReadAreas(JsonReader r, JsonElement root)
    {
        var areas = new List<ReformArea>();
        var elements = r.Array(root, "areas", "$");
        if (elements.Count == 0 && root.TryGetProperty("areas", out var present) && present.ValueKind == JsonValueKind.Array)
        {
            r.Problem("$.areas", "must not be empty", "không được để trống");
        }

        if (!r.AtMost(elements, ImportLimits.MaxAreas, "$.areas", "areas"))
        {
            return areas;
        }

        for (var i = 0; i < elements.Count; i++)
        {
            var path = $"$.areas[{i}]";
            if (!r.IsObject(elements[i], path))
            {
                continue;
            }

            r.OnlyKnown(elements[i], path, PlanFileFormat.Area);
            var id = r.String(elements[i], "id", path);
            var name = r.String(elements[i], "name", path);
            if (id is null || name is null || !r.ValidId(id, $"{path}.id"))
            {
                continue;
            }

            if (areas.Any(a => string.Equals(a.Id, id, StringComparison.OrdinalIgnoreCase)))
            {
                r.Problem($"{path}.id", $"duplicate area id '{id}'", $"mã lĩnh vực '{id}' bị trùng");
                continue;
            }

            areas.Add(new ReformArea(id, name));
        }

        return areas;
    }

    private List<PlanTask> ReadTasks(JsonReader r, JsonElement root, List<ReformArea> areas, AgencyDirectory? directory, int? year, int? rebaseYear)
    {
        var tasks = new List<PlanTask>();
        var elements = r.Array(root, "tasks", "$");
        if (!r.AtMost(elements, ImportLimits.MaxTasks, "$.tasks", "tasks"))
        {
            return tasks;
        }

        // Ids that differ only by case are the same id: people type them either way.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < elements.Count; i++)
        {
            var path = $"$.tasks[{i}]";
            if (!r.IsObject(elements[i], path))
            {
                continue;
            }

            var e = elements[i];
            r.OnlyKnown(e, path, PlanFileFormat.Task);
            var id = r.String(e, "id", path);
            if (id is not null && r.ValidId(id, $"{path}.id") && !seen.Add(id))
            {
                r.Problem($"{path}.id", $"duplicate task id '{id}' (ids are compared ignoring case)", $"mã nhiệm vụ '{id}' bị trùng (không phân biệt chữ hoa, chữ thường)");
            }

            var area = r.String(e, "area", path);
            if (area is not null && areas.Count > 0 && areas.All(a => a.Id != area))
            {
                r.Problem($"{path}.area", $"unknown area '{area}' (areas: {string.Join(", ", areas.Select(a => a.Id))})",
                    $"không có lĩnh vực '{area}' trong kế hoạch (các lĩnh vực: {string.Join(", ", areas.Select(a => a.Id))})");
            }

            var title = r.String(e, "title", path, max: ImportLimits.MaxTitleChars);
            var deliverables = r.Strings(e, "deliverables", path, maxItems: ImportLimits.MaxDeliverablesPerTask);
            var lead = r.Strings(e, "lead", path);
            var cooperating = r.Strings(e, "cooperating", path, required: false, nonEmpty: false);
            CheckUnits(r, directory, lead, $"{path}.lead");
            CheckUnits(r, directory, cooperating, $"{path}.cooperating");
            var timeframe = r.String(e, "timeframe", path);
            if (id is null || title is null || deliverables.Count == 0 || timeframe is null || year is null)
            {
                continue;
            }

            var rebasedTimeframe = Rebase(timeframe, year.Value, rebaseYear);
            var rebasedDeliverables = deliverables.Select(d => Rebase(d, year.Value, rebaseYear)).ToList();
            var milestones = e.TryGetProperty("milestones", out var explicitMilestones) && explicitMilestones.ValueKind != JsonValueKind.Null
                ? ReadMilestones(r, e, path, id, deliverables, rebasedDeliverables, year.Value, rebaseYear)
                : DeriveMilestones(r, path, id, rebasedTimeframe, rebasedDeliverables, rebaseYear ?? year.Value);
            if (milestones.Count > ImportLimits.MaxMilestonesPerTask)
            {
                r.Problem($"{path}.timeframe", $"task {id}: {milestones.Count} milestones; at most {ImportLimits.MaxMilestonesPerTask} per task",
                    $"nhiệm vụ có {milestones.Count} mốc, tối đa {ImportLimits.MaxMilestonesPerTask} mốc mỗi nhiệm vụ");
                continue;
            }

            tasks.Add(new PlanTask(id, area ?? string.Empty, Rebase(title, year.Value, rebaseYear), rebasedDeliverables, lead, cooperating,
                rebasedTimeframe, milestones, tasks.Count));
        }

        return tasks;
    }

    private static void CheckUnits(JsonReader r, AgencyDirectory? directory, List<string> units, string path)
    {
        if (directory is null)
        {
            return;
        }

        for (var i = 0; i < units.Count; i++)
        {
            if (!directory.KnowsUnit(units[i]))
            {
                var known = directory.Departments.Select(d => d.Id).Concat(directory.Departments.Select(d => d.Group)).Distinct();
                r.Problem($"{path}[{i}]", $"unknown department or group '{units[i]}' (the directory has: {string.Join(", ", known)})",
                    $"không có phòng hoặc nhóm '{units[i]}' trong danh bạ của cơ quan (danh bạ có: {string.Join(", ", known)})");
            }
        }
    }

    private List<Milestone> DeriveMilestones(JsonReader r, string path, string taskId, string timeframe, List<string> deliverables, int year)
    {
        var phrases = TimeframeParser.SplitPhrases(timeframe);
        if (phrases.Count == 0)
        {
            r.Problem($"{path}.timeframe", $"task {taskId}: the timeframe is empty", "để trống thời gian thực hiện");
            return [];
        }

        var parsed = new List<IReadOnlyList<TimeframeDate>>();
        foreach (var phrase in phrases)
        {
            var dates = _timeframes.ParsePhrase(phrase, year);
            if (dates is null)
            {
                r.Problem($"{path}.timeframe", $"task {taskId}: unknown timeframe phrase '{phrase}' ({TimeframeParser.KnownPhrasesText})",
                    $"không hiểu '{phrase}' (cách ghi được hiểu, ví dụ: {string.Join(", ", TimeframeParser.KnownPhrases)}; cách ghi không có năm lấy năm của kế hoạch)");
                return [];
            }

            if (dates.Any(d => d.Due is { } due && due.Year != year))
            {
                r.Problem($"{path}.timeframe", $"task {taskId}: '{phrase}' is outside the plan's year {year}", $"'{phrase}' không thuộc năm {year} của kế hoạch");
                return [];
            }

            parsed.Add(dates);
        }

        var milestones = new List<Milestone>();
        foreach (var (d, p) in TimeframeParser.Pair(deliverables.Count, parsed.Count))
        {
            milestones.AddRange(parsed[p].Select(date =>
                new Milestone(Milestone.MakeId(taskId, milestones.Count + 1), taskId, deliverables[d], date.Due, date.Period)));
        }

        return milestones;
    }

    private static List<Milestone> ReadMilestones(
        JsonReader r, JsonElement task, string path, string taskId, List<string> deliverables, List<string> rebasedDeliverables, int year, int? rebaseYear)
    {
        var milestones = new List<Milestone>();
        var elements = r.Array(task, "milestones", path);
        if (!r.AtMost(elements, ImportLimits.MaxMilestonesPerTask, $"{path}.milestones", "milestones"))
        {
            return milestones;
        }

        for (var i = 0; i < elements.Count; i++)
        {
            var at = $"{path}.milestones[{i}]";
            if (!r.IsObject(elements[i], at))
            {
                continue;
            }

            r.OnlyKnown(elements[i], at, PlanFileFormat.Milestone);
            var deliverable = r.String(elements[i], "deliverable", at);
            var dueText = r.String(elements[i], "due", at);
            var index = deliverable is null ? -1 : deliverables.IndexOf(deliverable);
            if (deliverable is not null && index < 0)
            {
                r.Problem($"{at}.deliverable", $"'{deliverable}' is not one of the task's deliverables", $"'{deliverable}' không phải là sản phẩm của nhiệm vụ");
            }

            if (dueText is null)
            {
                continue;
            }

            if (!DateOnly.TryParseExact(dueText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due))
            {
                r.Problem($"{at}.due", $"'{dueText}' is not a date in the form yyyy-MM-dd", $"'{dueText}' không phải ngày ghi theo dạng năm-tháng-ngày (yyyy-MM-dd, ví dụ {year}-06-30)");
                continue;
            }

            if (due.Year != year)
            {
                r.Problem($"{at}.due", $"{dueText} is outside the plan's year {year}",
                    $"ngày {due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} không thuộc năm {year} của kế hoạch");
                continue;
            }

            if (index >= 0)
            {
                var rebased = rebaseYear is { } target ? due.AddYears(target - year) : due;
                milestones.Add(new Milestone(Milestone.MakeId(taskId, milestones.Count + 1), taskId, rebasedDeliverables[index], rebased));
            }
        }

        if (elements.Count == 0)
        {
            r.Problem($"{path}.milestones", "must not be empty (leave it out to derive milestones from the timeframe)",
                "không được để trống (bỏ trường này thì các mốc được tính từ thời gian thực hiện)");
        }

        return milestones;
    }

    /// <summary>Replaces the plan's year, as a whole number, by the target year ("năm 2024" → "năm 2026").</summary>
    private static string Rebase(string text, int year, int? target) =>
        target is { } t && t != year
            ? Regex.Replace(text, $@"(?<!\d){year}(?!\d)", t.ToString(CultureInfo.InvariantCulture))
            : text;
}
