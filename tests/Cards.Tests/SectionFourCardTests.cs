using System.Text.Json.Nodes;
using CchcBot.Cards.Views;
using CchcBot.TestSupport;

namespace CchcBot.Cards.Tests;

/// <summary>The section IV cards (blocker and extension notices, step notices, the waiting list, the task card's extra
/// forms) through the Adaptive Cards JS SDK, every action and every form open with what was typed.</summary>
public class SectionFourCardTests
{
    private static readonly NoticeActions All = NoticeActions.Direct | NoticeActions.Escalate | NoticeActions.Propose | NoticeActions.Resolve | NoticeActions.Decide;
    private static readonly string[] Verbs = ["giveDirection", "escalateBlocker", "proposeExtension", "decideExtension", "resolveBlocker"];

    private static BlockerNoticeView Notice(NoticeKind kind, NoticeActions actions, string? part = null) => new(
        kind,
        SampleViews.Item(2, StatusView.Blocked) with { OriginalDue = new DateOnly(2026, 6, 30) },
        part,
        "Chưa có hướng dẫn của Thanh tra Chính phủ về mẫu báo cáo. " + new string('x', 400),
        "Trần Thị Bình",
        new DateTime(2026, 11, 25, 9, 5, 0),
        kind == NoticeKind.Escalated ? "Kính trình đồng chí Chánh Thanh tra cho ý kiến chỉ đạo." : null,
        kind == NoticeKind.Escalated ? "Nguyễn Văn An" : null,
        new ExtensionView("0123456789ABCDEF01234567", new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 31), "Chờ số liệu quyết toán", "Trần Thị Bình", new DateTime(2026, 11, 25, 10, 0, 0)),
        actions,
        new DateOnly(2026, 11, 25));

    public static IEnumerable<JsonNode> AllCards()
    {
        foreach (var kind in Enum.GetValues<NoticeKind>())
        {
            yield return BlockerNoticeCard.Build(Notice(kind, All, part: "NV1"));
            yield return BlockerNoticeCard.Build(Notice(kind, NoticeActions.None));
        }

        foreach (var verb in Verbs)
        {
            yield return BlockerNoticeCard.Build(Notice(NoticeKind.Blocker, All), new CardBanner("Vui lòng nhập nội dung trước khi gửi.", Error: true), new ActionDraft(verb, "Nội dung đã gõ", "2027-01-31"));
        }

        var item = SampleViews.Item(1) with { OriginalDue = new DateOnly(2026, 6, 30), CanProposeExtension = true, PendingExtension = "Đang chờ quyết định gia hạn đến 31/01/2027 (đề nghị của Trần Thị Bình)." };
        foreach (var style in new[] { "accent", "good", "attention" })
        {
            yield return StepNoticeCard.Build(new StepNoticeView("Ý kiến chỉ đạo", item, [("Người chỉ đạo", "Lê Văn Cường \\(Chánh Thanh tra\\)")], "**Nội dung:**", "Đề nghị hoàn thành trước ngày 15/12.", style));
        }

        var waiting = StepNoticeCard.Waiting([Notice(NoticeKind.Extension, All), Notice(NoticeKind.Escalated, NoticeActions.Direct) with { Item = SampleViews.Item(3, StatusView.Blocked) }], "myTasks")!;
        yield return Ac.Card([waiting]);

        var direction = BlockerNoticeCard.DirectionForm(item, null, CardContract.Views.Task, null);
        yield return TaskCard.Build(item, [], direction: direction);
        yield return TaskCard.Build(
            item with { ActionDraft = new ActionDraft("proposeExtension", "Lý do đã gõ", "không phải ngày") },
            [new HistoryItemView(new DateTime(2026, 11, 25, 9, 0, 0), "Lê Văn Cường", HistoryKinds.ExtensionApproved, StatusView.InProgress, StatusView.InProgress, "Đồng ý", null, null, new DateOnly(2026, 6, 30), new DateOnly(2026, 12, 31))],
            direction: BlockerNoticeCard.DirectionForm(item, null, CardContract.Views.Task, new ActionDraft("giveDirection", "Chỉ đạo đã gõ", null)));
        yield return MyTasksCard.Build("Phòng Nghiệp vụ 1", SampleViews.Many(12).Select(i => i with { CanProposeExtension = i.Role == RoleView.Lead }).ToList(), 0, null, null);
    }

    [Fact]
    public void Every_section_four_card_is_valid() => CardAssert.AllValid(AllCards().ToList());

    [Fact]
    public void The_notice_offers_only_the_actions_given_and_keeps_the_contract_ids()
    {
        var card = BlockerNoticeCard.Build(Notice(NoticeKind.Blocker, NoticeActions.Direct | NoticeActions.Propose, part: "NV1")).ToJsonString();

        Assert.Contains("\"verb\":\"giveDirection\"", card, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"proposeExtension\"", card, StringComparison.Ordinal);
        Assert.DoesNotContain("\"verb\":\"escalateBlocker\"", card, StringComparison.Ordinal);
        Assert.DoesNotContain("\"verb\":\"resolveBlocker\"", card, StringComparison.Ordinal);
        Assert.DoesNotContain("\"verb\":\"decideExtension\"", card, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"newDue:proposeExtension.TCC-2-1\"", card, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"note:giveDirection.TCC-2-1\"", card, StringComparison.Ordinal);
        Assert.Contains("\"part\":\"NV1\"", card, StringComparison.Ordinal);
    }

    [Fact]
    public void An_extended_due_date_shows_the_original_beside_it()
    {
        var item = SampleViews.Item(1, due: new DateOnly(2026, 12, 31), daysLeft: 5) with { OriginalDue = new DateOnly(2026, 6, 30) };

        Assert.Contains("Hạn 31/12/2026 · còn 5 ngày (gia hạn từ 30/06/2026)", TaskItemBlock.Render(item, compact: false, separator: false).ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
        Assert.Equal("31/12/2026 (gia hạn từ 30/06/2026)", BlockerNoticeCard.DueText(item));
    }
}
