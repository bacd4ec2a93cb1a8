using CchcBot.Bot.Tests.Storage;
using CchcBot.Bot.Tests.Support;
using CchcBot.Plan;
using CchcBot.Reminders;
using CchcBot.Storage;
using CchcBot.TestSupport;
using Microsoft.Extensions.Logging;

namespace CchcBot.Bot.Tests.Hardening;

public sealed class FaultTests
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    [Fact]
    public async Task Storage_outage_tells_the_user_to_retry_and_never_crashes()
    {
        await using var bot = await BotHarness.StartAsync(connectionString: AzuriteServer.UnreachableConnectionString);
        var user = bot.Register(SampleUsers.Nv1Head());

        using var message = await bot.SendTextAsync(user, "nhiệm vụ của tôi");
        var (status, body) = await bot.InvokeAsync(user, "updateStatus", new() { ["taskId"] = "TC-1", ["milestoneId"] = "TC-1-1" });

        Assert.True((int)message.StatusCode < 500);
        Assert.Contains("Hệ thống tạm thời gián đoạn, vui lòng thử lại sau.", Assert.Single(bot.Connector.Sent).Text, StringComparison.Ordinal);
        Assert.Equal(200, status);
        Assert.Contains("Hệ thống tạm thời gián đoạn", body!["value"]!.Readably(), StringComparison.Ordinal);
        using var health = await bot.Http.GetAsync("/healthz");
        Assert.Equal(503, (int)health.StatusCode);
    }

    [Fact]
    public async Task Activities_from_other_tenants_are_refused_when_tenants_are_listed()
    {
        await using var bot = await BotHarness.StartAsync(settings: new Dictionary<string, string?> { ["Bot:AllowedTenants:0"] = Guid.NewGuid().ToString() });
        await bot.SeedAsync();
        var user = bot.Register(SampleUsers.Nv1Head());

        using var response = await bot.SendTextAsync(user, "nhiệm vụ của tôi");

        Assert.True((int)response.StatusCode < 500);
        Assert.Empty(bot.Connector.Calls);
    }

    [Fact]
    public async Task A_429_storm_and_5xx_bursts_still_deliver_every_reminder_once()
    {
        await using var bot = await BotHarness.StartAsync(settings: new Dictionary<string, string?> { ["Delivery:BaseDelaySeconds"] = "0.05" });
        var heads = await FaultScenarios.ThreeHeadsWithOneReminderEachOn23JuneAsync(bot);
        foreach (var fault in new[] { 429, 502, 429, 503, 504 }) // fewer in a row than Delivery:MaxAttempts (6)
        {
            bot.Connector.Fail(new ConnectorFault(fault, fault == 429 ? "ThrottledByPolicy" : null, fault == 429 ? TimeSpan.Zero : null));
        }

        var result = await bot.Services.GetRequiredService<ReminderSweep>().RunAsync(new DateTimeOffset(2026, 6, 23, 8, 30, 0, Vn), default);

        Assert.Equal((3, 0, 0), (result.Sent, result.Failed, result.Unreachable));
        foreach (var head in heads)
        {
            Assert.Single(bot.Connector.SentTo("a:personal-" + head.Id));
        }
    }

    [Fact]
    public async Task A_429_storm_on_every_third_send_still_delivers_every_reminder_once()
    {
        await using var bot = await BotHarness.StartAsync();
        var heads = await FaultScenarios.ElevenHeadsWithOneReminderEachOn23JuneAsync(bot);
        bot.Connector.ThrottleEveryNthSend = 3;

        var result = await bot.Services.GetRequiredService<ReminderSweep>().RunAsync(new DateTimeOffset(2026, 6, 23, 8, 30, 0, Vn), default);

        Assert.Equal((11, 0, 0), (result.Sent, result.Failed, result.Unreachable));
        Assert.True(bot.Connector.Calls.Count(c => c.Status == 429) >= 4);
        foreach (var head in heads)
        {
            Assert.Single(bot.Connector.SentTo("a:personal-" + head.Id));
        }
    }

    [Fact]
    public async Task After_Azurite_is_stopped_and_started_again_the_next_scheduled_sweep_catches_up()
    {
        using var azurite = AzuriteServer.StartOnDisk();
        var logs = new CapturingLoggerProvider();
        await using var bot = await BotHarness.StartAsync(
            now: new DateTimeOffset(2026, 6, 23, 7, 50, 0, Vn), // before 8:00: the first sweep sends nothing
            connectionString: azurite.ConnectionString,
            settings: new Dictionary<string, string?> { ["Reminders:Enabled"] = "true", ["Reminders:SweepIntervalMinutes"] = "15" },
            services: s => s.AddLogging(b => b.AddProvider(logs)));
        var heads = await FaultScenarios.ThreeHeadsWithOneReminderEachOn23JuneAsync(bot);

        azurite.Stop();
        bot.Time.Advance(TimeSpan.FromMinutes(15)); // 08:05: a sweep with storage down
        await FaultScenarios.Until(() => logs.Lines.Any(l => l.Contains("Reminder sweep failed", StringComparison.Ordinal)), "the sweep during the outage did not fail");
        using var health = await bot.Http.GetAsync("/healthz");
        using var message = await bot.SendTextAsync(heads[0], "nhiệm vụ của tôi");

        Assert.Equal(503, (int)health.StatusCode);
        Assert.Equal("Hệ thống tạm thời gián đoạn, vui lòng thử lại sau.", Assert.Single(bot.Connector.Sent).Text);
        bot.Connector.Clear();

        azurite.Restart();
        bot.Time.Advance(TimeSpan.FromMinutes(15)); // 08:20: the next sweep
        await FaultScenarios.Until(() => bot.Connector.Sent.Count >= heads.Count, "the sweep after the outage did not deliver");
        var again = await bot.Services.GetRequiredService<ReminderSweep>().RunAsync(new DateTimeOffset(2026, 6, 23, 8, 35, 0, Vn), default);
        using var healthAgain = await bot.Http.GetAsync("/healthz");

        Assert.Equal(200, (int)healthAgain.StatusCode);
        Assert.Equal((0, 0, 0), (again.Sent, again.Failed, again.Unreachable));
        foreach (var head in heads)
        {
            var card = Assert.Single(bot.Connector.SentTo("a:personal-" + head.Id)).Card;
            Assert.NotNull(card);
        }
    }
}
