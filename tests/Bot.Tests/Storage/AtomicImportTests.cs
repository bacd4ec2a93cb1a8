using Azure;
using Azure.Data.Tables;
using CchcBot.Plan;
using CchcBot.Plan.Files;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Storage;

/// <summary>An import that fails part-way never takes the plan away from readers; the next import cleans up.</summary>
public sealed class AtomicImportTests
{
    private const string Agency = "thanh-tra-soc-trang";

    private static CchcPlan Bundled() => new PlanFileReader().Read(BundledData.PlanJson, rebaseYear: 2026).Value!;

    /// <summary>A bigger plan: every bundled task retitled, plus <paramref name="extra"/> new tasks.</summary>
    private static CchcPlan Changed(CchcPlan plan, int extra) => plan with
    {
        Tasks = plan.Tasks.Select(t => t with { Title = "Mới: " + t.Title })
            .Concat(Enumerable.Range(1, extra).Select(i =>
            {
                var id = $"X-{i}";
                return new PlanTask(id, plan.Areas[0].Id, $"Nhiệm vụ bổ sung {i}", ["Báo cáo"], ["VP"], [], "Năm 2026",
                    [new Milestone($"{id}-1", id, "Báo cáo", new DateOnly(2026, 1 + (i % 12), 28))], plan.Tasks.Count + i);
            }))
            .ToList(),
    };

    [Fact]
    public async Task A_storage_failure_in_the_middle_of_an_import_leaves_readers_on_the_old_plan_and_a_rerun_cleans_up()
    {
        await using var proxy = await FaultyStorageProxy.StartAsync();
        var prefix = AzuriteServer.NewPrefix();
        var direct = new CchcTables(AzuriteServer.Shared.ConnectionString, prefix);
        var old = Bundled();
        await new PlanRepository(direct).SaveAsync(old);
        var oldDue = await new PlanRepository(direct).DueBetweenAsync(Agency, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));

        var changed = Changed(old, extra: 250);
        proxy.WritesBeforeFailure = 1;
        var failing = new PlanRepository(new CchcTables(proxy.ConnectionString, prefix, TestTables.Retry));
        await Assert.ThrowsAnyAsync<RequestFailedException>(() => failing.SaveAsync(changed));
        Assert.True(proxy.FailedWrites > 0);

