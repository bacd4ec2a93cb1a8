using System.Text;
using CchcBot.Plan;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Storage;

public class RepositoryTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 5, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Plan_round_trips_with_Vietnamese_text_and_keys_with_forbidden_characters()
    {
        var tables = TestTables.Create();
        var repo = new PlanRepository(tables);
        var plan = SamplePlans.Plan(agency: "sở/nội#vụ?");

        var saved = await repo.SaveAsync(plan);
        var loaded = await repo.GetAsync("sở/nội#vụ?");

        Assert.True(saved.Changed);
        Assert.Equal(3, saved.Added);
        Assert.NotNull(loaded);
        Assert.Equal(plan.Title, loaded.Title);
        Assert.Equal(plan.Tasks.Select(t => t.Title), loaded.Tasks.Select(t => t.Title));
        Assert.Equal(plan.Tasks[0].Milestones, loaded.Tasks[0].Milestones);
        Assert.Contains("sở/nội#vụ?", await repo.AgenciesAsync());
    }

    [Fact]
    public async Task Chosen_tasks_are_point_reads_when_few_and_one_query_when_most_of_the_plan()
    {
        await using var storage = await Tab.StorageRequestLog.StartAsync();
        var tables = new CchcTables(storage.ConnectionString, AzuriteServer.NewPrefix(), TestTables.Retry);
        var plan = SamplePlans.Plan();
        await new PlanRepository(tables).SaveAsync(plan);
        var ids = plan.Tasks.Select(t => t.Id).ToList();
        var tasksTable = "/" + tables.NameOf(CchcTables.Tasks);

        async Task<(List<string> Read, List<string> Requests)> ReadAsync(IEnumerable<string> wanted)
        {
            storage.Requests.Clear();
            var read = await new PlanRepository(tables).GetTasksAsync(SamplePlans.Agency, wanted);
            return (read.Select(t => t.Id).ToList(), storage.Requests.Where(r => r.Contains(tasksTable, StringComparison.Ordinal)).ToList());
        }

        var (few, fewRequests) = await ReadAsync([ids[2]]);
        var (most, mostRequests) = await ReadAsync([ids[2], ids[0], "không-có"]);

        Assert.Equal([ids[2]], few);
        Assert.Single(fewRequests, r => r.Contains("RowKey=", StringComparison.Ordinal));
        Assert.Equal([ids[2], ids[0]], most); // in the order asked, without the unknown one
        Assert.Single(mostRequests, r => r.Contains("$filter=PartitionKey eq", StringComparison.Ordinal));
        var whole = (await new PlanRepository(tables).GetTasksAsync(SamplePlans.Agency, ids)).Single(t => t.Id == ids[0]);
        Assert.Equal(plan.Tasks[0].Lead, whole.Lead);
        Assert.Equal(plan.Tasks[0].Milestones, whole.Milestones);
    }

    [Fact]
    public async Task Saving_the_same_plan_again_changes_nothing()
    {
        var repo = new PlanRepository(TestTables.Create());
        await repo.SaveAsync(SamplePlans.Plan());

        var again = await repo.SaveAsync(SamplePlans.Plan());

        Assert.False(again.Changed);
        Assert.Equal(0, again.Added + again.Updated + again.Removed);
    }

    [Fact]
    public async Task Changed_plan_updates_tasks_and_the_due_index_without_touching_history()
    {
        var tables = TestTables.Create();
        var plans = new PlanRepository(tables);
        var progress = new ProgressRepository(tables);
        var plan = SamplePlans.Plan();
        await plans.SaveAsync(plan);
        await progress.RecordAsync(Update("op-1", "TC-1", "TC-1-1", MilestoneStatus.Done));

        var moved = plan with
        {
            Tasks = [plan.Tasks[0] with
            {
                Title = "Tiêu đề mới",
                Milestones = [plan.Tasks[0].Milestones[0] with { Due = new DateOnly(2026, 2, 27) }],
            }],
        };
        var result = await plans.SaveAsync(moved);

        Assert.Equal((1, 2), (result.Updated, result.Removed));
        Assert.Equal("Tiêu đề mới", (await plans.GetAsync(SamplePlans.Agency))!.Tasks.Single().Title);
        Assert.Empty(await plans.DueOnAsync(SamplePlans.Agency, new DateOnly(2026, 1, 31)));
        Assert.Equal("TC-1-1", Assert.Single(await plans.DueOnAsync(SamplePlans.Agency, new DateOnly(2026, 2, 27))).MilestoneId);
        Assert.Single(await progress.GetHistoryAsync(SamplePlans.Agency, "TC-1"));
        Assert.Equal(MilestoneStatus.Done, (await progress.GetStateAsync(SamplePlans.Agency, "TC-1", "TC-1-1")).Status);
    }

    [Fact]
    public async Task A_plan_saved_by_another_process_is_read_at_once_and_an_unchanged_one_is_not_read_again()
    {
        var tables = TestTables.Create();
        var bot = new PlanRepository(tables);
        var import = new PlanRepository(tables); // the import command: another process, another repository
        var plan = SamplePlans.Plan();
        await import.SaveAsync(plan);

        var first = await bot.GetAsync(SamplePlans.Agency);
        var unchanged = await bot.GetAsync(SamplePlans.Agency);
        await import.SaveAsync(plan with { Tasks = [plan.Tasks[0] with { Title = "Tiêu đề mới" }] });
        var changed = await bot.GetAsync(SamplePlans.Agency);

        Assert.Equal(plan.Tasks.Count, first!.Tasks.Count);
        Assert.Same(first, unchanged);
        Assert.Equal("Tiêu đề mới", Assert.Single(changed!.Tasks).Title);
    }

    [Fact]
    public async Task Due_index_lists_ongoing_milestones_separately()
    {
        var repo = new PlanRepository(TestTables.Create());
        await repo.SaveAsync(SamplePlans.Plan());

        Assert.Equal("TTHC-2-1", Assert.Single(await repo.DueOnAsync(SamplePlans.Agency, null)).MilestoneId);
        Assert.Equal("TC-1-2", Assert.Single(await repo.DueOnAsync(SamplePlans.Agency, new DateOnly(2026, 12, 31))).MilestoneId);
    }

    [Fact]
    public async Task Table_prefix_isolates_deployments_sharing_one_account()
    {
        var a = new PlanRepository(TestTables.Create());
        var b = new PlanRepository(TestTables.Create());
        await a.SaveAsync(SamplePlans.Plan());

        Assert.Null(await b.GetAsync(SamplePlans.Agency));
        Assert.NotNull(await a.GetAsync(SamplePlans.Agency));
    }

    [Fact]
    public async Task Directory_replace_updates_the_people_index_case_insensitively()
    {
        var repo = new DirectoryRepository(TestTables.Create());
        var dir = SamplePlans.Directory();
        Assert.True(await repo.ReplaceAsync(dir));
        Assert.False(await repo.ReplaceAsync(dir));

        Assert.Equal([SamplePlans.Agency], await repo.AgenciesOfAsync("TruongPhong.NV1@Example.gov.vn"));

        var without = dir with { Departments = dir.Departments.Where(d => d.Id != "NV1").ToList() };
        await repo.ReplaceAsync(without);

        Assert.Empty(await repo.AgenciesOfAsync("truongphong.nv1@example.gov.vn"));
        Assert.Equal(2, (await repo.GetAsync(SamplePlans.Agency))!.Departments.Count);
    }

    [Fact]
    public async Task Status_update_records_state_and_history_with_Vietnamese_note()
    {
        var repo = new ProgressRepository(TestTables.Create());
        var note = "Đã ban hành Kế hoạch số 12/KH-TTr".Normalize(NormalizationForm.FormC);

        var result = await repo.RecordAsync(Update("op-1", "TC-1", "TC-1-1", MilestoneStatus.Done, note));

        Assert.False(result.Replayed);
        var state = await repo.GetStateAsync(SamplePlans.Agency, "TC-1", "TC-1-1");
        Assert.Equal((MilestoneStatus.Done, note, Noon), (state.Status, state.Note, state.CompletedAt));
        var entry = Assert.Single(await repo.GetHistoryAsync(SamplePlans.Agency, "TC-1"));
        Assert.Equal((MilestoneStatus.NotStarted, MilestoneStatus.Done, "Trưởng phòng"), (entry.From, entry.To, entry.ByName));
    }

    [Fact]
    public async Task Replayed_operation_is_recorded_once()
    {
        var repo = new ProgressRepository(TestTables.Create());
        await repo.RecordAsync(Update("op-1", "TC-1", "TC-1-1", MilestoneStatus.InProgress));

        var replay = await repo.RecordAsync(Update("op-1", "TC-1", "TC-1-1", MilestoneStatus.InProgress));

        Assert.True(replay.Replayed);
        Assert.Single(await repo.GetHistoryAsync(SamplePlans.Agency, "TC-1"));
    }

    [Fact]
    public async Task Concurrent_updates_all_land_in_history_and_the_final_state_is_the_last_recorded()
    {
        var repo = new ProgressRepository(TestTables.Create());
        var statuses = new[] { MilestoneStatus.InProgress, MilestoneStatus.Blocked, MilestoneStatus.Done, MilestoneStatus.InProgress, MilestoneStatus.Done, MilestoneStatus.Blocked };

        await Task.WhenAll(statuses.Select((s, i) => repo.RecordAsync(Update($"op-{i}", "TC-1", "TC-1-1", s))));

        var history = await repo.GetHistoryAsync(SamplePlans.Agency, "TC-1");
        Assert.Equal(statuses.Length, history.Count);
        var state = await repo.GetStateAsync(SamplePlans.Agency, "TC-1", "TC-1-1");

        // The entries form one chain (each "from" is the "to" of the entry committed before it), ending in the
        // current state: as multisets, froms = {NotStarted} + tos - {final state}. A lost update breaks this.
        var froms = history.Select(h => h.From).Order().ToList();
        var expected = history.Select(h => h.To).Append(MilestoneStatus.NotStarted).ToList();
        Assert.True(expected.Remove(state.Status));
        Assert.Equal(expected.Order(), froms);
    }

    [Fact]
    public async Task Comment_is_recorded_in_history_without_changing_the_status()
    {
        var repo = new ProgressRepository(TestTables.Create());
        await repo.RecordAsync(Update("op-1", "TC-1", "TC-1-1", MilestoneStatus.InProgress));

        await repo.RecordAsync(Update("op-2", "TC-1", "TC-1-1", null, "Phòng NV1 đã góp ý"));

        Assert.Equal(MilestoneStatus.InProgress, (await repo.GetStateAsync(SamplePlans.Agency, "TC-1", "TC-1-1")).Status);
        var history = await repo.GetHistoryAsync(SamplePlans.Agency, "TC-1");
        Assert.Equal([ProgressRepository.StatusKind, ProgressRepository.CommentKind], history.Select(h => h.Kind));
        Assert.Single(await repo.GetHistorySinceAsync(SamplePlans.Agency, Noon.AddMinutes(1)));
    }

    [Fact]
    public async Task States_of_an_agency_are_listed_without_other_agencies()
    {
        var repo = new ProgressRepository(TestTables.Create());
        await repo.RecordAsync(Update("op-1", "TC-1", "TC-1-1", MilestoneStatus.Done));
        await repo.RecordAsync(Update("op-2", "TC-1", "TC-1-1", MilestoneStatus.Done) with { Agency = SamplePlans.Agency + "-khac" });

        var states = await repo.GetStatesAsync(SamplePlans.Agency);

        Assert.Equal(["TC-1-1"], states.Keys);
    }

    [Fact]
    public async Task The_states_of_chosen_milestones_are_one_key_range_query_per_task()
    {
        await using var storage = await Tab.StorageRequestLog.StartAsync();
        var tables = new CchcTables(storage.ConnectionString, AzuriteServer.NewPrefix(), TestTables.Retry);
        var repo = new ProgressRepository(tables);
        await repo.RecordAsync(Update("op-1", "TC-1", "TC-1-1", MilestoneStatus.Done));
        await repo.RecordAsync(Update("op-2", "TC-1", "TC-1-2", MilestoneStatus.InProgress) with { Part = "NV1" });
        await repo.RecordAsync(Update("op-3", "TC-1", "TC-1-3", MilestoneStatus.Blocked));
        await repo.RecordAsync(Update("op-4", "TC-3", "TC-3-1", MilestoneStatus.InProgress));
        storage.Requests.Clear();

        var states = await repo.GetStatesAsync(SamplePlans.Agency, [("TC-1", "TC-1-1"), ("TC-1", "TC-1-2"), ("TC-1", "TC-1-9"), ("TC-3", "TC-3-1"), ("TC-1", "TC-1-1")]);

        Assert.Equal(["TC-1-1", "TC-1-2", "TC-1-9", "TC-3-1"], states.Keys.Order());
        Assert.Equal(MilestoneStatus.Done, states["TC-1-1"].Status);
        Assert.Equal(MilestoneStatus.InProgress, states["TC-1-2"].Parts["NV1"].Status);
        Assert.Equal(MilestoneStatus.NotStarted, states["TC-1-9"].Status); // nothing recorded: not started
        Assert.Equal(MilestoneStatus.InProgress, states["TC-3-1"].Status);
        var queries = storage.Requests.Where(r => r.StartsWith("GET ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, queries.Count);
        Assert.All(queries, q => Assert.DoesNotContain(" or ", q, StringComparison.Ordinal)); // a key range, not a partition scan
    }

    [Fact]
    public async Task A_milestones_state_is_read_with_a_key_range_and_not_mixed_with_one_whose_id_extends_it()
    {
        await using var storage = await Tab.StorageRequestLog.StartAsync();
        var repo = new ProgressRepository(new CchcTables(storage.ConnectionString, AzuriteServer.NewPrefix(), TestTables.Retry));
        await repo.RecordAsync(Update("op-1", "TC-1", "TC-1-1", MilestoneStatus.InProgress) with { Part = "NV1" });
        await repo.RecordAsync(Update("op-2", "TC-1", "TC-1-10", MilestoneStatus.Done));
        await repo.RecordAsync(Update("op-3", "TC-1", "TC-1-1|x", MilestoneStatus.Blocked));
        storage.Requests.Clear();

        var state = await repo.GetStateAsync(SamplePlans.Agency, "TC-1", "TC-1-1");

        var query = Assert.Single(storage.Requests, r => r.StartsWith("GET ", StringComparison.Ordinal));
        Assert.DoesNotContain(" or ", query, StringComparison.Ordinal);
        Assert.Equal("TC-1-1", state.MilestoneId);
        Assert.Equal(MilestoneStatus.InProgress, state.Parts["NV1"].Status);
        Assert.Equal(["NV1"], state.Parts.Keys);
        Assert.Equal(MilestoneStatus.Done, (await repo.GetStateAsync(SamplePlans.Agency, "TC-1", "TC-1-10")).Status);
        Assert.Equal(MilestoneStatus.Blocked, (await repo.GetStateAsync(SamplePlans.Agency, "TC-1", "TC-1-1|x")).Status);
    }

    private static ProgressUpdate Update(string op, string task, string milestone, MilestoneStatus? status, string? note = null) =>
        new(SamplePlans.Agency, task, milestone, op, "truongphong@example.gov.vn", "Trưởng phòng",
            status is null ? Noon.AddMinutes(5) : Noon, status, note, null);
}
