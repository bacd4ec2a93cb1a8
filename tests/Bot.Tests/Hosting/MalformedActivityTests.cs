using System.Text;
using System.Text.Json.Nodes;
using CchcBot.Bot.Tests.Support;
using CchcBot.TestSupport;
using Microsoft.Extensions.Logging;

namespace CchcBot.Bot.Tests.Hosting;

/// <summary>
/// The malformed activities of the corpus (BadInput/activities.json) are refused or ignored before they can fail inside
/// a turn: none of them makes the bot log an error (a null reference, a failed turn).
/// </summary>
public sealed class MalformedActivityTests
{
    [Fact]
    public async Task No_corpus_activity_fails_inside_a_turn()
    {
        var logs = new CapturingLoggerProvider();
        await using var bot = await BotHarness.StartAsync(services: s => s.AddLogging(b => b.AddProvider(logs)));
        await bot.SeedAsync();
        bot.Register(new TeamsUser("29:truongphong.nv1", "Trần Thị Bình", "aad-nv1", "truongphong.nv1@example.gov.vn"));
        var cases = JsonNode.Parse(File.ReadAllText(RepoPaths.Of("tests", "Bot.Tests", "Hardening", "BadInput", "activities.json")))!.AsArray();

        var statuses = new List<string>();
        foreach (var @case in cases)
        {
            var body = @case!["activity"]!.ToJsonString().Replace("{{serviceUrl}}", bot.Connector.ServiceUrl, StringComparison.Ordinal);
            using var response = await bot.Http.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));
            statuses.Add($"{@case["name"]}: {(int)response.StatusCode}");
        }

        var errors = logs.Lines.Where(l => l.Contains(" Error:", StringComparison.Ordinal) || l.Contains(" Critical:", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", statuses) + "\n\n" + string.Join("\n", errors));
    }
}
