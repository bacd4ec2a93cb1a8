using System.Text.Json.Nodes;
using CchcBot.Bot.Tests.Storage;
using CchcBot.Bot.Tests.Support;
using CchcBot.Bot.Tests.Tab;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Import;

/// <summary>
/// From the second plan year on, "nhiệm vụ của tôi" and the tab read the year's statuses, approved due dates,
/// assignments and waiting decisions under that year's scope from the start (the scope last seen), not first under the
/// agency, where the first year keeps them, and then again. A year imported behind the bot's back (another instance, the
/// CLI) is still read right the first time it is asked. Over HTTP, storage on Azurite through a proxy that logs every
/// request. The sample plan of 2026, then the same plan for 2027 (TC-1 led by the Office).
/// </summary>
public sealed class LaterYearReadsTests : IAsyncLifetime
{
    private const string Blocker = "Chưa có hướng dẫn của Thanh tra Chính phủ";
    private const string Reason = "Chờ số liệu của các phòng nghiệp vụ";
    private static readonly string[] YearScopedTables = [CchcTables.Progress, RequestRepository.Table, AssignmentRepository.Table];
    private StorageRequestLog _storage = null!;
    private BotHarness _bot = null!;
    private TeamsUser _office = null!;
    private TeamsUser _inspector = null!;

    public async Task InitializeAsync()
    {
        _storage = await StorageRequestLog.StartAsync();
        _bot = await BotHarness.StartAsync(connectionString: _storage.ConnectionString);
        await _bot.SeedAsync(SamplePlans.Plan(year: 2026));
        await ImportAsync(2027);
        _office = _bot.Register(SampleUsers.ChiefOfOffice());
        _inspector = _bot.Register(SampleUsers.ChiefInspector());
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _storage.DisposeAsync();
    }

    private async Task ImportAsync(int year) => Assert.True((await new PlanRepository(_bot.Tables).SaveAsync(SamplePlans.Plan(year: year))).Changed);

    /// <summary>The queries of the year-scoped tables (statuses, requests and due dates, assignments) one answer made.</summary>
    private async Task<List<string>> ScopedReadsOfAsync(Func<Task> ask)
    {
        _storage.Requests.Clear();
        await ask();
        var names = YearScopedTables.Select(t => "/devstoreaccount1/" + _bot.Tables.NameOf(t) + "()").ToList();
        return _storage.Requests.Where(r => r.StartsWith("GET ", StringComparison.Ordinal) && names.Any(n => r.Contains(n, StringComparison.Ordinal))).ToList();
    }

    private async Task<string> MyTasksAsync(TeamsUser user)
    {
        _bot.Connector.Clear();
        await _bot.SendTextAsync(user, "nhiệm vụ của tôi");
        return _bot.Connector.Sent[^1].Card!.Readably();
    }

    [Fact]
    public async Task Once_the_year_is_known_chat_and_the_tab_read_only_under_its_scope()
    {
        await MyTasksAsync(_inspector); // the first answer learns the year from the plan it reads

        foreach (var ask in new Func<Task>[]
                 {
                     () => MyTasksAsync(_inspector), // statuses, due dates, assignments and what waits for him
                     () => MyTasksAsync(_office),
                     () => ProgressApiTests.GetAsync(_bot, "/api/progress", _office.Upn),
                 })
        {
            var reads = await ScopedReadsOfAsync(ask);
            Assert.NotEmpty(reads);
            Assert.All(reads, r => Assert.Contains($"'{SamplePlans.Agency}@2027", r, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_year_imported_behind_the_bots_back_is_read_right_at_once()
    {
        // Each time, the bot last saw the year in which the Office recorded a blocker and a request for more time, and
        // the next year (with none) is imported behind its back: the first answer after shows the new year's.
        await _bot.SendTextAsync(_office, "trợ giúp");
        await RecordAsync(2027);
        Assert.Contains(Reason, await MyTasksAsync(_inspector), StringComparison.Ordinal);
        await ImportAsync(2028);
        Assert.DoesNotContain(Reason, await MyTasksAsync(_inspector), StringComparison.Ordinal);

        await RecordAsync(2028);
        Assert.Contains(Reason, await TabAsync(), StringComparison.Ordinal);
        await ImportAsync(2029);
        var tab = await TabAsync();
        Assert.DoesNotContain(Reason, tab, StringComparison.Ordinal);
        Assert.Contains("2029", tab, StringComparison.Ordinal);

        await RecordAsync(2029);
        Assert.Contains(Blocker, await MyTasksAsync(_office), StringComparison.Ordinal);
        await ImportAsync(2030);
        Assert.DoesNotContain(Blocker, await MyTasksAsync(_office), StringComparison.Ordinal);
    }

    /// <summary>The Office reports TC-1-2 blocked and asks the Chief Inspector for more time on TC-1-1 (due 31/01).</summary>
    private async Task RecordAsync(int year)
    {
        await InvokeAsync(_office, "updateStatus", new JsonObject
        {
            ["taskId"] = "TC-1",
            ["milestoneId"] = "TC-1-2",
            ["view"] = "task",
            ["status:TC-1-2"] = "Blocked",
            ["note:TC-1-2"] = Blocker,
        });
        await InvokeAsync(_office, "proposeExtension", new JsonObject
        {
            ["taskId"] = "TC-1",
            ["milestoneId"] = "TC-1-1",
            ["view"] = "task",
            ["newDue:proposeExtension.TC-1-1"] = $"{year}-02-26",
            ["note:proposeExtension.TC-1-1"] = Reason,
        });
    }

    private async Task<string> TabAsync() => (await ProgressApiTests.GetAsync(_bot, "/api/progress", _inspector.Upn)).Readably();

    private async Task InvokeAsync(TeamsUser user, string verb, JsonObject data)
    {
        var (status, body) = await _bot.InvokeAsync(user, verb, data);
        Assert.Equal(200, status);
        CardAssert.Valid(body!["value"]!);
    }
}
