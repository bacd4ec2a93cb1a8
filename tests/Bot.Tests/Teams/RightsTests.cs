using System.Text.Json.Nodes;
using CchcBot.Bot.Tests.Storage;
using CchcBot.Bot.Tests.Support;
using CchcBot.Plan;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Teams;

/// <summary>
/// Rights that must hold on every path (issue 11): the digest's "Xem đầy đủ" is scoped like the summary, and only the
/// Chief of Office's install registers the digest channel. Over HTTP with the real adapter, on Azurite.
/// </summary>
public sealed class RightsTests : IAsyncLifetime
{
    private const string Nv2Title = "Kiểm tra việc thực hiện kết luận thanh tra riêng của Phòng Nghiệp vụ 2";
    private const string Nv2Note = "Vướng mắc nội bộ chỉ Phòng Nghiệp vụ 2 được biết";
    private BotHarness _bot = null!;
    private TeamsUser _office = null!;
    private TeamsUser _nv1 = null!;
    private TeamsUser _stranger = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync();
        var plan = SamplePlans.Plan();
        var nv2Task = new PlanTask("NV2-1", "tthc", Nv2Title, ["Báo cáo"], ["NV2"], [], "Tháng 3/2026",
            [new Milestone("NV2-1-1", "NV2-1", "Báo cáo", new DateOnly(2026, 3, 10))], 3);
        await _bot.SeedAsync(plan with { Tasks = [.. plan.Tasks, nv2Task] });
        _office = _bot.Register(SampleUsers.ChiefOfOffice());
        _nv1 = _bot.Register(SampleUsers.Nv1Head());
        _stranger = _bot.Register(BotHarness.User("khach@example.com", "Khách"));
        await new ProgressRepository(_bot.Tables).RecordAsync(new ProgressUpdate(
            SamplePlans.Agency, "NV2-1", "NV2-1-1", "seed-nv2", "truongphong.nv2@example.gov.vn", "Hoàng Văn Em",
            BotHarness.DefaultNow.AddHours(-1), MilestoneStatus.Blocked, Nv2Note, null));
        await _bot.SendTextAsync(_office, "trợ giúp"); // the Chief of Office has a chat with the bot
        _bot.Connector.Clear();
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_department_heads_digest_details_show_only_their_department_like_the_summary()
    {
        await _bot.SendTextAsync(_nv1, "tổng hợp");
        var summary = Assert.Single(_bot.Connector.Sent).Card!.Readably();
        Assert.DoesNotContain(Nv2Note, summary, StringComparison.Ordinal);

        var (status, body) = await _bot.InvokeAsync(_nv1, "digestDetails", new JsonObject { ["week"] = "2026-W10" });

        Assert.Equal(200, status);
        var card = body!["value"]!;
        CardAssert.Valid(card);
        var json = card.Readably();
        Assert.Contains("Phòng Nghiệp vụ 1 · tính đến 02/03/2026", json, StringComparison.Ordinal);
        Assert.DoesNotContain(Nv2Title, json, StringComparison.Ordinal);
        Assert.DoesNotContain(Nv2Note, json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"week\":\"2026-W10\",\"departmentId\":\"NV2\"}")]
    [InlineData("{\"week\":\"2026-W10\",\"department\":\"NV2\",\"scope\":\"all\",\"agency\":\"thanh-tra-test\"}")]
    [InlineData("{\"scope\":null,\"departmentId\":null,\"wholePlan\":true}")]
    public async Task Forged_card_data_cannot_widen_the_digest_details(string data)
    {
        var (_, body) = await _bot.InvokeAsync(_nv1, "digestDetails", JsonNode.Parse(data)!.AsObject());

        var json = body!["value"]!.Readably();
        Assert.Contains("Phòng Nghiệp vụ 1 · tính đến", json, StringComparison.Ordinal);
        Assert.DoesNotContain(Nv2Note, json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chief_of_office_still_gets_the_whole_plan_in_the_details()
    {
        var (_, body) = await _bot.InvokeAsync(_office, "digestDetails", new JsonObject { ["week"] = "2026-W10" });

        Assert.Contains(Nv2Note, body!["value"]!.Readably(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_department_heads_install_does_not_move_the_digest_channel_and_the_chief_of_office_is_told()
    {
        var install = Activities.BotAddedToTeam(_bot.Connector.ServiceUrl, _nv1, "19:team-nv1", "19:kenh-nv1");
        install["channelData"]!["team"]!["name"] = "Phòng Nghiệp vụ 1 — nội bộ";
        install["channelData"]!["channel"]!["name"] = "Trao đổi";

        using var response = await _bot.PostAsync(install);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Null(await new DirectoryRepository(_bot.Tables).GetDigestChannelAsync(SamplePlans.Agency));
        var notice = Assert.Single(_bot.Connector.SentTo("a:personal-" + _office.Id)).Card!;
        CardAssert.Valid(notice);
        var text = notice.Readably();
        Assert.Contains("Trần Thị Bình", text, StringComparison.Ordinal);
        Assert.Contains("truongphong.nv1@example.gov.vn", text, StringComparison.Ordinal);
        Assert.Contains("Phòng Nghiệp vụ 1 — nội bộ", text, StringComparison.Ordinal);
        Assert.Contains("Trao đổi", text, StringComparison.Ordinal);
        Assert.Contains("đặt kênh tổng hợp", text, StringComparison.Ordinal);
        Assert.DoesNotContain("bạn", text, StringComparison.OrdinalIgnoreCase);
        var row = Assert.Single(await new TeamInstallRepository(_bot.Tables).ListAsync(SamplePlans.Agency));
        Assert.Equal((TeamInstallOutcome.Pending, "19:kenh-nv1", "19:team-nv1", "truongphong.nv1@example.gov.vn"), (row.Outcome, row.ChannelId, row.TeamId, row.InstalledBy));

        // The Chief of Office's own install still registers their channel, and the command still works for them.
        await _bot.PostAsync(Activities.BotAddedToTeam(_bot.Connector.ServiceUrl, _office, "19:team-vp", "19:kenh-chung"));
        Assert.Equal((BotHarnessDefaults.TenantId, "19:kenh-chung"), await new DirectoryRepository(_bot.Tables).GetDigestChannelAsync(SamplePlans.Agency));
        await _bot.PostAsync(Activities.ChannelMessage(_bot.Connector.ServiceUrl, _office, "19:team-nv1", "19:kenh-nv1", "đặt kênh tổng hợp"));
        Assert.Equal((BotHarnessDefaults.TenantId, "19:kenh-nv1"), await new DirectoryRepository(_bot.Tables).GetDigestChannelAsync(SamplePlans.Agency));
    }

    [Fact]
    public async Task An_install_by_someone_in_no_directory_is_recorded_and_changes_nothing()
    {
        await _bot.PostAsync(Activities.BotAddedToTeam(_bot.Connector.ServiceUrl, _stranger, "19:team-khach", "19:kenh-khach"));

        Assert.Null(await new DirectoryRepository(_bot.Tables).GetDigestChannelAsync(SamplePlans.Agency));
        Assert.Empty(_bot.Connector.SentTo("a:personal-" + _office.Id));
        Assert.Empty(await new TeamInstallRepository(_bot.Tables).ListAsync(SamplePlans.Agency));
        var row = Assert.Single(await new TeamInstallRepository(_bot.Tables).ListByUnknownInstallersAsync(BotHarnessDefaults.TenantId));
        Assert.Equal((TeamInstallOutcome.Ignored, "19:kenh-khach", (string?)null), (row.Outcome, row.ChannelId, row.Agency));
    }

    [Fact]
    public async Task A_department_heads_install_after_the_chief_of_office_keeps_the_registered_channel()
    {
        await _bot.PostAsync(Activities.BotAddedToTeam(_bot.Connector.ServiceUrl, _office, "19:team-vp", "19:kenh-chung"));

        await _bot.PostAsync(Activities.BotAddedToTeam(_bot.Connector.ServiceUrl, _nv1, "19:team-nv1", "19:kenh-nv1"));

        Assert.Equal((BotHarnessDefaults.TenantId, "19:kenh-chung"), await new DirectoryRepository(_bot.Tables).GetDigestChannelAsync(SamplePlans.Agency));
        var installs = await new TeamInstallRepository(_bot.Tables).ListAsync(SamplePlans.Agency);
        Assert.Equal(2, installs.Count);
        Assert.Contains(installs, i => i.Outcome == TeamInstallOutcome.Registered && i.ChannelId == "19:kenh-chung");
        Assert.Contains(installs, i => i.Outcome == TeamInstallOutcome.Pending && i.ChannelId == "19:kenh-nv1");
    }
}
