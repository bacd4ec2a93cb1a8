using System.Text.Json.Nodes;
using CchcBot.Bot.Tests.Storage;
using CchcBot.Plan;
using CchcBot.Plan.Files;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Plan;

public class PlanFileReaderTests
{
    private static readonly AgencyDirectory Directory = DirectoryFileReader.Read(BundledData.DirectoryJson).Value!;

    private static CchcPlan Bundled(int? year = null)
    {
        var result = new PlanFileReader().Read(BundledData.PlanJson, Directory, year);
        Assert.True(result.Ok, string.Join("\n", result.Problems));
        return result.Value!;
    }

    [Fact]
    public void Bundled_plan_has_22_tasks_in_7_areas()
    {
        var plan = Bundled();

        Assert.Equal(7, plan.Areas.Count);
        Assert.Equal(22, plan.Tasks.Count);
        Assert.Equal([4, 3, 2, 2, 3, 3, 5], plan.Areas.Select(a => plan.Tasks.Count(t => t.AreaId == a.Id)));
        Assert.Equal(42, plan.Tasks.Sum(t => t.Milestones.Count));
    }

    [Fact]
    public void Bundled_plan_has_the_right_lead_units()
    {
        var plan = Bundled();
        var tc3 = plan.Tasks.Single(t => t.Id == "TC-3");

        Assert.Equal(["nghiep-vu"], tc3.Lead);
        Assert.Equal(["VP"], tc3.Cooperating);
        Assert.All(plan.Tasks.Where(t => t.Id != "TC-3"), t => Assert.Equal(["VP"], t.Lead));
        Assert.All(plan.Tasks.Where(t => t.Id.StartsWith("CDDH", StringComparison.Ordinal)), t => Assert.Equal(["nghiep-vu"], t.Cooperating));
    }

    [Fact]
    public void TTHC_1_has_a_plan_in_January_and_quarterly_and_yearly_reports()
    {
        var m = Bundled().Tasks.Single(t => t.Id == "TTHC-1").Milestones;

        Assert.Equal(("Kế hoạch", new DateOnly(2024, 1, 31)), (m[0].Deliverable, m[0].Due!.Value));
        Assert.Equal(5, m.Count(x => x.Deliverable == "Báo cáo kết quả thực hiện"));
        Assert.Equal(["TTHC-1-1", "TTHC-1-2", "TTHC-1-3", "TTHC-1-4", "TTHC-1-5", "TTHC-1-6"], m.Select(x => x.Id));
        Assert.Equal("Quý I/2024", m[1].Period);
    }

    [Fact]
    public void Ongoing_task_and_four_deliverable_task_derive_as_documented()
    {
        var plan = Bundled();

        Assert.True(Assert.Single(plan.Tasks.Single(t => t.Id == "TTHC-2").Milestones).IsOngoing);
        var cddh3 = plan.Tasks.Single(t => t.Id == "CDDH-3").Milestones;
        Assert.Equal(
            [("Kế hoạch kiểm tra", 3), ("Quyết định kiểm tra", 12), ("Các báo cáo khắc phục của đơn vị được kiểm tra", 12), ("Báo cáo kết quả", 12)],
            cddh3.Select(x => (x.Deliverable, x.Due!.Value.Month)));
    }

    [Fact]
    public void The_seed_typo_in_CQS_1_is_fixed() =>
        Assert.EndsWith("năm 2024", Bundled().Tasks.Single(t => t.Id == "CQS-1").Title, StringComparison.Ordinal);

