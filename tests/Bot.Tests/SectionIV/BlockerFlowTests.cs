using CchcBot.Bot.Tests.Storage;
using CchcBot.Cards;
using CchcBot.Plan;
using CchcBot.TestSupport;
using static CchcBot.Bot.Tests.SectionIV.SectionFourBot;

namespace CchcBot.Bot.Tests.SectionIV;

/// <summary>
/// Blockers answered (issue 15, section IV of the plan), end to end over HTTP with the real adapter: the notice to the
/// Chief of Office and its four actions, the Chief Inspector's card, each refusal.
/// </summary>
public sealed class BlockerFlowTests : IAsyncLifetime
{
    private SectionFourBot _s = null!;

    public async Task InitializeAsync() => _s = await SectionFourBot.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private async Task<System.Text.Json.Nodes.JsonObject> BlockedNoticeAsync()
    {
        await _s.ReportAsync(_s.Nv1, Task5, Milestone5, "Blocked", "Chưa có hướng dẫn của Thanh tra Chính phủ");
        var notice = Assert.Single(_s.CardsTo(_s.Office));
        _s.Bot.Connector.Clear();
        return notice;
    }

    [Fact]
    public async Task The_blocker_notice_offers_the_chief_of_office_direction_escalation_extension_and_resolution()
    {
        var notice = await BlockedNoticeAsync();

        CardAssert.Valid(notice);
        var text = notice.Readably();
        Assert.Contains("Nhiệm vụ gặp vướng mắc", text, StringComparison.Ordinal);
        Assert.Contains("Chưa có hướng dẫn của Thanh tra Chính phủ", text, StringComparison.Ordinal);
        foreach (var (verb, button) in new[] { ("giveDirection", "Ý kiến chỉ đạo"), ("escalateBlocker", "Trình Chánh Thanh tra"), ("proposeExtension", "Gia hạn"), ("resolveBlocker", "Đã xử lý") })
        {
            var action = Assert.Single(Executes(notice, verb));
            Assert.Equal(Task5, action["data"]!["taskId"]!.GetValue<string>());
            Assert.Equal(Milestone5, action["data"]!["milestoneId"]!.GetValue<string>());
            Assert.Contains($"\"title\":\"{button}\"", text, StringComparison.Ordinal);
        }

        Assert.Contains("newDue:proposeExtension.TC-5-1", InputIds(notice));
        Assert.Contains("note:giveDirection.TC-5-1", InputIds(notice));
    }

