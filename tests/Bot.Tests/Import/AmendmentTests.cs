using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using CchcBot.Bot.Tests.Cli;
using CchcBot.Plan;
using CchcBot.Plan.Files;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Import;

/// <summary>
/// Importing a changed file for the same year: the differences listed, statuses kept where milestones still match,
/// a removed task with history archived (kept for reports, shown nowhere else), every import in plan-history.
/// </summary>
public sealed class AmendmentTests : IDisposable
{
    private const string Agency = "thanh-tra-soc-trang";
    private const string Head = "truongphong.nv1@example.gov.vn";

    private readonly CliSandbox _cli = new();

    public void Dispose() => _cli.Dispose();

    private CchcTables Tables => new(AzuriteServer.Shared.ConnectionString, _cli.Prefix);

    private async Task<string> RunOkAsync(params string[] args)
    {
        var (code, output, error) = await _cli.RunAsync(args);
        Assert.True(code == 0, $"exit {code}: {output}{error}");
        return output;
    }

    private Task<RecordResult> RecordAsync(string taskId, string milestoneId) =>
        new ProgressRepository(Tables).RecordAsync(new ProgressUpdate(Agency, taskId, milestoneId, "op-" + milestoneId, Head, "Trần Thị Bình", null, MilestoneStatus.InProgress, "đang làm", null));

    /// <summary>The bundled plan with TC-1 gaining a first deliverable, TC-3 retitled, TC-2 and TC-4 removed.</summary>
    private string Amended()
    {
        var root = JsonNode.Parse(BundledData.PlanJson)!.AsObject();
        var tasks = root["tasks"]!.AsArray();
        var tc1 = tasks.Single(t => t!["id"]!.GetValue<string>() == "TC-1")!;
        tc1["deliverables"] = new JsonArray("Tờ trình", "Kế hoạch", "Báo cáo kết quả thực hiện");
        tasks.Single(t => t!["id"]!.GetValue<string>() == "TC-3")!["title"] = "Xây dựng, trình ban hành văn bản quy phạm pháp luật lĩnh vực thanh tra";
        foreach (var gone in tasks.Where(t => t!["id"]!.GetValue<string>() is "TC-2" or "TC-4").ToList())
        {
            tasks.Remove(gone);
        }

        return _cli.Write("plan-2024-sua-doi.json", Encoding.UTF8.GetBytes(root.ToJsonString()));
    }

    private async Task SeedWithHistoryAsync()
    {
        await RunOkAsync("seed", "--year", "2024");
        await RecordAsync("TC-1", "TC-1-1"); // "Kế hoạch" of TC-1
        await RecordAsync("TC-2", "TC-2-1");
        await RecordAsync("TC-3", "TC-3-1");
    }

