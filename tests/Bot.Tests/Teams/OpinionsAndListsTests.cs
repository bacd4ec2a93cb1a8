using System.Text.Json.Nodes;
using CchcBot.Bot.Tests.Support;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Teams;

/// <summary>
/// Cooperating opinions are seen where decisions are made (the task card, the digest), and digest lines name the
/// deliverable and due date, so a task with several milestones is not several identical lines. Sample plan, 02/03/2026:
/// TC-1 (lead Văn phòng, cooperating Các phòng Nghiệp vụ), TC-1-1 "Kế hoạch" due 31/01/2026.
/// </summary>
public sealed class OpinionsAndListsTests : IAsyncLifetime
{
    private const string Opinion = "Đã rà soát 12 văn bản, đề nghị bãi bỏ 2 văn bản";
    private BotHarness _bot = null!;
    private TeamsUser _office = null!;
    private TeamsUser _nv1 = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync();
        await _bot.SeedAsync();
        _office = _bot.Register(SampleUsers.ChiefOfOffice());
        _nv1 = _bot.Register(SampleUsers.Nv1Head());
        var (status, answer) = await _bot.InvokeAsync(_nv1, "updateStatus", new JsonObject
        {
            ["taskId"] = "TC-1",
            ["milestoneId"] = "TC-1-1",
            ["note:TC-1-1"] = Opinion,
        });
        Assert.Equal(200, status);
        Assert.Contains("Đã ghi nhận", answer!["value"]!.Readably(), StringComparison.Ordinal);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task The_task_card_shows_the_latest_cooperating_opinions_with_author_and_date()
    {
        var (_, body) = await _bot.InvokeAsync(_office, "refreshTask", new JsonObject { ["taskId"] = "TC-1", ["milestoneId"] = "TC-1-1" });

        var card = body!["value"]!;
        CardAssert.Valid(card);
        Assert.Contains($"Ý kiến phối hợp\",", card.Readably(), StringComparison.Ordinal);
        Assert.Contains($"02/03/2026 · Trần Thị Bình: {Opinion}", card.Readably(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_digest_names_the_cooperating_unit_and_its_opinion_and_each_line_its_deliverable_and_due_date()
    {
        await _bot.SendTextAsync(_office, "tổng hợp");

        var card = Assert.Single(_bot.Connector.Sent).Card!;
        CardAssert.Valid(card);
        var text = card.Readably();
        Assert.Contains($"ý kiến phối hợp của Phòng Nghiệp vụ 1: {Opinion}", text, StringComparison.Ordinal);
        Assert.Contains("— Kế hoạch — Văn phòng · hạn 31/01/2026 · quá hạn 30 ngày", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_task_opened_from_the_list_offers_the_way_back_to_it()
    {
        var (_, body) = await _bot.InvokeAsync(_nv1, "refreshTask", new JsonObject { ["taskId"] = "TC-1", ["milestoneId"] = "TC-1-1", ["back"] = "myTasks" });

        var card = body!["value"]!;
        CardAssert.Valid(card);
        var back = Assert.Single(card["actions"]!.AsArray());
        Assert.Equal(("Quay lại danh sách", "myTasksPage"), (back!["title"]!.GetValue<string>(), back["verb"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_digest_details_collapse_back_to_the_summary()
    {
        var (_, details) = await _bot.InvokeAsync(_office, "digestDetails", new JsonObject { ["week"] = "2026-W10" });
        Assert.Equal("Thu gọn", Assert.Single(details!["value"]!["actions"]!.AsArray())!["title"]!.GetValue<string>());

        var (_, summary) = await _bot.InvokeAsync(_office, "digestDetails", new JsonObject { ["week"] = "2026-W10", ["view"] = "summary" });
        CardAssert.Valid(summary!["value"]!);
        Assert.Equal("Xem đầy đủ", Assert.Single(summary["value"]!["actions"]!.AsArray())!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task In_a_channel_the_details_go_into_the_digests_thread_and_the_post_stays()
    {
        var activity = Activities.Invoke(_bot.Connector.ServiceUrl, _office, "digestDetails", new JsonObject { ["week"] = "2026-W10" }, null);
        activity["conversation"] = Activities.ChannelConversation("19:kenh-van-phong@thread.tacv2;messageid=1700000000000");
        _bot.Connector.Clear();

        using var response = await _bot.PostAsync(activity);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("application/vnd.microsoft.activity.message", answer["type"]!.GetValue<string>());
        Assert.Contains("luồng", answer["value"]!.GetValue<string>(), StringComparison.Ordinal);
        var posted = Assert.Single(_bot.Connector.Sent);
        Assert.Contains("messageid=1700000000000", posted.ConversationId, StringComparison.Ordinal);
        CardAssert.Valid(posted.Card!);
        Assert.Contains("Thu gọn", posted.Card!.Readably(), StringComparison.Ordinal);
    }
}
