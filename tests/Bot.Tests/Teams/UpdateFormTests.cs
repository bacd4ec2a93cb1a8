using System.Text.Json.Nodes;
using CchcBot.Bot.Tests.Storage;
using CchcBot.Bot.Tests.Support;
using CchcBot.Plan;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Teams;

/// <summary>
/// The update form fits how work is done: the real completion date (doneOn), corrections of a Hoàn thành with a
/// reason, and a refused update that gives the same card back with the message and what was typed. Sample plan on
/// 02/03/2026: TC-1-1 "Kế hoạch" due 31/01/2026, led by Văn phòng.
/// </summary>
public sealed class UpdateFormTests : IAsyncLifetime
{
    private BotHarness _bot = null!;
    private TeamsUser _office = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync();
        await _bot.SeedAsync();
        _office = _bot.Register(SampleUsers.ChiefOfOffice());
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task The_completion_date_given_decides_on_time_and_history_shows_it_beside_when_it_was_reported()
    {
        var card = await SubmitAsync("Done", doneOn: "2026-01-25");

        var form = FindInput(card, "doneOn:TC-1-1");
        Assert.Equal(("Input.Date", "2026-03-02", "2026-01-01"), (form["type"]!.GetValue<string>(), form["max"]!.GetValue<string>(), form["min"]!.GetValue<string>()));
        var text = card.Readably();
        Assert.DoesNotContain("Hoàn thành trễ hạn", text, StringComparison.Ordinal);
        Assert.Contains("02/03/2026 09:00 · Nguyễn Văn An: Chưa thực hiện → Hoàn thành (hoàn thành ngày 25/01/2026)", text, StringComparison.Ordinal);
        var state = await new ProgressRepository(_bot.Tables).GetStateAsync(SamplePlans.Agency, "TC-1", "TC-1-1");
        Assert.Equal(new DateOnly(2026, 1, 25), state.DoneOn);
    }