    [Fact]
    public void Rebasing_moves_dates_and_the_year_in_texts_but_not_other_numbers()
    {
        var plan = Bundled(2026);

        Assert.Equal(2026, plan.Year);
        Assert.Contains("năm 2026", plan.Title, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 1, 31), plan.Tasks.Single(t => t.Id == "TTHC-1").Milestones[0].Due);
        Assert.Contains("130/2005/NĐ-CP", plan.Tasks.Single(t => t.Id == "TCC-1").Title, StringComparison.Ordinal);
        Assert.Equal("Tháng 01/2026; Định kỳ hàng quý và năm 2026", plan.Tasks.Single(t => t.Id == "TTHC-1").Timeframe);
    }

    [Fact]
    public void Explicit_milestones_are_kept_and_rebased_with_29_February_clamped()
    {
        var root = Minimal();
        JsonText.Set(root, "tasks[0].milestones", new JsonArray(new JsonObject { ["deliverable"] = "Kế hoạch", ["due"] = "2024-02-29" }));

        var plan = new PlanFileReader().Read(root.ToJsonString(), Directory, rebaseYear: 2025).Value!;

        Assert.Equal(new DateOnly(2025, 2, 28), Assert.Single(plan.Tasks[0].Milestones).Due);
    }

    [Theory]
    [InlineData("{", "$", "not valid JSON")]
    [InlineData("[]", "$", "must be an object")]
    [InlineData("{}", "$.agency", "is required")]
    public void Malformed_files_are_reported_at_their_place(string json, string path, string message)
    {
        var result = new PlanFileReader().Read(json, Directory);

        Assert.Null(result.Value);
        Assert.Contains(result.Problems, p => p.Path == path && p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("year", "\"năm\"", "$.year", "whole number")]
    [InlineData("year", "1999", "$.year", "plausible")]
    [InlineData("title", "\"  \"", "$.title", "must not be empty")]
    [InlineData("areas", "[{\"id\":\"a\",\"name\":\"A\"},{\"id\":\"a\",\"name\":\"B\"}]", "$.areas[1].id", "duplicate area id")]
    [InlineData("agency", "\"a/b\"", "$.agency", "not a valid id")]
    [InlineData("tasks[0].area", "\"khong-co\"", "$.tasks[0].area", "unknown area")]
    [InlineData("tasks[0].lead", "[\"PHONG-X\"]", "$.tasks[0].lead[0]", "unknown department or group")]
    [InlineData("tasks[0].cooperating", "[\"nhom-y\"]", "$.tasks[0].cooperating[0]", "unknown department or group")]
    [InlineData("tasks[0].lead", "[]", "$.tasks[0].lead", "must not be empty")]
    [InlineData("tasks[0].lead", "\"VP\"", "$.tasks[0].lead", "must be an array")]
    [InlineData("tasks[0].deliverables", "[1]", "$.tasks[0].deliverables[0]", "must be a string")]
    [InlineData("tasks[0].title", "\"\"", "$.tasks[0].title", "must not be empty")]
    [InlineData("tasks[0].id", "\"TC#1\"", "$.tasks[0].id", "not a valid id")]
    [InlineData("tasks[0].timeframe", "\"Tháng 13/2024\"", "$.tasks[0].timeframe", "task TC-1: unknown timeframe phrase 'Tháng 13/2024'")]
    [InlineData("tasks[0].timeframe", "\"Năm 2025\"", "$.tasks[0].timeframe", "outside the plan's year")]
    [InlineData("tasks[0].milestones", "[{\"deliverable\":\"Khác\",\"due\":\"2024-05-01\"}]", "$.tasks[0].milestones[0].deliverable", "not one of the task's deliverables")]
    [InlineData("tasks[0].milestones", "[{\"deliverable\":\"Kế hoạch\",\"due\":\"2024-02-30\"}]", "$.tasks[0].milestones[0].due", "not a date")]
    [InlineData("tasks[0].milestones", "[{\"deliverable\":\"Kế hoạch\",\"due\":\"01/05/2024\"}]", "$.tasks[0].milestones[0].due", "not a date")]
    [InlineData("tasks[0].milestones", "[{\"deliverable\":\"Kế hoạch\",\"due\":\"2023-05-01\"}]", "$.tasks[0].milestones[0].due", "outside the plan's year")]
    public void Problems_are_reported_with_their_path(string field, string value, string path, string message)
    {
        var root = Minimal();
        JsonText.Set(root, field, JsonNode.Parse(value));

        var result = new PlanFileReader().Read(root.ToJsonString(), Directory);

        Assert.Null(result.Value);
        Assert.Contains(result.Problems, p => p.Path == path && p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Duplicate_task_ids_are_reported()
    {
        var root = Minimal();
        root["tasks"]!.AsArray().Add(root["tasks"]![0]!.DeepClone());

        var result = new PlanFileReader().Read(root.ToJsonString(), Directory);

        Assert.Contains(result.Problems, p => p.Path == "$.tasks[1].id" && p.Message.Contains("duplicate task id", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var root = Minimal();
        JsonText.Set(root, "tasks[0].area", "x");
        JsonText.Set(root, "tasks[0].lead", new JsonArray("Y"));
        JsonText.Set(root, "tasks[0].timeframe", "bao giờ xong");

        var result = new PlanFileReader().Read(root.ToJsonString(), Directory);

        Assert.Equal(3, result.Problems.Count);
    }

    /// <summary>A valid plan file with one task.</summary>
    private static JsonObject Minimal() => new()
    {
        ["agency"] = SamplePlans.Agency,
        ["year"] = 2024,
        ["title"] = "Kế hoạch CCHC năm 2024",
        ["areas"] = new JsonArray(new JsonObject { ["id"] = "the-che", ["name"] = "Cải cách thể chế" }),
        ["tasks"] = new JsonArray(new JsonObject
        {
            ["id"] = "TC-1",
            ["area"] = "the-che",
            ["title"] = "Xây dựng kế hoạch",
            ["deliverables"] = new JsonArray("Kế hoạch"),
            ["lead"] = new JsonArray("VP"),
            ["cooperating"] = new JsonArray("nghiep-vu"),
            ["timeframe"] = "Năm 2024",
        }),
    };
}
