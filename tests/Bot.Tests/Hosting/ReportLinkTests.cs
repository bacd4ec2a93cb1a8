using System.Net;
using System.Text;
using CchcBot.Bot.Tests.Support;
using CchcBot.Hosting;
using CchcBot.Reports;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Hosting;

/// <summary>Report download links: built on Bot:PublicBaseUrl, 503 while storage is down, expired rows deleted.</summary>
public sealed class ReportLinkTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 3, 10, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task The_link_is_built_on_PublicBaseUrl_whatever_the_Host_header_says()
    {
        await using var bot = await BotHarness.StartAsync(Now, new Dictionary<string, string?> { ["Bot:PublicBaseUrl"] = "https://cchc.example.gov.vn/" });
        await bot.SeedAsync();
        var office = bot.Register(SampleUsers.ChiefOfOffice());

        var url = await AskForReportAsync(bot, office, host: "evil.example");

        Assert.StartsWith("https://cchc.example.gov.vn/reports/", url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_PublicBaseUrl_locally_the_link_is_the_servers_own_address()
    {
        await using var bot = await BotHarness.StartAsync(Now);
        await bot.SeedAsync();
        var office = bot.Register(SampleUsers.ChiefOfOffice());

        var url = await AskForReportAsync(bot, office, host: "evil.example");

        Assert.StartsWith(bot.Http.BaseAddress!.ToString().TrimEnd('/') + "/reports/", url, StringComparison.Ordinal);
        using var download = await bot.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not a url")]
    [InlineData("ftp://cchc.example.gov.vn")]
    [InlineData("https://cchc.example.gov.vn/?a=1")]
    public void With_authentication_in_production_PublicBaseUrl_must_be_a_valid_address(string? value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = Guid.NewGuid().ToString(),
            ["MicrosoftAppPassword"] = "x",
            ["Bot:PublicBaseUrl"] = value,
        }).Build();

        var e = Assert.Throws<SettingsException>(() => SettingsCheck.Ensure(configuration, "Production"));

        Assert.Contains(e.Problems, p => p.StartsWith("Bot:PublicBaseUrl", StringComparison.Ordinal));
    }

    [Fact]
    public void A_valid_PublicBaseUrl_passes()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = Guid.NewGuid().ToString(),
            ["MicrosoftAppPassword"] = "x",
            ["Bot:PublicBaseUrl"] = "https://cchcbot.azurewebsites.net",
        }).Build();

        SettingsCheck.Ensure(configuration, "Production");
    }

    [Fact]
    public async Task A_download_answers_503_while_storage_is_down()
    {
        await using var bot = await BotHarness.StartAsync(Now, connectionString: AzuriteServer.UnreachableConnectionString);

        using var response = await bot.Http.GetAsync("/reports/" + new string('a', 48));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task A_link_is_reusable_for_an_hour_then_gone_and_expired_rows_are_deleted()
    {
        await using var bot = await BotHarness.StartAsync(Now);
        // This test pins what a read and a store delete; the 15-minute cleanup service, fired by the clock's jumps and
        // running beside the test, would delete the expired second file at its own moment.
        await bot.Services.GetRequiredService<CchcBot.Evidence.StorageCleanup>().StopAsync(default);
        var downloads = bot.Services.GetRequiredService<ReportDownloads>();
        var first = await downloads.StoreAsync("a.xlsx", Encoding.UTF8.GetBytes("first"), default);
        var second = await downloads.StoreAsync("b.xlsx", Encoding.UTF8.GetBytes("second"), default);

        bot.Time.Advance(TimeSpan.FromMinutes(59));
        foreach (var _ in Enumerable.Range(0, 2))
        {
            using var again = await bot.Http.GetAsync("/reports/" + first);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        bot.Time.Advance(TimeSpan.FromMinutes(2));
        using var expired = await bot.Http.GetAsync("/reports/" + first);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Equal([second], await ReportRowsAsync(bot, first, second));

        var third = await downloads.StoreAsync("c.xlsx", Encoding.UTF8.GetBytes("third"), default);
        Assert.Equal([third], await ReportRowsAsync(bot, first, second, third));
    }

    /// <summary>The tokens whose files are kept (report files are blobs named by their token's hash since they left the Ledger table).</summary>
    private static async Task<List<string>> ReportRowsAsync(BotHarness bot, params string[] tokens)
    {
        var container = await bot.Services.GetRequiredService<CchcBlobs>().ReportsAsync(default);
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        return tokens.Where(t => names.Contains(ReportDownloads.BlobName(t))).ToList();
    }

    private static async Task<string> AskForReportAsync(BotHarness bot, TeamsUser office, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(Activities.Message(bot.Connector.ServiceUrl, office, "báo cáo quý").ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Host = host;
        using var response = await bot.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = Assert.Single(bot.Connector.Sent).Card!;
        return card["actions"]![0]!["url"]!.GetValue<string>();
    }
}
