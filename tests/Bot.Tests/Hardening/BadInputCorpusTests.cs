using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CchcBot.Bot.Tests.Storage;
using CchcBot.Bot.Tests.Support;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Hardening;

/// <summary>Shares one bot among the corpus cases: none of them may change the plan's progress.</summary>
public sealed class CorpusBot : IAsyncLifetime
{
    public BotHarness Bot { get; private set; } = null!;

    public Dictionary<string, TeamsUser> Users { get; } = [];

    public async Task InitializeAsync()
    {
        Bot = await BotHarness.StartAsync();
        await Bot.SeedAsync();
        Users["office"] = Bot.Register(SampleUsers.ChiefOfOffice());
        Users["nv1"] = Bot.Register(SampleUsers.Nv1Head());
        Users["inspector"] = Bot.Register(SampleUsers.ChiefInspector());
        Users["stranger"] = Bot.Register(BotHarness.User("khach@example.com", "Khách"));
    }

    public async Task DisposeAsync() => await Bot.DisposeAsync();
}

/// <summary>
/// The bad-input corpus (tests/Bot.Tests/Hardening/BadInput/*.json; authorization.json: every command and card verb
/// from someone who may not use it): every case gets no 5xx (the framework's 501 for an
/// unknown invoke name aside), the right Vietnamese message where a user is answered, and leaves storage unchanged.
/// </summary>
public sealed class BadInputCorpusTests(CorpusBot fixture) : IClassFixture<CorpusBot>
{
    public static IEnumerable<object[]> Cases() =>
        Directory.GetFiles(RepoPaths.Of("tests", "Bot.Tests", "Hardening", "BadInput"), "*.json")
            .SelectMany(file => JsonNode.Parse(File.ReadAllText(file))!.AsArray().Select(c => new object[] { Path.GetFileName(file), c!["name"]!.GetValue<string>() }));

