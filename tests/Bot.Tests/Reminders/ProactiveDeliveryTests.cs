using Azure.Core;
using CchcBot.Bot.Tests.Storage;
using CchcBot.Bot.Tests.Support;
using CchcBot.Plan;
using CchcBot.Reminders;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Reminders;

/// <summary>Reaching heads the bot has no working chat with: Graph install, and a chat Teams deleted.</summary>
public sealed class ProactiveDeliveryTests
{
    private static readonly DateTimeOffset Sweep = new(2026, 6, 23, 8, 30, 0, TimeSpan.FromHours(7)); // TC-3-1 due 30/06

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 503, 429 })] // transient Graph answers are retried by the standard resilience handler
    public async Task A_head_who_never_opened_the_bot_gets_the_app_installed_through_Graph_and_the_reminder(int[] faults)
    {
        await using var graph = await FakeGraph.StartAsync();
        foreach (var fault in faults)
        {
            graph.Faults.Enqueue(fault);
        }

        var objectId = Guid.NewGuid().ToString();
        graph.Users["truongphong.nv2@example.gov.vn"] = (objectId, "Phạm Minh Dũng");
        await using var bot = await BotHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Graph:TenantId"] = BotHarnessDefaults.TenantId,
            ["Graph:ClientId"] = Guid.NewGuid().ToString(),
            ["Graph:ClientSecret"] = "test-secret",
            ["Graph:TeamsAppId"] = "cchc-catalog-app",
            ["Graph:BaseUrl"] = graph.BaseUrl,
        }, services: s => s.AddSingleton<TokenCredential>(new StaticToken()));
        await bot.SeedAsync();
        var nv1 = bot.Register(SampleUsers.Nv1Head());
        await bot.SendTextAsync(nv1, "trợ giúp"); // someone in the tenant has talked to the bot: its service URL is known
        bot.Connector.NotInstalledFor[objectId] = true;
        bot.Connector.Clear();

        var result = await bot.Services.GetRequiredService<ReminderSweep>().RunAsync(Sweep, default);

        Assert.Contains("GET /v1.0/users/truongphong.nv2@example.gov.vn", graph.Requests);
        Assert.Contains($"POST /v1.0/users/{objectId}/teamwork/installedApps", graph.Requests);
        var delivered = Assert.Single(bot.Connector.Sent, c => c.ConversationId == $"19:chat-{objectId}@unq.gbl.spaces");
        Assert.Contains("Nhắc hạn nhiệm vụ CCHC", delivered.Card!.Readably(), StringComparison.Ordinal);
        Assert.Contains(result.Lines, l => l.Contains("sent to truongphong.nv2@example.gov.vn", StringComparison.Ordinal));
        Assert.True(graph.Installed.ContainsKey(objectId));
    }

    [Fact]
    public async Task A_chat_Teams_deleted_is_recreated_once_and_the_reminder_delivered()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.SeedAsync();
        var nv1 = bot.Register(SampleUsers.Nv1Head());
        await bot.SendTextAsync(nv1, "trợ giúp");
        bot.Connector.MissingConversations["a:personal-" + nv1.Id] = true;
        bot.Connector.Clear();

        await bot.Services.GetRequiredService<ReminderSweep>().RunAsync(Sweep, default);

        Assert.Contains(bot.Connector.Calls, c => c.Status == 404 && c.ConversationId == "a:personal-" + nv1.Id);
        Assert.Contains(bot.Connector.Calls, c => c.Path == "/v3/conversations" && c.Succeeded);
        Assert.Single(bot.Connector.SentTo("a:personal-" + nv1.AadObjectId));
        var stored = await new ConversationRepository(bot.Tables).GetAsync(ConversationKind.Personal, BotHarnessDefaults.TenantId, nv1.AadObjectId);
        Assert.Contains(nv1.AadObjectId, stored!.ReferenceJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loading_the_directory_resolves_its_people_through_Graph()
    {
        await using var graph = await FakeGraph.StartAsync();
        graph.Users["truongphong.nv1@example.gov.vn"] = ("oid-nv1", "Trần Thị Bình");
        var prefix = AzuriteServer.NewPrefix();
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, CchcBot.Plan.Files.BundledData.DirectoryJson);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await CchcBot.Cli.CliApp.RunAsync(["directory", file], output, error, b =>
        {
            b.Services.AddSingleton<TokenCredential>(new StaticToken());
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = AzuriteServer.Shared.ConnectionString,
                ["Storage:TablePrefix"] = prefix,
                ["Graph:TenantId"] = BotHarnessDefaults.TenantId,
                ["Graph:ClientId"] = Guid.NewGuid().ToString(),
                ["Graph:ClientSecret"] = "test-secret",
                ["Graph:TeamsAppId"] = "cchc-catalog-app",
                ["Graph:BaseUrl"] = graph.BaseUrl,
            });
        });
        File.Delete(file);

        Assert.True(code == 0, error.ToString());
        Assert.True(output.ToString().Contains("Microsoft Graph knows 1 of ", StringComparison.Ordinal), output.ToString());
        var identity = await new DirectoryRepository(new CchcTables(AzuriteServer.Shared.ConnectionString, prefix)).GetIdentityAsync("thanh-tra-soc-trang", "truongphong.nv1@example.gov.vn");
        Assert.Equal("oid-nv1", identity!.ObjectId);
    }

    private sealed class StaticToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("test-token", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