        var reader = new PlanRepository(direct);
        var seen = await reader.GetAsync(Agency);
        Assert.Equal(22, seen!.Tasks.Count);
        Assert.Equal(old.Tasks.Select(t => t.Title), seen.Tasks.Select(t => t.Title));
        Assert.Equal(old.Tasks[0].Title, Assert.Single(await reader.GetTasksAsync(Agency, ["TC-1"])).Title);
        Assert.Equal(
            oldDue.Select(e => e.MilestoneId).Order(),
            (await reader.DueBetweenAsync(Agency, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31))).Select(e => e.MilestoneId).Order());

        var rerun = await new PlanRepository(direct).SaveAsync(changed);

        Assert.Equal((250, 22, 0, 0), (rerun.Added, rerun.Updated, rerun.Unchanged, rerun.Removed));
        var now = await new PlanRepository(direct).GetAsync(Agency);
        Assert.Equal(changed.Tasks.Select(t => t.Title), now!.Tasks.Select(t => t.Title));
        Assert.Equal(changed.Tasks.Count, await CountAsync(direct, CchcTables.Tasks));
        Assert.Equal(changed.Tasks.Sum(t => t.Milestones.Count), await CountAsync(direct, CchcTables.DueIndex));
    }

    [Fact]
    public async Task Of_two_imports_at_once_readers_get_one_whole_plan_and_the_other_import_is_told_to_run_again()
    {
        await using var proxy = await FaultyStorageProxy.StartAsync();
        var prefix = AzuriteServer.NewPrefix();
        var direct = new CchcTables(AzuriteServer.Shared.ConnectionString, prefix);
        var old = Bundled();
        await new PlanRepository(direct).SaveAsync(old);

        // The slow import registers its version, then stalls on its first task batch.
        proxy.PauseAtWrite = 2;
        var slow = new PlanRepository(new CchcTables(proxy.ConnectionString, prefix, TestTables.Retry)).SaveAsync(Changed(old, extra: 3));
        await proxy.Paused.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // Meanwhile another import runs to the end: it removes the stalled version and switches to its own.
        var fast = Changed(old, extra: 7);
        Assert.True((await new PlanRepository(direct).SaveAsync(fast)).Changed);
        proxy.Resume.SetResult();

        await Assert.ThrowsAsync<PlanImportConflictException>(() => slow);
        var seen = await new PlanRepository(direct).GetAsync(Agency);
        Assert.Equal(fast.Tasks.Select(t => t.Id), seen!.Tasks.Select(t => t.Id));
        var again = await new PlanRepository(direct).SaveAsync(fast);
        Assert.False(again.Changed);
        Assert.Equal(fast.Tasks.Count, await CountAsync(direct, CchcTables.Tasks));
        Assert.Equal(fast.Tasks.Sum(t => t.Milestones.Count), await CountAsync(direct, CchcTables.DueIndex));
    }

    [Fact]
    public async Task A_plan_stored_before_versions_is_read_and_the_next_import_moves_it_to_a_version()
    {
        var tables = TestTables.Create();
        var plan = SamplePlans.Plan();
        var agencyKey = TableKeys.Encode(plan.Agency);
        var json = System.Text.Json.JsonSerializer.Serialize(plan, LegacyJson);
        await (await tables.GetAsync(CchcTables.Plans)).AddEntityAsync(new TableEntity(agencyKey, "plan")
        {
            ["Year"] = plan.Year,
            ["Title"] = plan.Title,
            ["Areas"] = System.Text.Json.JsonSerializer.Serialize(plan.Areas, LegacyJson),
            ["Hash"] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json))),
            ["TaskCount"] = plan.Tasks.Count,
        });
        var taskTable = await tables.GetAsync(CchcTables.Tasks);
        var index = await tables.GetAsync(CchcTables.DueIndex);
        foreach (var task in plan.Tasks)
        {
            await taskTable.AddEntityAsync(new TableEntity(agencyKey, TableKeys.Encode(task.Id)) { ["Json"] = System.Text.Json.JsonSerializer.Serialize(task, LegacyJson), ["Order"] = task.Order });
            foreach (var m in task.Milestones)
            {
                await index.AddEntityAsync(new TableEntity(TableKeys.Compose(plan.Agency, m.Due?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "ongoing"), TableKeys.Encode(m.Id)) { ["TaskId"] = m.TaskId });
            }
        }

        var repo = new PlanRepository(tables);
        Assert.Equal(plan.Tasks.Select(t => t.Title), (await repo.GetAsync(plan.Agency))!.Tasks.Select(t => t.Title));
        Assert.Equal("TC-3", Assert.Single(await new PlanRepository(tables).GetTasksAsync(plan.Agency, ["TC-3"])).Id);
        Assert.Equal("TTHC-2-1", Assert.Single(await repo.DueOnAsync(plan.Agency, null)).MilestoneId);
        Assert.Equal(3, (await repo.DueBetweenAsync(plan.Agency, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31))).Count);

        var same = await new PlanRepository(tables).SaveAsync(plan);
        Assert.False(same.Changed);
        Assert.Equal(plan.Tasks.Count + 4, same.CleanedUp);
        Assert.Equal(plan.Tasks.Count, await CountAsync(tables, CchcTables.Tasks));
        Assert.Equal(4, await CountAsync(tables, CchcTables.DueIndex));
        Assert.Equal(plan.Tasks.Select(t => t.Title), (await new PlanRepository(tables).GetAsync(plan.Agency))!.Tasks.Select(t => t.Title));
        Assert.Equal("TTHC-2-1", Assert.Single(await repo.DueOnAsync(plan.Agency, null)).MilestoneId);

        var changed = await new PlanRepository(tables).SaveAsync(plan with { Tasks = plan.Tasks.Skip(1).ToList() });
        Assert.Equal((0, 0, 2, 1), (changed.Added, changed.Updated, changed.Unchanged, changed.Removed));
        Assert.Equal(2, await CountAsync(tables, CchcTables.Tasks));
    }

    private static readonly System.Text.Json.JsonSerializerOptions LegacyJson = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static async Task<int> CountAsync(CchcTables tables, string table)
    {
        var client = await tables.GetAsync(table);
        var count = 0;
        await foreach (var _ in client.QueryAsync<TableEntity>(select: ["PartitionKey"]))
        {
            count++;
        }

        return count;
    }
}
