using System.Net;
using CchcBot.Bot.Tests.Support;
using CchcBot.Cli;
using CchcBot.Delivery;
using CchcBot.Hosting;
using CchcBot.Storage;
using CchcBot.Teams.Delivery;
using CchcBot.TestSupport;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;

namespace CchcBot.Bot.Tests.Hosting;

/// <summary>
/// Anonymous mode (an empty MicrosoftAppId) is allowed only in Development or with Bot:AllowAnonymous=true (warned at
/// start), and then the bot talks only to loopback service URLs.
/// </summary>
public sealed class AnonymousModeTests
{
    [Fact]
    public async Task Production_with_an_empty_app_id_does_not_start_and_names_the_settings()
    {
        var e = await Assert.ThrowsAsync<SettingsException>(() => BotHarness.StartAsync(settings: new Dictionary<string, string?> { ["Bot:AllowAnonymous"] = null }));

        var problem = Assert.Single(e.Problems, p => p.StartsWith("MicrosoftAppId", StringComparison.Ordinal));
        Assert.Contains("Bot:AllowAnonymous", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sending_commands_follow_the_same_rule()
    {
        foreach (var args in new[] { new[] { "remind", "--at", "2026-06-23T08:30:00+07:00" }, ["digest", "--at", "2026-07-03T10:00:00+07:00"] })
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var code = await CliApp.RunAsync(args, output, error, b =>
            {
                b.Environment.EnvironmentName = "Production";
                b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Storage:ConnectionString"] = AzuriteServer.Shared.ConnectionString,
                    ["Storage:TablePrefix"] = AzuriteServer.NewPrefix(),
                    ["MicrosoftAppId"] = string.Empty,
                });
            });

            Assert.Equal(2, code);
            Assert.Contains("MicrosoftAppId", error.ToString(), StringComparison.Ordinal);
            Assert.Contains("Bot:AllowAnonymous", error.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Production_with_AllowAnonymous_starts_and_logs_a_warning()
    {
        var logs = new CapturingLoggerProvider();
        await using var bot = await BotHarness.StartAsync(
            settings: new Dictionary<string, string?> { ["Bot:AllowAnonymous"] = "true" }, services: s => s.AddLogging(b => b.AddProvider(logs)));

        using var health = await bot.Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains(logs.Lines, l => l.Contains("Warning", StringComparison.Ordinal) && l.Contains("Bot:AllowAnonymous=true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Development_allows_anonymous_mode_without_the_flag()
    {
        await using var bot = await BotHarness.StartAsync(settings: new Dictionary<string, string?> { ["Bot:AllowAnonymous"] = null }, environment: "Development");
        await bot.SeedAsync();
        var user = bot.Register(SampleUsers.Nv1Head());

        using var response = await bot.SendTextAsync(user, "trợ giúp");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(bot.Connector.Sent);
    }

    [Theory]
    [InlineData("http://evil.example/")]
    [InlineData("https://smba.trafficmanager.net/teams/")]
    [InlineData("http://localhost.evil.example/")]
    [InlineData("http://10.0.0.1/")]
    public async Task An_activity_from_a_service_url_that_is_not_loopback_is_refused_and_nothing_is_called(string serviceUrl)
    {
        var logs = new CapturingLoggerProvider();
        RecordingHandler recorder = null!;
        await using var bot = await BotHarness.StartAsync(services: s =>
        {
            s.AddLogging(b => b.AddProvider(logs));
            recorder = RecordingHandler.AddTo(s);
        });
        await bot.SeedAsync();
        var user = bot.Register(SampleUsers.Nv1Head());

        using var response = await bot.PostAsync(Activities.Message(serviceUrl, user, "nhiệm vụ của tôi"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(recorder.Requests);
        Assert.Empty(bot.Connector.Calls);
        Assert.Contains(logs.Lines, l => l.Contains("loopback", StringComparison.Ordinal) && l.Contains(new Uri(serviceUrl).Host, StringComparison.Ordinal));
        Assert.Null(await new ConversationRepository(bot.Tables).GetAsync(ConversationKind.Personal, BotHarnessDefaults.TenantId, user.AadObjectId));
    }

    [Fact]
    public async Task A_loopback_service_url_by_name_is_served()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.SeedAsync();
        var user = bot.Register(SampleUsers.Nv1Head());
        var byName = bot.Connector.ServiceUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

        using var response = await bot.PostAsync(Activities.Message(byName, user, "trợ giúp"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(bot.Connector.Sent);
    }

    [Fact]
    public async Task A_proactive_send_to_a_stored_service_url_that_is_not_loopback_is_refused()
    {
        var logs = new CapturingLoggerProvider();
        RecordingHandler recorder = null!;
        await using var bot = await BotHarness.StartAsync(services: s =>
        {
            s.AddLogging(b => b.AddProvider(logs));
            recorder = RecordingHandler.AddTo(s);
        });
        var reference = new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = "http://evil.example/",
            Conversation = new ConversationAccount(isGroup: true, conversationType: "channel", id: "19:kenh", tenantId: BotHarnessDefaults.TenantId),
            Bot = new ChannelAccount(BotHarness.BotId),
        };
        var channel = new StoredConversation(ConversationKind.Channel, BotHarnessDefaults.TenantId, "19:kenh", JsonConvert.SerializeObject(reference),
            "http://evil.example/", true, bot.Time.GetUtcNow(), "19:team", "Chung");

        var result = await bot.Services.GetRequiredService<IProactiveSender>().SendToChannelAsync(channel, MessageFactory.Text("Tổng hợp"), default);

        Assert.False(result.Delivered);
        Assert.Empty(recorder.Requests);
        Assert.Empty(bot.Connector.Calls);
        Assert.Contains(logs.Lines, l => l.Contains("evil.example", StringComparison.Ordinal) && l.Contains("loopback", StringComparison.Ordinal));
    }

    [Fact]
    public void Settings_defaults_are_valid_in_development_and_refused_in_production()
    {
        var empty = new ConfigurationBuilder().Build();

        SettingsCheck.Ensure(empty);
        SettingsCheck.Ensure(empty, "Development");
        var e = Assert.Throws<SettingsException>(() => SettingsCheck.Ensure(empty, "Production"));
        Assert.Contains(e.Problems, p => p.StartsWith("MicrosoftAppId", StringComparison.Ordinal));
        SettingsCheck.Ensure(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Bot:AllowAnonymous"] = "true" }).Build(), "Production");
    }
}
