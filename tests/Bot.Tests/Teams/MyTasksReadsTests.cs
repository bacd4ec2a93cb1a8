using CchcBot.Bot.Tests.Storage;
using CchcBot.Bot.Tests.Support;
using CchcBot.Bot.Tests.Tab;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Teams;

/// <summary>
/// "Nhiệm vụ của tôi" and the tab of the person who decides requests for more time (here the Chief of Office,
/// Plan:ExtensionApprover): what waits for his decision comes from the one query of the year's requests that also gives
/// the snapshot its approved due dates, not from reads of its own; and the snapshot's reads start alongside the directory.
/// </summary>
public sealed class MyTasksReadsTests
{
    [Fact]
    public async Task The_chiefs_waiting_requests_come_from_the_snapshots_one_read_of_the_years_requests()
    {
        await using var proxy = await FaultyStorageProxy.StartAsync();
        await using var bot = await BotHarness.StartAsync(
            settings: new Dictionary<string, string?> { ["Plan:ExtensionApprover"] = "ChiefOfOffice" }, connectionString: proxy.ConnectionString);
        await bot.SeedAsync();
        var office = bot.Register(SampleUsers.ChiefOfOffice());
        var plan = SamplePlans.Plan();
        var milestone = plan.Tasks[1].Milestones[0]; // TC-3, led by the Phòng Nghiệp vụ: the Chief of Office decides its request
        await new RequestRepository(bot.Tables).SaveRequestAsync(SamplePlans.Agency, new ExtensionRequest(
            "r1", milestone.TaskId, milestone.Id, string.Empty, milestone.Due!.Value, milestone.Due.Value.AddDays(30), "Chờ số liệu",
            "truongphong.nv1@example.gov.vn", "Trần Thị Bình", BotHarness.DefaultNow.AddDays(-1)));
        await bot.SendTextAsync(office, "nhiệm vụ của tôi"); // identity and plan cached as in any later request
        bot.Connector.Clear();
        var requests = "/" + bot.Tables.NameOf(RequestRepository.Table);
        var requestReads = 0;
        proxy.BeforeForward = (method, path, _) =>
        {
            if (method == "GET" && path.Contains(requests, StringComparison.Ordinal))
            {
                Interlocked.Increment(ref requestReads);
            }

            return Task.CompletedTask;
        };

        await bot.SendTextAsync(office, "nhiệm vụ của tôi");
        var chat = Volatile.Read(ref requestReads);
        Interlocked.Exchange(ref requestReads, 0);
        var tab = (await ProgressApiTests.GetAsync(bot, "/api/progress", office.Upn)).Readably();

        Assert.Equal(1, chat);
        Assert.Equal(1, Volatile.Read(ref requestReads));
        var card = Assert.Single(bot.Connector.Sent).Card!;
        CardAssert.Valid(card);
        Assert.Contains("Chờ số liệu", card.Readably(), StringComparison.Ordinal); // what waits for him still comes first
        Assert.Contains("Chờ số liệu", tab, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_snapshot_is_read_alongside_the_directory_once_the_senders_agency_is_known()
    {
        await using var proxy = await FaultyStorageProxy.StartAsync();
        await using var bot = await BotHarness.StartAsync(connectionString: proxy.ConnectionString);
        await bot.SeedAsync();
        var head = bot.Register(SampleUsers.Nv1Head());
        await bot.SendTextAsync(head, "nhiệm vụ của tôi"); // identity and plan cached as in any later request
        bot.Connector.Clear();

        // The directory's read is held until the plan's head row is read too, or 5 s: read one after the other, the plan
        // would only be read once the directory's answer came back.
        var directory = "/" + bot.Tables.NameOf(CchcTables.Directory);
        var plans = "/" + bot.Tables.NameOf(CchcTables.Plans);
        var planRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = 0;
        var planWhileHeld = false;
        proxy.BeforeForward = async (method, path, _) =>
        {
            if (method != "GET")
            {
                return;
            }

            if (path.Contains(plans, StringComparison.Ordinal))
            {
                planRead.TrySetResult();
            }
            else if (path.Contains(directory, StringComparison.Ordinal) && Interlocked.Increment(ref held) == 1)
            {
                await Task.WhenAny(planRead.Task, Task.Delay(TimeSpan.FromSeconds(5)));
                planWhileHeld = planRead.Task.IsCompleted;
            }
        };

        await bot.SendTextAsync(head, "nhiệm vụ của tôi");

        Assert.True(held > 0, "the directory was read");
        Assert.True(planWhileHeld, "the plan was read only after the directory");
        var card = Assert.Single(bot.Connector.Sent).Card!;
        CardAssert.Valid(card);
        Assert.Contains("TC-3", card.ToJsonString(), StringComparison.Ordinal);
    }
}
