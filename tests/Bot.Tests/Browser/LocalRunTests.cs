using System.Net.Sockets;
using System.Text.Json.Nodes;
using CchcBot.Plan;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Browser;

/// <summary>
/// The README's one command, scripts/run-local.sh: it builds and seeds through the real executable, serves the bot and
/// the Agents Playground as the sample Chief of Office, and leaves nothing running once stopped. Talks to the
/// Playground through its HTTP API (no browser; PlaygroundFlowTests covers the page).
/// </summary>
public sealed class LocalRunTests
{
    private const string Note = "Đã trình ký kế hoạch";

    [Fact]
    public async Task The_local_run_serves_my_tasks_in_the_Playground_and_SIGTERM_stops_everything_it_started()
    {
        var prefix = AzuriteServer.NewPrefix();
        var tables = new CchcTables(AzuriteServer.Shared.ConnectionString, prefix);
        using var run = await LocalRunScript.StartAsync(AzuriteServer.Shared.ConnectionString, prefix, TimeSpan.FromSeconds(150));
        try
        {
            Assert.Contains("22 tasks", run.Output, StringComparison.Ordinal); // the seed ran through the built bot

            await using (var playground = await PlaygroundApi.ConnectAsync(run.PlaygroundUrl))
            {
                var config = await playground.GetConfigAsync();
                var me = (string)config["currentUser"]!["id"]!;
                var chat = (string)config["personalChat"]!["id"]!;
                Assert.Equal("chanhvanphong@example.gov.vn", (string?)config["currentUser"]!["userPrincipleName"]);
                var team = config["teams"]!.AsArray().Single()!;
                Assert.Equal("Thanh tra tỉnh", (string?)team["name"]);
                Assert.Contains("Văn phòng", team["channels"]!.AsArray().Select(c => (string?)c!["name"]));

                await playground.SendTextAsync(chat, me, "nhiệm vụ của tôi");
                var (messageId, card) = await playground.NextCardAsync(
                    chat, json => json.Contains("Nhiệm vụ của tôi — Văn phòng", StringComparison.Ordinal), TimeSpan.FromSeconds(30));

                var (verb, data) = CompletedForm(card);
                var answer = await playground.ExecuteAsync(chat, me, messageId, verb, data);
                Assert.Contains("Đã ghi nhận: Hoàn thành", answer, StringComparison.Ordinal);
                Assert.Contains("bởi Nguyễn Văn An", answer, StringComparison.Ordinal);
            }

            var recorded = Assert.Single(await new ProgressRepository(tables).GetHistorySinceAsync("thanh-tra-soc-trang", DateTimeOffset.MinValue));
            Assert.Equal((MilestoneStatus.Done, "chanhvanphong@example.gov.vn", Note), (recorded.To, recorded.By, recorded.Note));

            Assert.True(await run.TerminateAsync(TimeSpan.FromSeconds(30)), "run-local.sh did not stop within 30 s of SIGTERM:\n" + run.Output);
            Assert.Contains("Stopped.", run.Output, StringComparison.Ordinal);
            Assert.False(Listens(run.BotPort), $"the bot still listens on {run.BotPort} after run-local.sh stopped");
            Assert.False(Listens(run.PlaygroundPort), $"the Playground still listens on {run.PlaygroundPort} after run-local.sh stopped");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidOperationException($"{e.Message}\n--- run-local.sh ---\n{run.Output}{run.Logs()}", e);
        }
    }

    /// <summary>What Teams sends when the user fills the first task's "Cập nhật tiến độ" form with "Hoàn thành" and a note.</summary>
    private static (string Verb, JsonObject Data) CompletedForm(JsonObject card)
    {
        var form = Find(card, n => (string?)n["type"] == "Action.ShowCard" && (string?)n["title"] == "Cập nhật tiến độ")?["card"]
            ?? throw new InvalidOperationException("the my-tasks card has no \"Cập nhật tiến độ\" form:\n" + card.ToJsonString());
        var status = Find(form, n => (string?)n["type"] == "Input.ChoiceSet" && ((string?)n["id"])?.StartsWith("status:", StringComparison.Ordinal) == true)
            ?? throw new InvalidOperationException("the form has no status choice set");
        var done = status["choices"]!.AsArray().FirstOrDefault(c => (string?)c?["title"] == "Hoàn thành")
            ?? throw new InvalidOperationException("the status choice set has no \"Hoàn thành\"");
        var note = Find(form, n => (string?)n["type"] == "Input.Text" && ((string?)n["id"])?.StartsWith("note:", StringComparison.Ordinal) == true)
            ?? throw new InvalidOperationException("the form has no note input");
        var execute = Find(form, n => (string?)n["type"] == "Action.Execute")
            ?? throw new InvalidOperationException("the form has no Action.Execute");

        var data = execute["data"]?.DeepClone() as JsonObject ?? [];
        data[(string)status["id"]!] = (string)done["value"]!;
        data[(string)note["id"]!] = Note;
        return ((string)execute["verb"]!, data);
    }

    private static JsonObject? Find(JsonNode? node, Func<JsonObject, bool> match) => node switch
    {
        JsonObject o when match(o) => o,
        JsonObject o => o.Select(p => Find(p.Value, match)).FirstOrDefault(f => f is not null),
        JsonArray a => a.Select(i => Find(i, match)).FirstOrDefault(f => f is not null),
        _ => null,
    };

    private static bool Listens(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
