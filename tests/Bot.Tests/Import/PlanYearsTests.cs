using Azure.Data.Tables;
using CchcBot.Bot.Tests.Cli;
using CchcBot.Bot.Tests.Storage;
using CchcBot.Plan;
using CchcBot.Plan.Files;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Import;

/// <summary>A plan per agency and year: chat follows the latest year, reports can use any stored year, statuses never cross years.</summary>
public sealed class PlanYearsTests : IDisposable
{
    private readonly CliSandbox _cli = new();

    public void Dispose() => _cli.Dispose();

    private CchcTables Tables => new(AzuriteServer.Shared.ConnectionString, _cli.Prefix);

    private const string Agency = "thanh-tra-soc-trang";

    private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);

    private async Task<string> RunOkAsync(params string[] args)
    {
        var (code, output, error) = await _cli.RunAsync(args);
        Assert.True(code == 0, $"exit {code}: {output}{error}");
        return output;
    }

    private async Task SeedTwoYearsAsync()
    {
        await RunOkAsync("seed", "--year", "2024");
        await RunOkAsync("import", _cli.Write("plan-2025.json", System.Text.Encoding.UTF8.GetBytes(BundledData.PlanJson)), "--year", "2025");
    }

    [Fact]
    public async Task Importing_the_next_year_keeps_the_previous_one_and_chat_follows_the_latest()
    {
        await SeedTwoYearsAsync();

        var repo = new PlanRepository(Tables);
        Assert.Equal(2025, (await repo.GetAsync(Agency))!.Year);
        Assert.Equal(2024, (await repo.GetAsync(Agency, 2024))!.Year);
        Assert.Equal([2024, 2025], await repo.YearsAsync(Agency));
        Assert.Equal(22, (await repo.GetAsync(Agency, 2024))!.Tasks.Count);
    }

    [Fact]
    public async Task Report_for_2024_is_made_on_the_2024_plan_after_the_2025_one_is_imported()
    {
        await SeedTwoYearsAsync();

        var output = await RunOkAsync("report", "--year", "2024", "--out", Path.Combine(_cli.Folder, "2024.docx"));

        Assert.Contains("on the plan of 2024", output, StringComparison.Ordinal);
        using var zip = System.IO.Compression.ZipFile.OpenRead(Path.Combine(_cli.Folder, "2024.docx"));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var text = await reader.ReadToEndAsync();
        Assert.Contains("Kế hoạch CCHC năm 2024", text, StringComparison.Ordinal);
        Assert.Contains("30/09/2024", text, StringComparison.Ordinal); // the 2024 plan's due dates…
        Assert.DoesNotContain("/2025", text, StringComparison.Ordinal); // …never the 2025 plan's
    }

    [Fact]
    public async Task A_period_of_a_year_not_stored_asks_for_plan_year_when_several_are_stored()
    {
        await SeedTwoYearsAsync();
        var file = Path.Combine(_cli.Folder, "r.xlsx");

        var (code, _, error) = await _cli.RunAsync("report", "--quarter", "2023-Q4", "--out", file);
        Assert.NotEqual(0, code);
        Assert.Contains("--plan-year", error, StringComparison.Ordinal);

        Assert.Contains("on the plan of 2024", await RunOkAsync("report", "--quarter", "2023-Q4", "--plan-year", "2024", "--out", file), StringComparison.Ordinal);
        var (missing, _, why) = await _cli.RunAsync("report", "--year", "2024", "--plan-year", "2030", "--out", file);
        Assert.NotEqual(0, missing);
        Assert.Contains("No plan of 2030", why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statuses_of_one_year_never_show_on_the_same_task_ids_of_another()
    {
        var tables = TestTables.Create();
        var plans = new PlanRepository(tables);
        var progress = new ProgressRepository(tables);
        await plans.SaveAsync(SamplePlans.Plan(year: 2024));
        var y2024 = (await plans.GetAsync(SamplePlans.Agency))!;
        await progress.RecordAsync(new ProgressUpdate(y2024.ProgressScope, "TC-1", "TC-1-1", "op-1", "truongphong.nv1@example.gov.vn", "B", null, MilestoneStatus.Done, "xong", null));

        await plans.SaveAsync(SamplePlans.Plan(year: 2025));

        var y2025 = (await plans.GetAsync(SamplePlans.Agency))!;
        Assert.Equal(2025, y2025.Year);
        Assert.NotEqual(SamplePlans.Agency, y2025.ProgressScope);
        Assert.Empty(await progress.GetStatesAsync(y2025.ProgressScope));
        var again2024 = (await plans.GetAsync(SamplePlans.Agency, 2024))!;
        Assert.Equal(MilestoneStatus.Done, (await progress.GetStatesAsync(again2024.ProgressScope))["TC-1-1"].Status);
    }

    [Fact]
    public async Task Amending_an_older_year_keeps_chat_on_the_latest()
    {
        var tables = TestTables.Create();
        var plans = new PlanRepository(tables);
        await plans.SaveAsync(SamplePlans.Plan(year: 2024));
        await plans.SaveAsync(SamplePlans.Plan(year: 2025));
        var amended = SamplePlans.Plan(year: 2024);

        var saved = await plans.SaveAsync(amended with { Tasks = amended.Tasks.Skip(1).ToList() });

        Assert.True(saved.Changed);
        Assert.Equal(2025, (await new PlanRepository(tables).GetAsync(SamplePlans.Agency))!.Year);
        Assert.Equal(3, (await new PlanRepository(tables).GetAsync(SamplePlans.Agency))!.Tasks.Count);
        Assert.Equal(2, (await new PlanRepository(tables).GetAsync(SamplePlans.Agency, 2024))!.Tasks.Count);
        Assert.Equal(3, (await plans.DueBetweenAsync(SamplePlans.Agency, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31))).Count);
    }

    [Fact]
    public async Task A_plan_stored_before_years_were_kept_apart_keeps_loading_and_becomes_its_year()
    {
        var tables = TestTables.Create();
        var legacy = SamplePlans.Plan(year: 2026);
        var agencyKey = TableKeys.Encode(legacy.Agency);
        await (await tables.GetAsync(CchcTables.Plans)).AddEntityAsync(new TableEntity(agencyKey, "plan")
        {
            ["Year"] = legacy.Year,
            ["Title"] = legacy.Title,
            ["Areas"] = System.Text.Json.JsonSerializer.Serialize(legacy.Areas, Web),
            ["TaskCount"] = legacy.Tasks.Count,
        });
        var taskTable = await tables.GetAsync(CchcTables.Tasks);
        foreach (var task in legacy.Tasks)
        {
            await taskTable.AddEntityAsync(new TableEntity(agencyKey, TableKeys.Encode(task.Id))
            {
                ["Json"] = System.Text.Json.JsonSerializer.Serialize(task, Web),
                ["Order"] = task.Order,
            });
        }

        var plans = new PlanRepository(tables);
        Assert.Equal(legacy.Tasks.Count, (await plans.GetAsync(legacy.Agency, 2026))!.Tasks.Count);

        await plans.SaveAsync(SamplePlans.Plan(year: 2027));

        var reader = new PlanRepository(tables);
        Assert.Equal([2026, 2027], await reader.YearsAsync(legacy.Agency));
        Assert.Equal(2027, (await reader.GetAsync(legacy.Agency))!.Year);
        var old = (await reader.GetAsync(legacy.Agency, 2026))!;
        Assert.Equal(legacy.Tasks.Select(t => t.Title), old.Tasks.Select(t => t.Title));
        Assert.Equal(legacy.Agency, old.ProgressScope); // its statuses stay where they were
    }
}
