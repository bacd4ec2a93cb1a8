using Azure.Data.Tables;
using CchcBot.Bot.Tests.Support;
using CchcBot.Plan;
using CchcBot.Progress;
using CchcBot.Storage;

namespace CchcBot.Bot.Tests.Storage;

/// <summary>History order is commit order (issue 11): concurrent updates through the updater, on Azurite.</summary>
public sealed class ProgressOrderTests : IAsyncLifetime
{
    private const int Writers = 50;
    private BotHarness _bot = null!;
    private AgencyDirectory _directory = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync();
        var sample = SamplePlans.Directory();
        var office = sample.Departments[0] with { Deputies = Enumerable.Range(1, Writers).Select(Deputy).ToList() };
        _directory = sample with { Departments = [office, .. sample.Departments.Skip(1)] };
        await _bot.SeedAsync(directory: _directory);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Fifty_concurrent_updates_leave_the_last_history_entry_equal_to_the_state()
    {
        var updater = _bot.Services.GetRequiredService<StatusUpdater>();
        var office = _directory.Departments[0];

        var outcomes = await Task.WhenAll(Enumerable.Range(1, Writers).Select(i => Task.Run(() => updater.ApplyAsync(
            new AgencyUser(Guid.NewGuid().ToString(), Deputy(i), $"Phó Văn phòng {i}", SamplePlans.Agency, _directory, [office]),
            new StatusSubmission("TC-1", "TC-1-1", i % 2 == 0 ? "Done" : "InProgress", $"ghi chú {i}", null, $"op-{i}"),
            default))));

        Assert.All(outcomes, o => Assert.IsType<UpdateOutcome.Recorded>(o));
        var progress = new ProgressRepository(_bot.Tables);
        var state = await progress.GetStateAsync(SamplePlans.Agency, "TC-1", "TC-1-1");
        var history = (await progress.GetHistoryAsync(SamplePlans.Agency, "TC-1")).Where(h => h.MilestoneId == "TC-1-1").ToList();
        Assert.Equal(Writers, history.Count);
        Assert.Equal((state.Status, state.Note, state.UpdatedBy, state.UpdatedAt), (history[^1].To, history[^1].Note, history[^1].ByName, (DateTimeOffset?)history[^1].At));

        // Each entry starts from the status the one before it ended with: the order is the commit order.
        for (var i = 1; i < history.Count; i++)
        {
            Assert.Equal(history[i - 1].To, history[i].From);
        }
    }

    [Fact]
    public async Task The_time_recorded_is_read_when_the_update_commits()
    {
        var progress = new ProgressRepository(_bot.Tables, _bot.Time);
        _bot.Time.Advance(TimeSpan.FromMinutes(5));

        var result = await progress.RecordAsync(new ProgressUpdate(SamplePlans.Agency, "TC-1", "TC-1-1", "op-x", "a@example.gov.vn", "A", null, MilestoneStatus.InProgress, null, null));

        Assert.Equal(_bot.Time.GetUtcNow(), result.State.UpdatedAt);
        Assert.Equal(_bot.Time.GetUtcNow(), Assert.Single(await progress.GetHistoryAsync(SamplePlans.Agency, "TC-1")).At);
    }

    [Fact]
    public async Task History_rows_written_before_sequences_stay_readable_and_come_first()
    {
        // A row as the previous version wrote it: key from the activity id alone, no sequence, no state sequence.
        var table = await _bot.Tables.GetAsync(CchcTables.Progress);
        var partition = TableKeys.Compose(SamplePlans.Agency, "TC-1");
        var legacyAt = BotHarness.DefaultNow.AddDays(-1);
        await table.AddEntityAsync(new TableEntity(partition, "h|0123456789ABCDEF0123456789ABCDEF")
        {
            ["MilestoneId"] = "TC-1-1",
            ["TaskId"] = "TC-1",
            ["At"] = legacyAt,
            ["By"] = "cu@example.gov.vn",
            ["ByName"] = "Cũ",
            ["Kind"] = "status",
            ["From"] = "NotStarted",
            ["To"] = "InProgress",
            ["Note"] = "ghi chú cũ",
            ["Evidence"] = null,
        });
        await table.AddEntityAsync(new TableEntity(partition, "s|TC-1-1")
        {
            ["MilestoneId"] = "TC-1-1",
            ["Status"] = "InProgress",
            ["UpdatedBy"] = "Cũ",
            ["UpdatedAt"] = legacyAt,
            ["Note"] = "ghi chú cũ",
        });
        var progress = new ProgressRepository(_bot.Tables, _bot.Time);

        await progress.RecordAsync(new ProgressUpdate(SamplePlans.Agency, "TC-1", "TC-1-1", "op-new", "a@example.gov.vn", "A", legacyAt.AddHours(-5), MilestoneStatus.Done, "mới", null));

        var history = await progress.GetHistoryAsync(SamplePlans.Agency, "TC-1");
        Assert.Equal(["ghi chú cũ", "mới"], history.Select(h => h.Note ?? string.Empty).ToArray());
        Assert.Equal((MilestoneStatus.InProgress, MilestoneStatus.Done), (history[1].From, history[1].To));
    }

    private static string Deputy(int i) => $"pho{i:00}.vanphong@example.gov.vn";
}