    [Fact]
    public void The_corpus_has_at_least_50_cases() => Assert.True(Cases().Count() >= 50);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_answered_clearly_and_changes_nothing(string file, string name)
    {
        var bot = fixture.Bot;
        var @case = JsonNode.Parse(File.ReadAllText(RepoPaths.Of("tests", "Bot.Tests", "Hardening", "BadInput", file)))!.AsArray()
            .Single(c => c!["name"]!.GetValue<string>() == name)!;
        var expect = @case["expect"]!;
        var user = fixture.Users[@case["as"]?.GetValue<string>() ?? "nv1"];
        bot.Connector.Clear();
        var before = await ProgressSnapshotAsync(bot);

        var (status, body) = await SendAsync(bot, @case, user);

        var maxStatus = expect["maxStatus"]?.GetValue<int>() ?? 499;
        Assert.True(status <= maxStatus, $"{name}: HTTP {status}");
        if (expect["status"] is { } exact)
        {
            Assert.Equal(exact.GetValue<int>(), status);
        }

        if (expect["replyContains"] is { } reply)
        {
            var sent = Assert.Single(bot.Connector.Sent);
            Assert.Contains(reply.GetValue<string>(), (sent.Card ?? (JsonNode)JsonValue.Create(sent.Text ?? string.Empty)!).Readably(), StringComparison.Ordinal);
        }

        if (expect["cardContains"] is { } cardText)
        {
            var card = JsonNode.Parse(body)!["value"]!;
            CardAssert.Valid(card);
            Assert.Contains(cardText.GetValue<string>(), card.Readably(), StringComparison.Ordinal);
        }

        if (expect["cardLacks"] is { } lacks)
        {
            Assert.DoesNotContain(lacks.GetValue<string>(), JsonNode.Parse(body)!["value"]!.Readably(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await ProgressSnapshotAsync(bot));
    }

    private static async Task<(int Status, string Body)> SendAsync(BotHarness bot, JsonNode @case, TeamsUser user)
    {
        var serviceUrl = bot.Connector.ServiceUrl;
        string payload;
        switch (@case["kind"]!.GetValue<string>())
        {
            case "raw":
                payload = @case["body"]!.GetValue<string>();
                break;
            case "activity":
                payload = @case["activity"]!.ToJsonString().Replace("{{serviceUrl}}", serviceUrl, StringComparison.Ordinal);
                break;
            case "message":
                payload = Activities.Message(serviceUrl, user, @case["text"]!.GetValue<string>()).ToJsonString();
                break;
            case "channelMessage":
                payload = Activities.ChannelMessage(serviceUrl, user, "19:team-vp", "19:kenh-van-phong", @case["text"]!.GetValue<string>()).ToJsonString();
                break;
            case "botAddedToTeam":
                payload = Activities.BotAddedToTeam(serviceUrl, user, "19:team-" + user.Id, "19:kenh-" + user.Id).ToJsonString();
                break;
            case "invokeRaw":
                payload = Activities.Invoke(serviceUrl, user, "x", [], null).With("value", @case["value"]!.DeepClone()).ToJsonString();
                break;
            default:
                var data = @case["dataRaw"] is { } raw ? JsonNode.Parse(raw.GetValue<string>()) : @case["data"]!.DeepClone();
                var activity = Activities.Invoke(serviceUrl, user, @case["verb"]!.GetValue<string>(), [], null);
                activity["value"]!["action"]!["data"] = data;
                if (@case["invokeName"] is { } invokeName)
                {
                    activity["name"] = invokeName.GetValue<string>();
                }

                payload = activity.ToJsonString();
                break;
        }

        using var content = new StringContent(payload, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await bot.Http.PostAsync("/api/messages", content);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Everything a case could change: states and history with their notes and evidence, the plan, the digest channel.</summary>
    private static async Task<string> ProgressSnapshotAsync(BotHarness bot)
    {
        var progress = new ProgressRepository(bot.Tables);
        var states = await progress.GetStatesAsync(SamplePlans.Agency);
        var history = await progress.GetHistorySinceAsync(SamplePlans.Agency, DateTimeOffset.MinValue);
        var plan = await new PlanRepository(bot.Tables).GetAsync(SamplePlans.Agency);
        var channel = await new DirectoryRepository(bot.Tables).GetDigestChannelAsync(SamplePlans.Agency);
        var requests = new RequestRepository(bot.Tables); // section IV: extension requests, approved dates, escalations
        var sectionFour = $"{(await requests.GetYearAsync(SamplePlans.Agency)).Pending.Count}|{(await requests.GetApprovedDuesAsync(SamplePlans.Agency)).Count}|{(await requests.GetYearAsync(SamplePlans.Agency)).Open.Count}";
        // The directory (danh bạ edits) and staff assignments (assign) are storage a case could change too.
        var directory = CchcBot.Plan.Files.DirectoryFileWriter.Write((await new DirectoryRepository(bot.Tables).GetAsync(SamplePlans.Agency))!);
        var assignments = (await new AssignmentRepository(bot.Tables, TimeProvider.System).GetAllAsync(SamplePlans.Agency)).All.Count;
        var audit = (await new DirectoryAuditRepository(bot.Tables).ListAsync(SamplePlans.Agency)).Count;
        var stateText = states.Values.OrderBy(s => s.MilestoneId, StringComparer.Ordinal)
            .Select(s => $"{s.MilestoneId}:{s.Status}:{s.UpdatedBy}:{s.UpdatedAt:O}:{s.CompletedAt:O}:{Quote(s.Note)}:{Quote(s.Evidence)}");
        var historyText = history.Select(h => $"{h.TaskId}/{h.MilestoneId}:{h.Kind}:{h.From}>{h.To}:{h.By}:{h.At:O}:{Quote(h.Note)}:{Quote(h.Evidence)}");
        return $"{states.Count}|{history.Count}|{plan!.Tasks.Count}|{channel}|{sectionFour}|{assignments}|{audit}\n{directory}\n{string.Join('\n', stateText)}\n--\n{string.Join('\n', historyText)}";
    }

    private static string Quote(string? text) => text is null ? "null" : System.Text.Json.JsonSerializer.Serialize(text);
}
