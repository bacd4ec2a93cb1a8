using System.Net;
using System.Text.Json.Nodes;
using CchcBot.Bot.Tests.Storage;
using CchcBot.Bot.Tests.Support;
using CchcBot.Cards;
using CchcBot.Plan;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Teams;

/// <summary>The chat end to end: HTTP activities into /api/messages, the real adapter, a loopback connector, Azurite.</summary>
public sealed class ChatTests : IAsyncLifetime
{
    private BotHarness _bot = null!;
    private TeamsUser _office = null!;
    private TeamsUser _nv1 = null!;
    private TeamsUser _inspector = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync();
        await _bot.SeedAsync();
        _office = _bot.Register(SampleUsers.ChiefOfOffice());
        _nv1 = _bot.Register(SampleUsers.Nv1Head());
        _inspector = _bot.Register(SampleUsers.ChiefInspector());
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Installing_the_bot_greets_with_a_welcome_card_and_stores_the_chat()
    {
        using var response = await _bot.PostAsync(Activities.BotAddedToPersonalChat(_bot.Connector.ServiceUrl, _nv1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = Assert.Single(_bot.Connector.Sent).Card!;
        CardAssert.Valid(card);
        Assert.Contains("Xin chào", card.Readably(), StringComparison.Ordinal);
        var stored = await new ConversationRepository(_bot.Tables).GetAsync(ConversationKind.Personal, BotHarnessDefaults.TenantId, _nv1.AadObjectId);
        Assert.True(stored is { Active: true });
    }

    [Fact]
    public async Task Removing_the_bot_marks_the_chat_inactive()
    {
        await _bot.PostAsync(Activities.BotAddedToPersonalChat(_bot.Connector.ServiceUrl, _nv1));

        await _bot.PostAsync(Activities.BotRemovedFromPersonalChat(_bot.Connector.ServiceUrl, _nv1));

        var stored = await new ConversationRepository(_bot.Tables).GetAsync(ConversationKind.Personal, BotHarnessDefaults.TenantId, _nv1.AadObjectId);
        Assert.False(stored!.Active);
    }

    [Theory]
    [InlineData("nhiệm vụ của tôi")]
    [InlineData("Nhiệm vụ của tôi")]
    [InlineData("nhiem vu cua toi")]
    [InlineData("  NHIỆM VỤ   CỦA TÔI ")]
    [InlineData("my tasks")]
    public async Task My_tasks_lists_the_department_tasks_lead_first(string text)
    {
        await _bot.SendTextAsync(_nv1, text);

        var card = Assert.Single(_bot.Connector.Sent).Card!;
        CardAssert.Valid(card);
        var json = card.Readably();
        Assert.Contains("Nhiệm vụ của tôi — Phòng Nghiệp vụ 1", json, StringComparison.Ordinal);

        // NV1 leads TC-3 (group nghiep-vu) and cooperates on TC-1 and TTHC-2: the lead item comes first.
        var titles = Titles(card);
        Assert.Equal(3, titles.Count);
        Assert.StartsWith("Xây dựng và ban hành văn bản", titles[0], StringComparison.Ordinal);
        Assert.Contains("status:TC-3-1", json, StringComparison.Ordinal);
        // Where NV1 only cooperates: a compact section, each row opening its task (where the opinion form is).
        Assert.Contains("Đơn vị phối hợp (2 nhiệm vụ)", json, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"refreshTask\",\"data\":{\"taskId\":\"TC-1\",\"milestoneId\":\"TC-1-1\",\"back\":\"myTasks\"}", json, StringComparison.Ordinal);
        Assert.DoesNotContain("status:TC-1-1", json, StringComparison.Ordinal);
        Assert.DoesNotContain("note:TC-1-1", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decomposed_text_from_macOS_is_understood()
    {
        await _bot.SendTextAsync(_nv1, "nhiệm vụ của tôi".Normalize(System.Text.NormalizationForm.FormD));

        Assert.Contains("Nhiệm vụ của tôi", Assert.Single(_bot.Connector.Sent).Card!.Readably(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chief_of_office_sees_the_office_list_with_a_plan_summary_on_top()
    {
        await _bot.SendTextAsync(_office, "nhiệm vụ của tôi");

        var json = Assert.Single(_bot.Connector.Sent).Card!.Readably();
        Assert.Contains("Nhiệm vụ của tôi — Văn phòng", json, StringComparison.Ordinal);
        Assert.Contains("Toàn kế hoạch: 0/3 mốc hoàn thành", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chief_inspector_sees_the_whole_plan_by_department()
    {
        await _bot.SendTextAsync(_inspector, "nhiệm vụ của tôi");

        var card = Assert.Single(_bot.Connector.Sent).Card!;
        CardAssert.Valid(card);
        var json = card.Readably();
        Assert.Contains("Tiến độ Kế hoạch CCHC theo đơn vị", json, StringComparison.Ordinal);
        Assert.Contains("Phòng Nghiệp vụ 2", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_not_in_the_directory_is_told_whom_to_contact()
    {
        var stranger = _bot.Register(BotHarness.User("khach@example.com", "Khách"));

        await _bot.SendTextAsync(stranger, "nhiệm vụ của tôi");

        Assert.Contains("liên hệ Văn phòng", Assert.Single(_bot.Connector.Sent).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("trợ giúp")]
    [InlineData("help")]
    [InlineData("xin chào bot")]
    [InlineData("")]
    public async Task Help_and_anything_unknown_get_the_help_card(string text)
    {
        await _bot.SendTextAsync(_nv1, text);

        var card = Assert.Single(_bot.Connector.Sent).Card!;
        CardAssert.Valid(card);
        Assert.Contains("Hướng dẫn sử dụng", card.Readably(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Huge_text_gets_help_not_an_error()
    {
        using var response = await _bot.SendTextAsync(_nv1, new string('x', 100_000));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Hướng dẫn sử dụng", Assert.Single(_bot.Connector.Sent).Card!.Readably(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Marking_done_from_the_card_records_state_and_history_and_updates_the_card()
    {
        var (status, body) = await _bot.InvokeAsync(_office, "updateStatus", Update("TC-1", "TC-1-1", "Done", "Đã ban hành kế hoạch", "15/KH-TTr"));

        Assert.Equal(200, status);
        Assert.Equal(200, body!["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        var card = body["value"]!;
        CardAssert.Valid(card);
        var json = card.Readably();
        Assert.Contains("Đã ghi nhận: Hoàn thành", json, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Văn An cập nhật lúc 09:00 ngày 02/03/2026", json, StringComparison.Ordinal);
        Assert.Contains("15/KH-TTr", json, StringComparison.Ordinal);

        var progress = new ProgressRepository(_bot.Tables);
        var state = await progress.GetStateAsync(SamplePlans.Agency, "TC-1", "TC-1-1");
        Assert.Equal((MilestoneStatus.Done, "Đã ban hành kế hoạch", "15/KH-TTr"), (state.Status, state.Note, state.Evidence));
        var entry = Assert.Single(await progress.GetHistoryAsync(SamplePlans.Agency, "TC-1"));
        Assert.Equal(("chanhvanphong@example.gov.vn", MilestoneStatus.NotStarted, MilestoneStatus.Done), (entry.By, entry.From, entry.To));
    }

    [Fact]
    public async Task Update_from_the_my_tasks_card_returns_the_list_with_the_item_updated()
    {
        var data = Update("TC-3", "TC-3-1", "InProgress", null, null);
        data["view"] = "myTasks";
        data["page"] = 0;

        var (_, body) = await _bot.InvokeAsync(_nv1, "updateStatus", data);

        var json = body!["value"]!.Readably();
        Assert.Contains("Nhiệm vụ của tôi — Phòng Nghiệp vụ 1", json, StringComparison.Ordinal);
        Assert.Contains("Đã ghi nhận: Đang thực hiện — Xây dựng và ban hành văn bản quy phạm pháp luật lĩnh vực thanh tra", json, StringComparison.Ordinal);
        Assert.Contains("(Kế hoạch), bởi Trần Thị Bình lúc 02/03/2026 09:00.", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replayed_invoke_is_recorded_once()
    {
        var data = Update("TC-1", "TC-1-1", "InProgress", "Đang soạn", null);

        await _bot.InvokeAsync(_office, "updateStatus", data, activityId: "invoke-42");
        var (status, body) = await _bot.InvokeAsync(_office, "updateStatus", data, activityId: "invoke-42");

        Assert.Equal(200, status);
        Assert.Contains("đã được ghi trước đó", body!["value"]!.Readably(), StringComparison.Ordinal);
        Assert.Single(await new ProgressRepository(_bot.Tables).GetHistoryAsync(SamplePlans.Agency, "TC-1"));
    }

    [Fact]
    public async Task Concurrent_updates_from_two_cards_both_land_in_history()
    {
        var deputy = _bot.Register(BotHarness.User("phovanphong@example.gov.vn", "Phạm Thị Dung"));

        await Task.WhenAll(
            _bot.InvokeAsync(_office, "updateStatus", Update("TC-1", "TC-1-1", "InProgress", "a", null)),
            _bot.InvokeAsync(deputy, "updateStatus", Update("TC-1", "TC-1-1", "Done", "b", null)));

        var history = await new ProgressRepository(_bot.Tables).GetHistoryAsync(SamplePlans.Agency, "TC-1");
        Assert.Equal(2, history.Count);
        var state = await new ProgressRepository(_bot.Tables).GetStateAsync(SamplePlans.Agency, "TC-1", "TC-1-1");
        Assert.Contains(history, h => h.To == state.Status && h.From != MilestoneStatus.NotStarted);
    }

    [Fact]
    public async Task Cooperating_head_adds_an_opinion_without_changing_the_status()
    {
        var (_, body) = await _bot.InvokeAsync(_nv1, "updateStatus", Update("TC-1", "TC-1-1", "Done", "Phòng NV1 đã rà soát 12 văn bản", null));

        Assert.Contains("Đã ghi nhận ý kiến phối hợp", body!["value"]!.Readably(), StringComparison.Ordinal);
        var progress = new ProgressRepository(_bot.Tables);
        Assert.Equal(MilestoneStatus.NotStarted, (await progress.GetStateAsync(SamplePlans.Agency, "TC-1", "TC-1-1")).Status);
        Assert.Equal(ProgressRepository.CommentKind, Assert.Single(await progress.GetHistoryAsync(SamplePlans.Agency, "TC-1")).Kind);
    }

    [Fact]
    public async Task Someone_without_rights_gets_an_error_card_and_nothing_is_stored()
    {
        var (status, body) = await _bot.InvokeAsync(_inspector, "updateStatus", Update("TC-1", "TC-1-1", "Done", "x", null));

        Assert.Equal(200, status);
        var card = body!["value"]!;
        CardAssert.Valid(card);
        Assert.Contains("Đồng chí không có quyền", card.Readably(), StringComparison.Ordinal);
        Assert.Empty(await new ProgressRepository(_bot.Tables).GetHistoryAsync(SamplePlans.Agency, "TC-1"));
    }

    [Fact]
    public async Task Blocked_needs_a_note_and_then_alerts_the_chief_of_office()
    {
        await _bot.SendTextAsync(_office, "trợ giúp"); // the Chief of Office has a chat with the bot
        _bot.Connector.Clear();

        var (_, refused) = await _bot.InvokeAsync(_nv1, "updateStatus", Update("TC-3", "TC-3-1", "Blocked", null, null));
        Assert.Contains("vui lòng ghi rõ vướng mắc", refused!["value"]!.Readably(), StringComparison.Ordinal);

        await _bot.InvokeAsync(_nv1, "updateStatus", Update("TC-3", "TC-3-1", "Blocked", "Chưa có hướng dẫn của Thanh tra Chính phủ", null));

        var notice = Assert.Single(_bot.Connector.SentTo("a:personal-" + _office.Id)).Card!;
        CardAssert.Valid(notice);
        var json = notice.Readably();
        Assert.Contains("Nhiệm vụ gặp vướng mắc", json, StringComparison.Ordinal);
        Assert.Contains("Chưa có hướng dẫn của Thanh tra Chính phủ", json, StringComparison.Ordinal);
        Assert.Contains("Trần Thị Bình", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unknownVerb", "{\"taskId\":\"TC-1\",\"milestoneId\":\"TC-1-1\"}", "không còn được hỗ trợ")]
    [InlineData("updateStatus", "{}", "thiếu thông tin nhiệm vụ")]
    [InlineData("updateStatus", "{\"taskId\":5,\"milestoneId\":true}", "thiếu thông tin nhiệm vụ")]
    [InlineData("updateStatus", "{\"taskId\":\"XX-9\",\"milestoneId\":\"XX-9-1\",\"status:XX-9-1\":\"Done\"}", "Không tìm thấy nhiệm vụ")]
    [InlineData("updateStatus", "{\"taskId\":\"TC-1\",\"milestoneId\":\"TC-3-1\",\"status:TC-3-1\":\"Done\"}", "Không tìm thấy nhiệm vụ")]
    [InlineData("updateStatus", "{\"taskId\":\"TC-1\",\"milestoneId\":\"TC-1-1\",\"status:TC-1-1\":\"Finished\"}", "Vui lòng chọn trạng thái")]
    [InlineData("updateStatus", "{\"taskId\":\"TC-1\",\"milestoneId\":\"TC-1-1\",\"status:TC-1-1\":\"NotStarted\"}", "Vui lòng chọn trạng thái")]
    public async Task Bad_card_data_gets_a_clear_message_and_stores_nothing(string verb, string data, string expected)
    {
        var (status, body) = await _bot.InvokeAsync(_office, verb, JsonNode.Parse(data)!.AsObject());

        Assert.Equal(200, status);
        Assert.Contains(expected, body!["value"]!.Readably(), StringComparison.Ordinal);
        Assert.Empty(await new ProgressRepository(_bot.Tables).GetHistoryAsync(SamplePlans.Agency, "TC-1"));
    }

    [Fact]
    public async Task A_note_over_1000_characters_is_refused()
    {
        var (_, body) = await _bot.InvokeAsync(_office, "updateStatus", Update("TC-1", "TC-1-1", "Done", new string('a', 1001), null));

        Assert.Contains("Ghi chú dài quá 1000 ký tự", body!["value"]!.Readably(), StringComparison.Ordinal);
        Assert.Empty(await new ProgressRepository(_bot.Tables).GetHistoryAsync(SamplePlans.Agency, "TC-1"));
    }

    [Fact]
    public async Task Paging_moves_through_a_long_list()
    {
        var (status, body) = await _bot.InvokeAsync(_nv1, "myTasksPage", new JsonObject { ["page"] = 3 });

        Assert.Equal(200, status);
        CardAssert.Valid(body!["value"]!);
    }

    [Fact]
    public async Task Refresh_shows_the_current_state_of_a_task()
    {
        await _bot.InvokeAsync(_office, "updateStatus", Update("TC-1", "TC-1-1", "InProgress", "Đang soạn thảo", null));

        var (_, body) = await _bot.InvokeAsync(_nv1, "refreshTask", new JsonObject { ["taskId"] = "TC-1", ["milestoneId"] = "TC-1-1" }, trigger: "automatic");

        var card = body!["value"]!;
        CardAssert.Valid(card);
        Assert.Contains("Đang thực hiện", card.Readably(), StringComparison.Ordinal);
        Assert.Contains("Đang soạn thảo", card.Readably(), StringComparison.Ordinal);
        Assert.Empty(_bot.Connector.Sent);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"type\":\"message\"}")]
    [InlineData("[]")]
    public async Task Malformed_activities_never_get_a_5xx(string raw)
    {
        using var response = await _bot.PostRawAsync(raw);

        Assert.True((int)response.StatusCode < 500, $"got {(int)response.StatusCode}");
    }

    private static JsonObject Update(string taskId, string milestoneId, string status, string? note, string? evidence)
    {
        var data = new JsonObject
        {
            ["taskId"] = taskId,
            ["milestoneId"] = milestoneId,
            ["view"] = "task",
            [$"status:{milestoneId}"] = status,
        };
        if (note is not null)
        {
            data[$"note:{milestoneId}"] = note;
        }

        if (evidence is not null)
        {
            data[$"evidence:{milestoneId}"] = evidence;
        }

        return data;
    }

    /// <summary>The sample plan's task titles in the order the card shows them, found by what they say, not by layout.</summary>
    private static List<string> Titles(JsonObject card)
    {
        var texts = TextsOf(card).ToList();
        return SamplePlans.Plan().Tasks
            .Select(t => (t.Title, At: texts.FindIndex(x => x.Contains(Markdown.Escape(t.Title), StringComparison.Ordinal))))
            .Where(t => t.At >= 0)
            .OrderBy(t => t.At)
            .Select(t => t.Title)
            .ToList();
    }

    private static IEnumerable<string> TextsOf(JsonNode? node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() == "TextBlock" => [o["text"]!.GetValue<string>()],
        JsonObject o => o.SelectMany(kv => TextsOf(kv.Value)),
        JsonArray a => a.SelectMany(TextsOf),
        _ => [],
    };
}
