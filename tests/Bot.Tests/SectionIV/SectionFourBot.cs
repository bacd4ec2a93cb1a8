using System.Text.Json.Nodes;
using CchcBot.Bot.Tests.Storage;
using CchcBot.Bot.Tests.Support;
using CchcBot.Plan;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.SectionIV;

/// <summary>
/// The bot with the sample plan plus TC-5 (led by Phòng Nghiệp vụ 1 alone, one milestone due 10/03/2026), and the
/// directory's people each with a chat with the bot, for the section IV flows (blockers, extensions).
/// </summary>
public sealed class SectionFourBot : IAsyncDisposable
{
    public const string Task5 = "TC-5";
    public const string Milestone5 = "TC-5-1";
    public const string Title5 = "Rà soát quy trình tiếp công dân";
    public static readonly DateOnly Due5 = new(2026, 3, 10);

    private SectionFourBot(BotHarness bot)
    {
        Bot = bot;
        Office = bot.Register(SampleUsers.ChiefOfOffice());
        Inspector = bot.Register(SampleUsers.ChiefInspector());
        Nv1 = bot.Register(SampleUsers.Nv1Head());
        Nv2 = bot.Register(SampleUsers.Nv2Head());
    }

    public BotHarness Bot { get; }

    public TeamsUser Office { get; }

    public TeamsUser Inspector { get; }

    public TeamsUser Nv1 { get; }

    public TeamsUser Nv2 { get; }

    public ProgressRepository Progress => new(Bot.Tables);

    public RequestRepository Requests => new(Bot.Tables);

    public static async Task<SectionFourBot> StartAsync(IDictionary<string, string?>? settings = null, DateTimeOffset? now = null)
    {
        var harness = await BotHarness.StartAsync(now, settings);
        var plan = SamplePlans.Plan();
        plan = plan with
        {
            Tasks = [.. plan.Tasks, new PlanTask(Task5, "tthc", Title5, ["Báo cáo"], ["NV1"], ["VP"], "Tháng 3/2026", [new Milestone(Milestone5, Task5, "Báo cáo", Due5)], 3)],
        };
        await harness.SeedAsync(plan);
        var bot = new SectionFourBot(harness);
        foreach (var user in new[] { bot.Office, bot.Inspector, bot.Nv1, bot.Nv2 })
        {
            await harness.SendTextAsync(user, "trợ giúp"); // each has a chat with the bot
        }

        harness.Connector.Clear();
        return bot;
    }

    /// <summary>The cards the bot sent to the user's chat on its own (proactively), oldest first.</summary>
    public IReadOnlyList<JsonObject> CardsTo(TeamsUser user) =>
        Bot.Connector.SentTo("a:personal-" + user.Id).Select(c => c.Card).OfType<JsonObject>().ToList();

    public async Task<JsonNode> InvokeAsync(TeamsUser user, string verb, JsonObject data, string? activityId = null)
    {
        var (status, body) = await Bot.InvokeAsync(user, verb, data, activityId);
        Assert.Equal(200, status);
        var card = body!["value"]!;
        CardAssert.Valid(card);
        return card;
    }

    public Task ReportAsync(TeamsUser user, string taskId, string milestoneId, string status, string? note) =>
        InvokeAsync(user, "updateStatus", new JsonObject
        {
            ["taskId"] = taskId,
            ["milestoneId"] = milestoneId,
            ["view"] = "task",
            [$"status:{milestoneId}"] = status,
            [$"note:{milestoneId}"] = note,
        });

    public Task<JsonNode> OpenTaskAsync(TeamsUser user, string taskId, string milestoneId) =>
        InvokeAsync(user, "refreshTask", new JsonObject { ["taskId"] = taskId, ["milestoneId"] = milestoneId });

    /// <summary>Every Action.Execute of the card with this verb (in show cards too).</summary>
    public static List<JsonObject> Executes(JsonNode card, string verb)
    {
        var found = new List<JsonObject>();
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    if (o["type"]?.GetValue<string>() == "Action.Execute" && o["verb"]?.GetValue<string>() == verb)
                    {
                        found.Add(o);
                    }

                    foreach (var (_, child) in o)
                    {
                        Walk(child);
                    }

                    break;
                case JsonArray a:
                    foreach (var child in a)
                    {
                        Walk(child);
                    }

                    break;
            }
        }

        Walk(card);
        return found;
    }

    /// <summary>The data of the card's action with this verb, with the inputs the user typed added (as Teams sends them).</summary>
    public static JsonObject Submit(JsonNode card, string verb, IDictionary<string, string>? inputs = null, Func<JsonObject, bool>? which = null)
    {
        var action = Executes(card, verb).First(a => which?.Invoke((JsonObject)a["data"]!) ?? true);
        var data = (JsonObject)action["data"]!.DeepClone();
        foreach (var (id, value) in inputs ?? new Dictionary<string, string>())
        {
            data[id] = value;
        }

        return data;
    }

    /// <summary>Every input id of the card.</summary>
    public static List<string> InputIds(JsonNode card)
    {
        var ids = new List<string>();
        void Walk(JsonNode? node)
        {
            if (node is JsonObject o)
            {
                if (o["type"]?.GetValue<string>() is { } type && type.StartsWith("Input.", StringComparison.Ordinal) && o["id"]?.GetValue<string>() is { } id)
                {
                    ids.Add(id);
                }

                foreach (var (_, child) in o)
                {
                    Walk(child);
                }
            }
            else if (node is JsonArray a)
            {
                foreach (var child in a)
                {
                    Walk(child);
                }
            }
        }

        Walk(card);
        return ids;
    }

    public ValueTask DisposeAsync() => Bot.DisposeAsync();
}