    [Fact]
    public async Task Without_a_date_the_completion_is_today_and_so_late()
    {
        var card = await SubmitAsync("Done");

        Assert.Contains("Hoàn thành trễ hạn", card.Readably(), StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 3, 2), (await new ProgressRepository(_bot.Tables).GetStateAsync(SamplePlans.Agency, "TC-1", "TC-1-1")).DoneOn);
    }

    [Theory]
    [InlineData("2026-03-05")] // in the future
    [InlineData("2025-12-31")] // before the plan's year
    [InlineData("31/01/2026")] // not yyyy-MM-dd
    public async Task A_bad_completion_date_gives_the_card_back_with_the_message_and_what_was_typed(string doneOn)
    {
        var card = await SubmitAsync("Done", note: "Đã ban hành kế hoạch", evidence: "15/KH-TTr", doneOn: doneOn);

        var banner = card["body"]![0]!;
        Assert.Equal("attention", banner["style"]!.GetValue<string>());
        Assert.Contains("Ngày hoàn thành không hợp lệ", banner.Readably(), StringComparison.Ordinal);
        Assert.Equal(doneOn, FindInput(card, "doneOn:TC-1-1")["value"]!.GetValue<string>());
        Assert.Equal("Đã ban hành kế hoạch", FindInput(card, "note:TC-1-1")["value"]!.GetValue<string>());
        Assert.Equal("15/KH-TTr", FindInput(card, "evidence:TC-1-1")["value"]!.GetValue<string>());
        Assert.Equal("Done", FindInput(card, "status:TC-1-1")["value"]!.GetValue<string>());
        // The refused form is open, beside the message (the other milestones' forms stay behind their buttons).
        var text = card.Readably();
        var firstShowCard = text.IndexOf("Action.ShowCard", StringComparison.Ordinal);
        Assert.True(firstShowCard < 0 || text.IndexOf("\"note:TC-1-1\"", StringComparison.Ordinal) < firstShowCard);
        Assert.Empty(await new ProgressRepository(_bot.Tables).GetHistoryAsync(SamplePlans.Agency, "TC-1"));
    }

    [Fact]
    public async Task A_refusal_from_the_list_gives_the_list_back_not_an_error_card()
    {
        var card = await SubmitAsync("Blocked", evidence: "đang chờ", view: "myTasks");

        var text = card.Readably();
        Assert.Contains("Nhiệm vụ của tôi — Văn phòng", text, StringComparison.Ordinal);
        Assert.Contains("vui lòng ghi rõ vướng mắc", text, StringComparison.Ordinal);
        Assert.Equal("đang chờ", FindInput(card, "evidence:TC-1-1")["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_correction_of_a_done_milestone_needs_a_reason_and_history_keeps_both()
    {
        await SubmitAsync("Done", doneOn: "2026-01-25");

        var refused = await SubmitAsync("InProgress");
        Assert.Contains("ghi rõ lý do điều chỉnh", refused.Readably(), StringComparison.Ordinal);

        var corrected = await SubmitAsync("InProgress", note: "Kế hoạch phải ban hành lại theo chỉ đạo mới");
        Assert.Contains("Điều chỉnh: Hoàn thành → Đang thực hiện", corrected.Readably(), StringComparison.Ordinal);
        var history = await new ProgressRepository(_bot.Tables).GetHistoryAsync(SamplePlans.Agency, "TC-1");
        Assert.Equal([MilestoneStatus.Done, MilestoneStatus.InProgress], history.Select(h => h.To));
        var state = await new ProgressRepository(_bot.Tables).GetStateAsync(SamplePlans.Agency, "TC-1", "TC-1-1");
        Assert.Equal((MilestoneStatus.InProgress, (DateOnly?)null), (state.Status, state.DoneOn));
    }

    [Fact]
    public async Task The_task_card_shows_every_milestone_with_its_own_form_and_a_later_one_may_be_reported_first()
    {
        var (_, body) = await _bot.InvokeAsync(_office, "refreshTask", new JsonObject { ["taskId"] = "TC-1", ["milestoneId"] = "TC-1-1" });
        var card = body!["value"]!;
        CardAssert.Valid(card);
        Assert.Contains("Các sản phẩm khác của nhiệm vụ", card.Readably(), StringComparison.Ordinal);
        Assert.NotNull(FindInput(card, "status:TC-1-2"));

        var data = new JsonObject { ["taskId"] = "TC-1", ["milestoneId"] = "TC-1-2", ["view"] = "task", ["status:TC-1-2"] = "Done" };
        var (http, _) = await _bot.InvokeAsync(_office, "updateStatus", data, activityId: Guid.NewGuid().ToString());

        Assert.Equal(200, http);
        var states = await new ProgressRepository(_bot.Tables).GetStatesAsync(SamplePlans.Agency);
        Assert.Equal(MilestoneStatus.Done, states["TC-1-2"].Status);
        Assert.False(states.ContainsKey("TC-1-1"));
    }

    [Fact]
    public async Task My_tasks_lists_every_milestone_of_a_led_task_each_with_its_form_and_a_later_one_is_reported_from_the_list()
    {
        await _bot.SendTextAsync(_office, "nhiệm vụ của tôi");
        var list = Assert.Single(_bot.Connector.Sent).Card!;
        CardAssert.Valid(list);
        Assert.NotNull(FindInput(list, "status:TC-1-1"));
        Assert.NotNull(FindInput(list, "status:TC-1-2"));
        Assert.Contains("Báo cáo kết quả thực hiện", list.Readably(), StringComparison.Ordinal);

        var data = new JsonObject { ["taskId"] = "TC-1", ["milestoneId"] = "TC-1-2", ["view"] = "myTasks", ["page"] = 0, ["status:TC-1-2"] = "Done" };
        var (http, body) = await _bot.InvokeAsync(_office, "updateStatus", data, activityId: Guid.NewGuid().ToString());

        Assert.Equal(200, http);
        var card = body!["value"]!;
        CardAssert.Valid(card);
        Assert.Contains("Nhiệm vụ của tôi — Văn phòng", card.Readably(), StringComparison.Ordinal);
        Assert.Equal("Done", FindInput(card, "status:TC-1-2")["value"]!.GetValue<string>());
        Assert.False(FindInput(card, "status:TC-1-1").ContainsKey("value"));
        var states = await new ProgressRepository(_bot.Tables).GetStatesAsync(SamplePlans.Agency);
        Assert.Equal(MilestoneStatus.Done, states["TC-1-2"].Status);
    }

    private async Task<JsonNode> SubmitAsync(string status, string? note = null, string? evidence = null, string? doneOn = null, string? view = null)
    {
        var data = new JsonObject { ["taskId"] = "TC-1", ["milestoneId"] = "TC-1-1", ["status:TC-1-1"] = status };
        if (note is not null)
        {
            data["note:TC-1-1"] = note;
        }

        if (evidence is not null)
        {
            data["evidence:TC-1-1"] = evidence;
        }

        if (doneOn is not null)
        {
            data["doneOn:TC-1-1"] = doneOn;
        }

        if (view is not null)
        {
            data["view"] = view;
        }

        var (http, body) = await _bot.InvokeAsync(_office, "updateStatus", data, activityId: Guid.NewGuid().ToString());
        Assert.Equal(200, http);
        var card = body!["value"]!;
        CardAssert.Valid(card);
        return card;
    }

    private static JsonObject FindInput(JsonNode card, string id)
    {
        JsonObject? Find(JsonNode? node) => node switch
        {
            JsonObject o when o["id"]?.GetValue<string>() == id => o,
            JsonObject o => o.Select(p => Find(p.Value)).FirstOrDefault(f => f is not null),
            JsonArray a => a.Select(Find).FirstOrDefault(f => f is not null),
            _ => null,
        };

        return Find(card) ?? throw new Xunit.Sdk.XunitException($"no input '{id}'");
    }
}
