using CchcBot.Bot.Tests.Support;
using CchcBot.Digest;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Digest;

/// <summary>The weekly digest through the real host, the loopback connector and Azurite.</summary>
public sealed class DigestServiceTests : IAsyncLifetime
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);
    private static readonly DateTimeOffset Friday = new(2026, 7, 3, 16, 5, 0, Vn);
    private BotHarness _bot = null!;
    private TeamsUser _office = null!;
    private TeamsUser _nv1 = null!;
    private TeamsUser _inspector = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync(Friday);
        await _bot.SeedAsync();
        _office = _bot.Register(SampleUsers.ChiefOfOffice());
        _nv1 = _bot.Register(SampleUsers.Nv1Head());
        _inspector = _bot.Register(SampleUsers.ChiefInspector());
        foreach (var user in new[] { _office, _nv1, _inspector })
        {
            await _bot.SendTextAsync(user, "trợ giúp");
        }

        _bot.Connector.Clear();
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private DigestService Digest => _bot.Services.GetRequiredService<DigestService>();

    [Theory]
    [InlineData("2026-07-03T15:59:00+07:00", false)]
    [InlineData("2026-07-03T16:00:00+07:00", true)]
    [InlineData("2026-07-03T09:30:00Z", true)] // 16:30 in Hà Nội
    [InlineData("2026-07-05T23:59:00+07:00", true)] // missed on Friday: still due on Sunday
    [InlineData("2026-07-06T00:00:00+07:00", false)] // a new week: last week's digest is not sent late
    public void The_digest_is_due_from_Friday_16_00_until_the_week_ends(string instant, bool due) =>
        Assert.Equal(due, Digest.IsDue(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task Without_a_registered_channel_it_goes_to_the_chief_of_office_with_a_how_to_line()
    {
        var summary = await Digest.PostAsync(BotHarnessAgency, Friday, force: false, default);

        Assert.Equal(DigestPostingOutcome.Posted, summary.Outcome);
        Assert.Contains("posted the digest of 2026-W27", summary.Summary, StringComparison.Ordinal);
        var card = Assert.Single(_bot.Connector.SentTo("a:personal-" + _office.Id)).Card!;
        CardAssert.Valid(card);
        Assert.Contains("đặt kênh tổng hợp", card.Readably(), StringComparison.Ordinal);
        Assert.Contains("Tổng hợp tiến độ CCHC — tuần 27", card.Readably(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chief_of_office_registers_the_channel_and_the_digest_goes_there_mentioning_the_chief_inspector()
    {
        await _bot.PostAsync(Activities.ChannelMessage(_bot.Connector.ServiceUrl, _office, "19:team-vp", "19:kenh-van-phong", "đặt kênh tổng hợp"));
        Assert.Contains("Đã đặt kênh tổng hợp", Assert.Single(_bot.Connector.SentTo("19:kenh-van-phong")).Card!.Readably(), StringComparison.Ordinal);
        _bot.Connector.Clear();

        await Digest.PostAsync(BotHarnessAgency, Friday, force: false, default);

        var card = Assert.Single(_bot.Connector.SentTo("19:kenh-van-phong")).Card!;
        CardAssert.Valid(card);
        Assert.Equal(_inspector.Id, card["msteams"]!["entities"]![0]!["mentioned"]!["id"]!.GetValue<string>());
        Assert.DoesNotContain("Chưa đăng ký kênh", card.Readably(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Others_cannot_register_the_digest_channel()
    {
        await _bot.PostAsync(Activities.ChannelMessage(_bot.Connector.ServiceUrl, _nv1, "19:team-vp", "19:kenh-khac", "đặt kênh tổng hợp"));

        Assert.Contains("chỉ Chánh Văn phòng", Assert.Single(_bot.Connector.SentTo("19:kenh-khac")).Text, StringComparison.Ordinal);
        Assert.Null(await new DirectoryRepository(_bot.Tables).GetDigestChannelAsync(BotHarnessAgency));
    }

    [Fact]
    public async Task Installing_the_bot_in_a_team_registers_that_channel_first()
    {
        await _bot.PostAsync(Activities.BotAddedToTeam(_bot.Connector.ServiceUrl, _office, "19:team-vp", "19:kenh-chung"));

        Assert.Equal((BotHarnessDefaults.TenantId, "19:kenh-chung"), await new DirectoryRepository(_bot.Tables).GetDigestChannelAsync(BotHarnessAgency));
    }

    [Fact]
    public async Task Two_concurrent_digests_and_a_restart_in_the_same_week_post_once()
    {
        var results = await Task.WhenAll(
            Digest.PostAsync(BotHarnessAgency, Friday, false, default),
            Digest.PostAsync(BotHarnessAgency, Friday, false, default),
            Digest.PostAsync(BotHarnessAgency, Friday.AddMinutes(1), false, default));
        var later = await Digest.PostAsync(BotHarnessAgency, Friday.AddDays(1), false, default);

        Assert.Single(results, r => r.Outcome == DigestPostingOutcome.Posted);
        Assert.Equal(DigestPostingOutcome.AlreadyPosted, later.Outcome);
        Assert.Contains("already posted", later.Summary, StringComparison.Ordinal);
        Assert.Single(_bot.Connector.SentTo("a:personal-" + _office.Id));

        var forced = await Digest.PostAsync(BotHarnessAgency, Friday.AddDays(1), true, default);
        Assert.Equal(DigestPostingOutcome.Posted, forced.Outcome);
        Assert.Equal(2, _bot.Connector.SentTo("a:personal-" + _office.Id).Count);
    }

    [Fact]
    public async Task A_digest_missed_while_the_bot_was_down_is_posted_when_it_starts_in_the_same_week()
    {
        await using var bot = await BotHarness.StartAsync(Friday.AddDays(1), new Dictionary<string, string?> { ["Digest:Enabled"] = "true" });
        await bot.SeedAsync();
        var office = bot.Register(SampleUsers.ChiefOfOffice());
        await bot.SendTextAsync(office, "trợ giúp");
        bot.Connector.Clear();

        bot.Time.Advance(TimeSpan.FromMinutes(5)); // the scheduler's next check
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (bot.Connector.SentTo("a:personal-" + office.Id).Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Contains("Tổng hợp tiến độ CCHC", Assert.Single(bot.Connector.SentTo("a:personal-" + office.Id)).Card!.Readably(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_demand_digest_goes_to_the_requester_only_and_a_head_sees_the_department_part()
    {
        await _bot.SendTextAsync(_nv1, "Tổng hợp");
        await _bot.SendTextAsync(_inspector, "tong hop");

        var head = Assert.Single(_bot.Connector.SentTo("a:personal-" + _nv1.Id)).Card!;
        CardAssert.Valid(head);
        Assert.Contains("Phòng Nghiệp vụ 1 · tính đến 03/07/2026", head.Readably(), StringComparison.Ordinal);
        Assert.Contains("Kế hoạch thực hiện cải cách hành chính năm 2026", Assert.Single(_bot.Connector.SentTo("a:personal-" + _inspector.Id)).Card!.Readably(), StringComparison.Ordinal);
        Assert.Empty(_bot.Connector.SentTo("a:personal-" + _office.Id));
    }

    [Fact]
    public async Task Digest_details_open_the_full_lists()
    {
        var (status, body) = await _bot.InvokeAsync(_inspector, "digestDetails", new() { ["week"] = "2026-W27" });

        Assert.Equal(200, status);
        CardAssert.Valid(body!["value"]!);
        Assert.Contains("Tổng hợp tiến độ CCHC", body["value"]!.Readably(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_digest_command_posts_once_per_week()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = AzuriteServer.Shared.ConnectionString,
            ["Storage:TablePrefix"] = _bot.Tables.NameOf(string.Empty),
            ["Bot:AllowAnonymous"] = "true",
        };

        var first = await RunCliAsync(settings, "digest", "--at", "2026-07-03T16:30:00+07:00");
        var second = await RunCliAsync(settings, "digest", "--at", "2026-07-04T10:00:00+07:00");

        Assert.Equal(0, first.Code);
        Assert.Contains("posted the digest of 2026-W27", first.Output, StringComparison.Ordinal);
        Assert.Contains("already posted", second.Output, StringComparison.Ordinal);
    }

    private const string BotHarnessAgency = CchcBot.Bot.Tests.Storage.SamplePlans.Agency;

    private static async Task<(int Code, string Output)> RunCliAsync(Dictionary<string, string?> settings, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CchcBot.Cli.CliApp.RunAsync(args, output, error, b => b.Configuration.AddInMemoryCollection(settings));
        return (code, output + error.ToString());
    }
}
