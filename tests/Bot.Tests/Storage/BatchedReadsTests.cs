using CchcBot.Plan;
using CchcBot.Storage;

namespace CchcBot.Bot.Tests.Storage;

/// <summary>
/// The sweep's reads of many tasks and statuses at once (a province's morning when much is due) read a task's partition
/// once, and give exactly what reading each on its own gives.
/// </summary>
public class BatchedReadsTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 5, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("TC-3")] // fewer than half the plan's tasks: point reads
    [InlineData("TC-3,TTHC-2,nope")] // half or more: the version's partition, read once
    public async Task Tasks_asked_for_are_the_stored_tasks_and_only_those(string asked)
    {
        var ids = asked.Split(',');
        var tables = TestTables.Create();
        var plans = new PlanRepository(tables);
        var plan = SamplePlans.Plan();
        await plans.SaveAsync(plan);

        var found = await new PlanRepository(tables).GetTasksAsync(SamplePlans.Agency, ids); // a new process: nothing cached

        Assert.Equal(plan.Tasks.Where(t => ids.Contains(t.Id)).Select(t => t.Id).Order(), found.Select(t => t.Id).Order());
        Assert.Equal(plan.Tasks.First(t => t.Id == "TC-3").Milestones, found.First(t => t.Id == "TC-3").Milestones);
    }

    [Fact]
    public async Task Statuses_of_many_milestones_equal_each_read_on_its_own_parts_included()
    {
        var progress = new ProgressRepository(TestTables.Create());
        await progress.RecordAsync(new ProgressUpdate(SamplePlans.Agency, "TC-1", "TC-1-1", "op1", "a@x.vn", "A", At, MilestoneStatus.Done, "xong", null));
        await progress.RecordAsync(new ProgressUpdate(SamplePlans.Agency, "TC-3", "TC-3-1", "op2", "b@x.vn", "B", At, MilestoneStatus.InProgress, null, null, Part: "NV1"));
        await progress.RecordAsync(new ProgressUpdate(SamplePlans.Agency, "TC-3", "TC-3-1", "op3", "c@x.vn", "C", At, MilestoneStatus.Blocked, "chờ", null, Part: "NV2"));
        (string, string)[] wanted = [("TC-1", "TC-1-1"), ("TC-1", "TC-1-2"), ("TC-3", "TC-3-1"), ("TC-3", "TC-3-1")];

        var together = await progress.GetStatesAsync(SamplePlans.Agency, wanted);

        Assert.Equal(3, together.Count);
        foreach (var (taskId, milestoneId) in wanted.Distinct())
        {
            var alone = await progress.GetStateAsync(SamplePlans.Agency, taskId, milestoneId);
            Assert.Equal(Describe(alone), Describe(together[milestoneId]));
        }

        Assert.Equal(MilestoneStatus.Done, together["TC-1-1"].Status);
        Assert.Equal(MilestoneStatus.NotStarted, together["TC-1-2"].Status);
        Assert.Equal(2, together["TC-3-1"].Parts.Count);
    }

    private static string Describe(MilestoneState s) =>
        $"{s.MilestoneId} {s.Status} {s.Note} {s.UpdatedBy} {string.Join(",", s.Parts.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value.Status}"))}";
}