    [Fact]
    public async Task The_dry_run_and_the_import_list_added_changed_removed_and_archived()
    {
        await SeedWithHistoryAsync();
        var file = Amended();

        var dry = await RunOkAsync("import", file, "--dry-run");
        Assert.Contains("changed TC-1: deliverables, milestones", dry, StringComparison.Ordinal);
        Assert.Contains("changed TC-3: title", dry, StringComparison.Ordinal);
        Assert.Contains("removed TC-2", dry, StringComparison.Ordinal);
        Assert.Contains("would archive (removed, kept with their history for reports): TC-2", dry, StringComparison.Ordinal);

        var output = await RunOkAsync("import", file);
        Assert.Contains("changed: TC-1 (deliverables, milestones); TC-3 (title)", output, StringComparison.Ordinal);
        Assert.Contains("removed: TC-2, TC-4", output, StringComparison.Ordinal);
        Assert.Contains("archived (removed, kept with their history for reports): TC-2", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_task_keeps_its_status_on_the_milestone_with_the_same_deliverable()
    {
        await SeedWithHistoryAsync();

        await RunOkAsync("import", Amended());

        var plan = (await new PlanRepository(Tables).GetAsync(Agency))!;
        var tc1 = plan.Tasks.Single(t => t.Id == "TC-1");
        Assert.Equal(["Tờ trình", "Kế hoạch", "Báo cáo kết quả thực hiện"], tc1.Milestones.Select(m => m.Deliverable));
        Assert.Equal("TC-1-1", tc1.Milestones.Single(m => m.Deliverable == "Kế hoạch").Id);
        Assert.Equal("TC-1-2", tc1.Milestones.Single(m => m.Deliverable == "Báo cáo kết quả thực hiện").Id);
        Assert.DoesNotContain(tc1.Milestones.Single(m => m.Deliverable == "Tờ trình").Id, new[] { "TC-1-1", "TC-1-2" });
        var states = await new ProgressRepository(Tables).GetStatesAsync(Agency);
        Assert.Equal(MilestoneStatus.InProgress, states["TC-1-1"].Status);
        Assert.Single(await new ProgressRepository(Tables).GetHistoryAsync(Agency, "TC-3")); // the retitled task keeps its history
    }

    [Fact]
    public async Task A_removed_task_with_history_is_archived_for_reports_and_one_without_is_deleted()
    {
        await SeedWithHistoryAsync();
        var removedTitle = (await new PlanRepository(Tables).GetAsync(Agency))!.Tasks.Single(t => t.Id == "TC-2").Title;

        await RunOkAsync("import", Amended());

        var repo = new PlanRepository(Tables);
        var chat = (await repo.GetAsync(Agency))!;
        Assert.DoesNotContain(chat.Tasks, t => t.Id is "TC-2" or "TC-4");
        Assert.Empty(await repo.GetTasksAsync(Agency, ["TC-2"]));
        Assert.DoesNotContain(await repo.DueBetweenAsync(Agency, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)), e => e.TaskId == "TC-2");
        var all = (await repo.GetWithArchivedAsync(Agency, 2024))!;
        Assert.True(all.Tasks.Single(t => t.Id == "TC-2").Archived);
        Assert.DoesNotContain(all.Tasks, t => t.Id == "TC-4");

        var workbook = Path.Combine(_cli.Folder, "2024.xlsx");
        await RunOkAsync("report", "--year", "2024", "--out", workbook);
        using var zip = ZipFile.OpenRead(workbook);
        var strings = string.Join("\n", zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEnd()));
        Assert.Contains(System.Security.SecurityElement.Escape(removedTitle), strings, StringComparison.Ordinal);

        // Importing the amended file again keeps the archived task (and its history) where it is.
        await RunOkAsync("import", Amended());
        Assert.True((await new PlanRepository(Tables).GetWithArchivedAsync(Agency, 2024))!.Tasks.Single(t => t.Id == "TC-2").Archived);
    }

    [Fact]
    public async Task Plan_history_lists_every_import_newest_first_with_who_file_and_counts()
    {
        await SeedWithHistoryAsync();
        await RunOkAsync("import", Amended());

        var output = await RunOkAsync("plan-history");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("2 import(s), newest first", lines[0], StringComparison.Ordinal);
        Assert.Contains("by CLI  file plan-2024-sua-doi.json", lines[1], StringComparison.Ordinal);
        Assert.Contains("20 tasks", lines[1], StringComparison.Ordinal);
        Assert.Contains("0 added, 2 changed, 2 removed, 1 archived", lines[1], StringComparison.Ordinal);
        Assert.Contains(Agency + "  2024", lines[2], StringComparison.Ordinal);
        Assert.Contains("22 tasks", lines[2], StringComparison.Ordinal);

        var (code, _, error) = await _cli.RunAsync("plan-history", "--limit", "0");
        Assert.NotEqual(0, code);
        Assert.Contains("--limit", error, StringComparison.Ordinal);
        Assert.Contains("No import of a plan of 'khac' is recorded.", await RunOkAsync("plan-history", "--agency", "khac"), StringComparison.Ordinal);
    }
}
