using System.Text;
using System.Text.Json.Nodes;
using CchcBot.Bot.Tests.Plan.Word;
using CchcBot.Cli;
using CchcBot.Plan;
using CchcBot.Plan.Files;
using CchcBot.Plan.Files.Word;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Cli;

/// <summary>`import --dry-run` writes nothing and lists the differences; `--write-json` writes the plan as read.</summary>
public sealed class ImportFlagsTests : IDisposable
{
    private const string Agency = "thanh-tra-soc-trang";
    private static readonly AgencyDirectory Directory = DirectoryFileReader.Read(BundledData.DirectoryJson).Value!;
    private readonly CliSandbox _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task A_dry_run_of_the_bundled_plan_writes_nothing_and_its_JSON_reads_back_as_the_same_plan()
    {
        await LoadDirectoryAsync();
        var json = Path.Combine(_cli.Folder, "out.json");

        var result = await _cli.RunAsync("import", _cli.Write("plan.json", Encoding.UTF8.GetBytes(BundledData.PlanJson)), "--dry-run", "--write-json", json);

        Assert.True(result.Code == 0, result.Error);
        Assert.Contains("22 tasks, 42 milestones — dry run, nothing was written: 22 added, 0 changed, 0 unchanged, 0 removed.", result.Output, StringComparison.Ordinal);
        Assert.Contains("  added   TC-1: Xây dựng và triển khai kế hoạch", result.Output, StringComparison.Ordinal);
        Assert.Null(await Plans().GetAsync(Agency));
        var source = new PlanFileReader().Read(BundledData.PlanJson, Directory).Value!;
        AssertSamePlan(source, ReadBack(json));
    }

    [Fact]
    public async Task A_dry_run_of_the_Word_plan_writes_JSON_that_reads_back_as_the_same_plan_with_every_dated_milestone_explicit()
    {
        await LoadDirectoryAsync();
        var json = Path.Combine(_cli.Folder, "word.json");
        var docx = SeedPlanDocx.Build();

        var result = await _cli.RunAsync("import", _cli.Write("plan.docx", docx), "--agency", Agency, "--dry-run", "--write-json", json);

        Assert.True(result.Code == 0, result.Error);
        Assert.Contains("dry run, nothing was written", result.Output, StringComparison.Ordinal);
        Assert.Null(await Plans().GetAsync(Agency));
        var source = new WordPlanReader().Read(docx, Directory, null).Value!;
        AssertSamePlan(source, ReadBack(json));
        var written = JsonNode.Parse(File.ReadAllText(json))!["tasks"]!.AsArray();
        foreach (var task in source.Tasks)
        {
            var node = written.Single(n => (string)n!["id"]! == task.Id)!;
            Assert.Equal(PlanJsonWriter.HasExplicitMilestones(task), node["milestones"] is not null);
        }

        Assert.Contains(written, n => n!["milestones"] is JsonArray { Count: > 0 });
    }

    [Fact]
    public async Task A_dry_run_of_an_amended_plan_lists_the_differences_and_leaves_the_stored_plan_as_it_was()
    {
        await LoadDirectoryAsync();
        Assert.Equal(0, (await _cli.RunAsync("import", _cli.Write("plan.json", Encoding.UTF8.GetBytes(BundledData.PlanJson)))).Code);
        var stored = await Plans().GetAsync(Agency);
        var amended = _cli.Write("amended.json", Amend(BundledData.PlanJson));

        var result = await _cli.RunAsync("import", amended, "--dry-run");

        Assert.True(result.Code == 0, result.Error);
        Assert.Contains("dry run, nothing was written: 1 added, 2 changed, 19 unchanged, 1 removed.", result.Output, StringComparison.Ordinal);
        Assert.Contains("  added   NEW-1: Nhiệm vụ mới", result.Output, StringComparison.Ordinal);
        Assert.Contains("  changed TC-1: title", result.Output, StringComparison.Ordinal);
        Assert.Contains("  changed TC-2: lead, milestones", result.Output, StringComparison.Ordinal);
        Assert.Contains("  removed CDDH-5: ", result.Output, StringComparison.Ordinal);
        var after = await Plans().GetAsync(Agency);
        AssertSamePlan(stored!, after!);

        var imported = await _cli.RunAsync("import", amended);

        Assert.True(imported.Code == 0, imported.Error);
        Assert.Contains("  added: NEW-1", imported.Output, StringComparison.Ordinal);
        Assert.Contains("  changed: TC-1 (title); TC-2 (lead, milestones)", imported.Output, StringComparison.Ordinal);
        Assert.Contains("  removed: CDDH-5", imported.Output, StringComparison.Ordinal);
        Assert.Equal("Tiêu đề đã sửa", (await Plans().GetAsync(Agency))!.Tasks.Single(t => t.Id == "TC-1").Title);
    }

    [Fact]
    public async Task The_written_JSON_imports_as_no_change()
    {
        await LoadDirectoryAsync();
        var json = Path.Combine(_cli.Folder, "again.json");
        var docx = _cli.Write("plan.docx", SeedPlanDocx.Build());
        Assert.Equal(0, (await _cli.RunAsync("import", docx, "--agency", Agency, "--write-json", json)).Code);

        var again = await _cli.RunAsync("import", json);

        Assert.True(again.Code == 0, again.Error);
        Assert.Contains("already up to date, nothing changed.", again.Output, StringComparison.Ordinal);
    }

    private static byte[] Amend(string planJson)
    {
        var root = JsonNode.Parse(planJson)!;
        var tasks = root["tasks"]!.AsArray();
        tasks.Single(t => (string)t!["id"]! == "TC-1")!["title"] = "Tiêu đề đã sửa";
        var tc2 = tasks.Single(t => (string)t!["id"]! == "TC-2")!;
        tc2["lead"] = new JsonArray("NV1");
        tc2["milestones"] = new JsonArray(new JsonObject { ["deliverable"] = "Kế hoạch", ["due"] = "2024-03-31" });
        tasks.Remove(tasks.Single(t => (string)t!["id"]! == "CDDH-5"));
        tasks.Add(new JsonObject
        {
            ["id"] = "NEW-1",
            ["area"] = "the-che",
            ["title"] = "Nhiệm vụ mới",
            ["deliverables"] = new JsonArray("Báo cáo"),
            ["lead"] = new JsonArray("VP"),
            ["timeframe"] = "Tháng 6/2024",
        });
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static CchcPlan ReadBack(string path)
    {
        var result = new PlanFileReader().Read(File.ReadAllBytes(path), Directory);
        Assert.True(result.Ok, string.Join("; ", result.Problems));
        return result.Value!;
    }

    private static void AssertSamePlan(CchcPlan expected, CchcPlan actual)
    {
        Assert.Equal((expected.Agency, expected.Year, expected.Title), (actual.Agency, actual.Year, actual.Title));
        Assert.Equal(expected.Areas, actual.Areas);
        Assert.Equal(expected.Tasks.Select(t => t.Id), actual.Tasks.Select(t => t.Id));
        foreach (var (e, a) in expected.Tasks.Zip(actual.Tasks))
        {
            Assert.Empty(PlanDiff.ChangedFields(e, a));
            Assert.Equal(e.Milestones, a.Milestones); // ids, deliverables, due dates and period labels
        }
    }

    private async Task LoadDirectoryAsync() =>
        Assert.Equal(0, (await _cli.RunAsync("directory", _cli.Write("d.json", Encoding.UTF8.GetBytes(BundledData.DirectoryJson)))).Code);

    private PlanRepository Plans() => new(new CchcTables(AzuriteServer.Shared.ConnectionString, _cli.Prefix));


}
