using System.Net;
using CchcBot.Bot.Tests.Support;
using CchcBot.TestSupport;
using Microsoft.Extensions.Logging;

namespace CchcBot.Bot.Tests.Hardening;

/// <summary>
/// Logs carry activity ids and user object ids, never message text, notes or secrets: the secrets are put in the
/// settings that really hold them (MicrosoftAppPassword, Graph:ClientSecret, the storage connection string's
/// AccountKey) of a bot that authenticates, and every log line is searched for them at the most detailed level.
/// </summary>
public sealed class LogHygieneTests
{
    private const string AppId = "1c0ffee0-0000-4000-8000-00000000ab03";
    private const string AppPassword = "s3cr3t-App-Password-Value";
    private const string GraphSecret = "s3cr3t-Graph-Client-Secret";
    private const string PrivateText = "Nội dung riêng tư 9f8e7d";

    [Fact]
    public async Task Neither_message_text_nor_notes_nor_secrets_reach_the_logs()
    {
        await using var issuer = await BotFrameworkIssuer.StartAsync();
        await using var graph = await FakeGraph.StartAsync();
        var logs = new CapturingLoggerProvider();
        var settings = issuer.Settings(AppId, AppPassword);
        settings["Graph:TenantId"] = BotHarnessDefaults.TenantId;
        settings["Graph:ClientId"] = "3c0ffee0-0000-4000-8000-00000000ab04";
        settings["Graph:ClientSecret"] = GraphSecret;
        settings["Graph:TeamsAppId"] = "4c0ffee0-0000-4000-8000-00000000ab05";
        settings["Graph:BaseUrl"] = graph.BaseUrl;
        settings["Logging:LogLevel:Default"] = "Trace";
        await using var bot = await BotHarness.StartAsync(settings: settings, services: s =>
        {
            BotFrameworkIssuer.Configure(s);
            s.AddLogging(b => b.AddProvider(logs));
        });
        await bot.SeedAsync();
        var user = bot.Register(SampleUsers.Nv1Head());

        using var message = await issuer.PostSignedAsync(bot, AppId, Activities.Message(bot.Connector.ServiceUrl, user, PrivateText));
        using var update = await issuer.PostSignedAsync(bot, AppId, Activities.Invoke(bot.Connector.ServiceUrl, user, "updateStatus",
            new() { ["taskId"] = "TC-3", ["milestoneId"] = "TC-3-1", ["status:TC-3-1"] = "Blocked", ["note:TC-3-1"] = PrivateText }, null));
        using var unknown = await issuer.PostSignedAsync(bot, AppId, Activities.Invoke(bot.Connector.ServiceUrl, user, "noSuchVerb", new() { ["note"] = PrivateText }, null));
        using var unsigned = await bot.SendTextAsync(user, PrivateText);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized),
            (message.StatusCode, update.StatusCode, unknown.StatusCode, unsigned.StatusCode));
        Assert.NotEmpty(bot.Connector.Sent);
        AssertClean(logs, PrivateText, AppPassword, GraphSecret, AzuriteServer.AccountKey);
    }

    [Fact]
    public async Task The_storage_account_key_stays_out_of_the_logs_when_storage_fails()
    {
        const string key = "c2VjcmV0LXN0b3JhZ2Uta2V5LWZvci1sb2ctaHlnaWVuZS10ZXN0cy0wMTIzNDU2Nzg5";
        var logs = new CapturingLoggerProvider();
        await using var bot = await BotHarness.StartAsync(
            settings: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace" },
            connectionString: $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={key};TableEndpoint=http://127.0.0.1:1/devstoreaccount1",
            services: s => s.AddLogging(b => b.AddProvider(logs)));
        var user = bot.Register(SampleUsers.Nv1Head());

        using var health = await bot.Http.GetAsync("/healthz");
        using var message = await bot.SendTextAsync(user, "nhiệm vụ của tôi");
        using var report = await bot.Http.GetAsync("/reports/" + new string('a', 48));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains(logs.Lines, l => l.Contains("Storage does not answer", StringComparison.Ordinal));
        AssertClean(logs, key);
    }

    private static void AssertClean(CapturingLoggerProvider logs, params string[] secrets)
    {
        Assert.NotEmpty(logs.Lines);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }
}