    [Fact]
    public async Task A_direction_reaches_the_lead_head_as_a_card_and_is_in_the_history()
    {
        var notice = await BlockedNoticeAsync();

        var answer = await _s.InvokeAsync(_s.Office, "giveDirection", Submit(notice, "giveDirection", new Dictionary<string, string> { ["note:giveDirection.TC-5-1"] = "Đề nghị phối hợp Văn phòng xin ý kiến Thanh tra Chính phủ" }));

        Assert.Contains("Đã gửi ý kiến chỉ đạo tới Phòng Nghiệp vụ 1", answer.Readably(), StringComparison.Ordinal);
        var card = Assert.Single(_s.CardsTo(_s.Nv1));
        CardAssert.Valid(card);
        Assert.Contains("Ý kiến chỉ đạo", card.Readably(), StringComparison.Ordinal);
        Assert.Contains("Đề nghị phối hợp Văn phòng xin ý kiến Thanh tra Chính phủ", card.Readably(), StringComparison.Ordinal);
        var entry = (await _s.Progress.GetHistoryAsync(SamplePlans.Agency, Task5))[^1];
        Assert.Equal((HistoryKinds.Direction, "chanhvanphong@example.gov.vn", MilestoneStatus.Blocked, MilestoneStatus.Blocked), (entry.Kind, entry.By, entry.From, entry.To));
        Assert.Equal("Đề nghị phối hợp Văn phòng xin ý kiến Thanh tra Chính phủ", entry.Note);

        // The task card's history names the step.
        var task = await _s.OpenTaskAsync(_s.Nv1, Task5, Milestone5);
        Assert.Contains("ý kiến chỉ đạo — Đề nghị phối hợp", task.Readably(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_direction_without_text_comes_back_on_the_same_card_with_a_banner_and_nothing_is_recorded()
    {
        var notice = await BlockedNoticeAsync();
        var before = (await _s.Progress.GetHistoryAsync(SamplePlans.Agency, Task5)).Count;

        var answer = await _s.InvokeAsync(_s.Office, "giveDirection", Submit(notice, "giveDirection", new Dictionary<string, string> { ["note:giveDirection.TC-5-1"] = " \u200B " }));

        var text = answer.Readably();
        Assert.Contains("Vui lòng nhập nội dung trước khi gửi.", text, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ gặp vướng mắc", text, StringComparison.Ordinal); // the same card, not an error card
        Assert.Single(Executes(answer, "giveDirection"));
        Assert.Equal(before, (await _s.Progress.GetHistoryAsync(SamplePlans.Agency, Task5)).Count);
        Assert.Empty(_s.CardsTo(_s.Nv1));
    }

    [Fact]
    public async Task A_department_head_may_not_give_directions_escalate_or_resolve()
    {
        var notice = await BlockedNoticeAsync();
        var before = (await _s.Progress.GetHistoryAsync(SamplePlans.Agency, Task5)).Count;

        var direction = await _s.InvokeAsync(_s.Nv2, "giveDirection", Submit(notice, "giveDirection", new Dictionary<string, string> { ["note:giveDirection.TC-5-1"] = "Chỉ đạo giả" }));
        var escalate = await _s.InvokeAsync(_s.Nv1, "escalateBlocker", Submit(notice, "escalateBlocker", new Dictionary<string, string> { ["note:escalateBlocker.TC-5-1"] = "Trình giả" }));
        var resolve = await _s.InvokeAsync(_s.Nv1, "resolveBlocker", Submit(notice, "resolveBlocker", new Dictionary<string, string> { ["note:resolveBlocker.TC-5-1"] = "Tự xử lý" }));

        Assert.Contains("không có quyền cho ý kiến chỉ đạo", direction.Readably(), StringComparison.Ordinal);
        Assert.Contains("chỉ Chánh Văn phòng được trình Chánh Thanh tra", escalate.Readably(), StringComparison.Ordinal);
        Assert.Contains("chỉ Chánh Văn phòng được trình Chánh Thanh tra", resolve.Readably(), StringComparison.Ordinal);
        Assert.Equal(before, (await _s.Progress.GetHistoryAsync(SamplePlans.Agency, Task5)).Count);
        Assert.Equal(MilestoneStatus.Blocked, (await _s.Progress.GetStateAsync(SamplePlans.Agency, Task5, Milestone5)).Status);
        Assert.Empty((await _s.Requests.GetYearAsync(SamplePlans.Agency)).Open);
        Assert.Empty(_s.Bot.Connector.Sent);
    }

    [Fact]
    public async Task An_escalated_blocker_reaches_the_chief_inspector_who_sees_it_first_and_may_direct()
    {
        var notice = await BlockedNoticeAsync();

        var answer = await _s.InvokeAsync(_s.Office, "escalateBlocker", Submit(notice, "escalateBlocker", new Dictionary<string, string> { ["note:escalateBlocker.TC-5-1"] = "Kính trình đồng chí cho ý kiến về việc điều chỉnh kế hoạch" }));

        Assert.Contains("Đã trình Chánh Thanh tra.", answer.Readably(), StringComparison.Ordinal);
        Assert.Empty(Executes(answer, "escalateBlocker")); // submitted once
        var card = Assert.Single(_s.CardsTo(_s.Inspector));
        CardAssert.Valid(card);
        var text = card.Readably();
        Assert.Contains("Trình Chánh Thanh tra: nhiệm vụ gặp vướng mắc", text, StringComparison.Ordinal);
        Assert.Contains("Chưa có hướng dẫn của Thanh tra Chính phủ", text, StringComparison.Ordinal);
        Assert.Contains("Kính trình đồng chí cho ý kiến về việc điều chỉnh kế hoạch", text, StringComparison.Ordinal);
        Assert.Single(Executes(card, "giveDirection"));
        Assert.Empty(Executes(card, "escalateBlocker"));
        Assert.Empty(Executes(card, "resolveBlocker"));
        Assert.Equal(HistoryKinds.Escalation, (await _s.Progress.GetHistoryAsync(SamplePlans.Agency, Task5))[^1].Kind);

        // His "nhiệm vụ của tôi": what waits for him first.
        _s.Bot.Connector.Clear();
        await _s.Bot.SendTextAsync(_s.Inspector, "nhiệm vụ của tôi");
        var mine = Assert.Single(_s.CardsTo(_s.Inspector));
        CardAssert.Valid(mine);
        var first = mine["body"]![0]!.Readably();
        Assert.Contains("Việc chờ đồng chí quyết định", first, StringComparison.Ordinal);
        Assert.Contains(Title5, first, StringComparison.Ordinal);

        // He gives a direction from there: the lead head and the Chief of Office are told.
        _s.Bot.Connector.Clear();
        var fromList = await _s.InvokeAsync(_s.Inspector, "giveDirection", Submit(mine, "giveDirection", new Dictionary<string, string> { ["note:giveDirection.TC-5-1"] = "Đồng ý điều chỉnh; Văn phòng tham mưu văn bản" }));
        Assert.Contains("Đã gửi ý kiến chỉ đạo", fromList.Readably(), StringComparison.Ordinal);
        Assert.Contains("Đồng ý điều chỉnh; Văn phòng tham mưu văn bản", Assert.Single(_s.CardsTo(_s.Nv1)).Readably(), StringComparison.Ordinal);
        var toOffice = Assert.Single(_s.CardsTo(_s.Office)).Readably();
        Assert.Contains("Lê Văn Cường \\\\(Chánh Thanh tra\\\\)", toOffice, StringComparison.Ordinal); // card markdown, escaped
    }

    [Fact]
    public async Task The_chief_inspector_may_give_a_direction_on_any_task_from_its_card()
    {
        var card = await _s.OpenTaskAsync(_s.Inspector, "TC-1", "TC-1-1");
        Assert.Single(Executes(card, "giveDirection"));
        Assert.Empty(Executes(await _s.OpenTaskAsync(_s.Nv1, Task5, Milestone5), "giveDirection")); // a head has no such form

        var answer = await _s.InvokeAsync(_s.Inspector, "giveDirection", Submit(card, "giveDirection", new Dictionary<string, string> { ["note:giveDirection.TC-1-1"] = "Hoàn thành trước ngày 15/3" }));

        Assert.Contains("Đã gửi ý kiến chỉ đạo tới Văn phòng", answer.Readably(), StringComparison.Ordinal);
        Assert.Contains("ý kiến chỉ đạo — Hoàn thành trước ngày 15/3", answer.Readably(), StringComparison.Ordinal); // the task card with its history
        Assert.Contains("Hoàn thành trước ngày 15/3", Assert.Single(_s.CardsTo(_s.Office)).Readably(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolving_a_blocker_returns_the_milestone_to_in_progress_and_tells_the_lead_and_the_chief_inspector()
    {
        var notice = await BlockedNoticeAsync();
        await _s.InvokeAsync(_s.Office, "escalateBlocker", Submit(notice, "escalateBlocker", new Dictionary<string, string> { ["note:escalateBlocker.TC-5-1"] = "Kính trình" }));
        _s.Bot.Connector.Clear();

        var answer = await _s.InvokeAsync(_s.Office, "resolveBlocker", Submit(notice, "resolveBlocker", new Dictionary<string, string> { ["note:resolveBlocker.TC-5-1"] = "Đã có văn bản hướng dẫn số 12/TTCP" }));

        Assert.Contains("vướng mắc đã được xử lý", answer.Readably(), StringComparison.Ordinal);
        var state = await _s.Progress.GetStateAsync(SamplePlans.Agency, Task5, Milestone5);
        Assert.Equal(MilestoneStatus.InProgress, state.Status);
        var entry = (await _s.Progress.GetHistoryAsync(SamplePlans.Agency, Task5))[^1];
        Assert.Equal((HistoryKinds.Resolved, MilestoneStatus.Blocked, MilestoneStatus.InProgress, "Đã có văn bản hướng dẫn số 12/TTCP"), (entry.Kind, entry.From, entry.To, entry.Note));
        Assert.Contains("Vướng mắc đã được xử lý", Assert.Single(_s.CardsTo(_s.Nv1)).Readably(), StringComparison.Ordinal);
        Assert.Single(_s.CardsTo(_s.Inspector));
        Assert.Empty((await _s.Requests.GetYearAsync(SamplePlans.Agency)).Open);

        // Resolved: the same card again (or Teams re-sending the invoke) records nothing and tells no one again.
        _s.Bot.Connector.Clear();
        var again = await _s.InvokeAsync(_s.Office, "resolveBlocker", Submit(notice, "resolveBlocker", new Dictionary<string, string> { ["note:resolveBlocker.TC-5-1"] = "Lần nữa" }));
        Assert.Contains("đã được ghi nhận trước đó", again.Readably(), StringComparison.Ordinal);
        Assert.Equal(entry, (await _s.Progress.GetHistoryAsync(SamplePlans.Agency, Task5))[^1]);
        Assert.Empty(_s.Bot.Connector.Sent);

        // Reported Đang thực hiện by the lead since: "Đã xử lý" is refused, the milestone is not blocked.
        await _s.ReportAsync(_s.Nv1, Task5, Milestone5, "InProgress", "Đang soạn");
        var notBlocked = await _s.InvokeAsync(_s.Office, "resolveBlocker", Submit(notice, "resolveBlocker", new Dictionary<string, string> { ["note:resolveBlocker.TC-5-1"] = "Lần nữa" }));
        Assert.Contains("không ở trạng thái", notBlocked.Readably(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blocker_on_a_part_is_resolved_for_that_part_only()
    {
        await _s.ReportAsync(_s.Nv1, "TC-3", "TC-3-1", "Blocked", "Thiếu số liệu");
        await _s.ReportAsync(_s.Nv2, "TC-3", "TC-3-1", "InProgress", null);
        var notice = Assert.Single(_s.CardsTo(_s.Office));
        Assert.Equal("NV1", Executes(notice, "resolveBlocker")[0]["data"]!["part"]!.GetValue<string>());

        await _s.InvokeAsync(_s.Office, "resolveBlocker", Submit(notice, "resolveBlocker", new Dictionary<string, string> { ["note:resolveBlocker.TC-3-1"] = "Đã bổ sung số liệu" }));

        var state = await _s.Progress.GetStateAsync(SamplePlans.Agency, "TC-3", "TC-3-1");
        Assert.Equal(MilestoneStatus.InProgress, state.PartOf("NV1").Status);
        Assert.Equal("NV1", (await _s.Progress.GetHistoryAsync(SamplePlans.Agency, "TC-3"))[^1].Part);
        Assert.Single(_s.CardsTo(_s.Nv1), c => c.Readably().Contains("Vướng mắc đã được xử lý", StringComparison.Ordinal));
        Assert.DoesNotContain(_s.CardsTo(_s.Nv2), c => c.Readably().Contains("Vướng mắc đã được xử lý", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_forged_part_is_refused()
    {
        var notice = await BlockedNoticeAsync();
        var data = Submit(notice, "giveDirection", new Dictionary<string, string> { ["note:giveDirection.TC-5-1"] = "Chỉ đạo" });
        data["part"] = "NV2";

        var answer = await _s.InvokeAsync(_s.Office, "giveDirection", data);

        Assert.Contains("dữ liệu không hợp lệ", answer.Readably(), StringComparison.Ordinal);
        Assert.Empty(_s.Bot.Connector.Sent);
    }

    [Fact]
    public async Task A_blocker_reported_again_after_it_was_submitted_may_be_submitted_again()
    {
        var notice = await BlockedNoticeAsync();
        await _s.InvokeAsync(_s.Office, "escalateBlocker", Submit(notice, "escalateBlocker", new Dictionary<string, string> { ["note:escalateBlocker.TC-5-1"] = "Kính trình" }));
        _s.Bot.Time.Advance(TimeSpan.FromHours(2));
        await _s.ReportAsync(_s.Nv1, Task5, Milestone5, "InProgress", null);
        await _s.ReportAsync(_s.Nv1, Task5, Milestone5, "Blocked", "Vướng mắc mới về kinh phí");
        _s.Bot.Connector.Clear();

        var again = await _s.OpenTaskAsync(_s.Inspector, Task5, Milestone5);
        await _s.Bot.SendTextAsync(_s.Inspector, "nhiệm vụ của tôi");

        Assert.Single(Executes(again, "giveDirection"));
        Assert.DoesNotContain("Việc chờ đồng chí quyết định", Assert.Single(_s.CardsTo(_s.Inspector)).Readably(), StringComparison.Ordinal); // the old submission is not waiting
        var fresh = BlockedNoticeOf(await _s.InvokeAsync(_s.Office, "giveDirection", new System.Text.Json.Nodes.JsonObject
        {
            ["taskId"] = Task5,
            ["milestoneId"] = Milestone5,
            ["view"] = "notice",
            ["note:giveDirection.TC-5-1"] = "Chỉ đạo",
        }));
        Assert.Single(Executes(fresh, "escalateBlocker"));
    }

    private static System.Text.Json.Nodes.JsonNode BlockedNoticeOf(System.Text.Json.Nodes.JsonNode card)
    {
        Assert.Contains("Nhiệm vụ gặp vướng mắc", card.Readably(), StringComparison.Ordinal);
        return card;
    }

    [Fact]
    public async Task A_resent_direction_is_recorded_once_and_told_once()
    {
        var notice = await BlockedNoticeAsync();
        var data = Submit(notice, "giveDirection", new Dictionary<string, string> { ["note:giveDirection.TC-5-1"] = "Khẩn trương xử lý" });

        await _s.InvokeAsync(_s.Office, "giveDirection", data, activityId: "direction-1");
        var again = await _s.InvokeAsync(_s.Office, "giveDirection", data, activityId: "direction-1");

        Assert.Contains("đã được ghi nhận trước đó", again.Readably(), StringComparison.Ordinal);
        Assert.Single(await _s.Progress.GetHistoryAsync(SamplePlans.Agency, Task5), h => h.Kind == HistoryKinds.Direction);
        Assert.Single(_s.CardsTo(_s.Nv1));
    }
}
