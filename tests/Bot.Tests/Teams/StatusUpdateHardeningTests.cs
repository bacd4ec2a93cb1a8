using System.Text.Json.Nodes;
using CchcBot.Bot.Tests.Storage;
using CchcBot.Bot.Tests.Support;
using CchcBot.Plan;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Teams;

/// <summary>
/// Status updates from cards under abuse (issue 11): blocker spam, update floods, invisible and bidi text, oversized
/// pages, reused activity ids. Over HTTP with the real adapter, on Azurite, with a fake clock.
/// </summary>
public sealed class StatusUpdateHardeningTests : IAsyncLifetime
{
    private BotHarness _bot = null!;
    private TeamsUser _office = null!;
    private TeamsUser _nv1 = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync();
        await _bot.SeedAsync();
        _office = _bot.Register(SampleUsers.ChiefOfOffice());
        _nv1 = _bot.Register(SampleUsers.Nv1Head());
        await _bot.SendTextAsync(_office, "trợ giúp"); // the Chief of Office has a chat with the bot
        _bot.Connector.Clear();
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private ProgressRepository Progress => new(_bot.Tables);

    private int BlockerNotices => _bot.Connector.SentTo("a:personal-" + _office.Id).Count(c => c.Card?.Readably().Contains("Nhiệm vụ gặp vướng mắc", StringComparison.Ordinal) == true);

    [Fact]
    public async Task Thirty_blocked_submissions_tell_the_chief_of_office_once()
    {
        for (var i = 0; i < 30; i++)
        {
            await _bot.InvokeAsync(_nv1, "updateStatus", Update("TC-3", "TC-3-1", "Blocked", $"Chưa có hướng dẫn (lần {i})"));
            _bot.Time.Advance(TimeSpan.FromMilliseconds(200));
        }

        Assert.Equal(1, BlockerNotices);
    }

    [Fact]
    public async Task A_changed_note_on_a_blocked_milestone_is_told_at_most_hourly_and_a_new_blocker_at_once()
    {
        await _bot.InvokeAsync(_nv1, "updateStatus", Update("TC-3", "TC-3-1", "Blocked", "Vướng mắc A"));
        _bot.Time.Advance(TimeSpan.FromMinutes(30));
        await _bot.InvokeAsync(_nv1, "updateStatus", Update("TC-3", "TC-3-1", "Blocked", "Vướng mắc B"));
        Assert.Equal(1, BlockerNotices);

        _bot.Time.Advance(TimeSpan.FromMinutes(31));
        await _bot.InvokeAsync(_nv1, "updateStatus", Update("TC-3", "TC-3-1", "Blocked", "Vướng mắc B")); // same note: nothing new
        Assert.Equal(1, BlockerNotices);
        await _bot.InvokeAsync(_nv1, "updateStatus", Update("TC-3", "TC-3-1", "Blocked", "Vướng mắc C"));
        Assert.Equal(2, BlockerNotices);

        // Unblocked, then blocked again: the change into Blocked is always told.
        await _bot.InvokeAsync(_nv1, "updateStatus", Update("TC-3", "TC-3-1", "InProgress", null));
        await _bot.InvokeAsync(_nv1, "updateStatus", Update("TC-3", "TC-3-1", "Blocked", "Vướng mắc D"));
        Assert.Equal(3, BlockerNotices);
        Assert.Contains("Vướng mắc D", _bot.Connector.SentTo("a:personal-" + _office.Id)[^1].Card!.Readably(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_than_20_updates_a_minute_are_refused_politely_and_not_stored()
    {
        for (var i = 0; i < 20; i++)
        {
            var (_, ok) = await _bot.InvokeAsync(_office, "updateStatus", Update("TC-1", "TC-1-1", i % 2 == 0 ? "InProgress" : "Done", $"lần {i}"));
            Assert.Contains("Đã ghi nhận", ok!["value"]!.Readably(), StringComparison.Ordinal);
        }

        var (status, body) = await _bot.InvokeAsync(_office, "updateStatus", Update("TC-1", "TC-1-2", "Done", "lần 21"));

        Assert.Equal(200, status);
        var card = body!["value"]!;
        CardAssert.Valid(card);
        Assert.Contains("quá 20 cập nhật trong một phút", card.Readably(), StringComparison.Ordinal);
        Assert.Equal(MilestoneStatus.NotStarted, (await Progress.GetStateAsync(SamplePlans.Agency, "TC-1", "TC-1-2")).Status);
        Assert.Equal(20, (await Progress.GetHistoryAsync(SamplePlans.Agency, "TC-1")).Count);

        // Another user is not affected; the same user again after the minute.
        var (_, other) = await _bot.InvokeAsync(_nv1, "updateStatus", Update("TC-3", "TC-3-1", "InProgress", null));
        Assert.Contains("Đã ghi nhận", other!["value"]!.Readably(), StringComparison.Ordinal);
        _bot.Time.Advance(TimeSpan.FromMinutes(1));
        var (_, later) = await _bot.InvokeAsync(_office, "updateStatus", Update("TC-1", "TC-1-2", "Done", "lần 21"));
        Assert.Contains("Đã ghi nhận: Hoàn thành", later!["value"]!.Readably(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\u200B")]
    [InlineData("\u200B\u200C\u200D\u2060\uFEFF")]
    [InlineData(" \u200E\u200F \u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069 ")]
    [InlineData("\n\u200B\t\uFEFF\n")]
    public async Task A_note_of_invisible_characters_does_not_count_for_blocked(string note)
    {
        var (_, body) = await _bot.InvokeAsync(_nv1, "updateStatus", Update("TC-3", "TC-3-1", "Blocked", note));

        Assert.Contains("vui lòng ghi rõ vướng mắc", body!["value"]!.Readably(), StringComparison.Ordinal);
        Assert.Empty(await Progress.GetHistoryAsync(SamplePlans.Agency, "TC-3"));
        Assert.Equal(0, BlockerNotices);
    }

    [Fact]
    public async Task Bidi_controls_are_removed_from_stored_notes_and_evidence()
    {
        var data = Update("TC-1", "TC-1-1", "Done", "Đã ban hành \u202Efdp.exe\u202C kế hoạch\u2066 số\u2069 15");
        data["evidence:TC-1-1"] = "\u202B15/KH-TTr\u200F";

        await _bot.InvokeAsync(_office, "updateStatus", data);

        var state = await Progress.GetStateAsync(SamplePlans.Agency, "TC-1", "TC-1-1");
        Assert.Equal(("Đã ban hành fdp.exe kế hoạch số 15", "15/KH-TTr"), (state.Note, state.Evidence));
        var entry = Assert.Single(await Progress.GetHistoryAsync(SamplePlans.Agency, "TC-1"));
        Assert.Equal(("Đã ban hành fdp.exe kế hoạch số 15", "15/KH-TTr"), (entry.Note, entry.Evidence));
    }

    [Theory]
    [InlineData("1099511627776")] // 2^40
    [InlineData("1180591620717411303424")] // 2^70: not even a long
    [InlineData("-1099511627776")]
    public async Task A_huge_page_on_an_update_from_the_list_answers_with_the_list_and_records_once(string page)
    {
        var data = Update("TC-3", "TC-3-1", "InProgress", "Đang soạn");
        data["view"] = "myTasks";
        data["page"] = JsonNode.Parse(page);

        var (status, body) = await _bot.InvokeAsync(_nv1, "updateStatus", data);

        Assert.Equal(200, status);
        var card = body!["value"]!;
        CardAssert.Valid(card);
        var json = card.Readably();
        Assert.Contains("Nhiệm vụ của tôi — Phòng Nghiệp vụ 1", json, StringComparison.Ordinal);
        Assert.Contains("Đã ghi nhận: Đang thực hiện", json, StringComparison.Ordinal);
        Assert.Single(await Progress.GetHistoryAsync(SamplePlans.Agency, "TC-3"));
    }

    [Theory]
    [InlineData("1099511627776")]
    [InlineData("1180591620717411303424")]
    public async Task A_huge_page_of_my_tasks_shows_the_last_page(string page)
    {
        var (status, body) = await _bot.InvokeAsync(_nv1, "myTasksPage", new JsonObject { ["page"] = JsonNode.Parse(page) });

        Assert.Equal(200, status);
        CardAssert.Valid(body!["value"]!);
        Assert.Contains("Nhiệm vụ của tôi — Phòng Nghiệp vụ 1", body["value"]!.Readably(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("view", "{\"x\":1}")]
    [InlineData("view", "\"deleteAll\"")]
    [InlineData("view", "42")]
    [InlineData("page", "\"2\"")]
    [InlineData("page", "1.5")]
    [InlineData("page", "[1]")]
    public async Task A_malformed_view_or_page_is_refused_before_anything_is_written(string field, string value)
    {
        var data = Update("TC-3", "TC-3-1", "Done", "Đã xong");
        data["view"] = "myTasks";
        data[field] = JsonNode.Parse(value);

        var (status, body) = await _bot.InvokeAsync(_nv1, "updateStatus", data);

        Assert.Equal(200, status);
        CardAssert.Valid(body!["value"]!);
        Assert.Contains("dữ liệu không hợp lệ", body["value"]!.Readably(), StringComparison.Ordinal);
        Assert.Empty(await Progress.GetHistoryAsync(SamplePlans.Agency, "TC-3"));
    }

    [Fact]
    public async Task A_reused_activity_id_on_another_milestone_is_recorded_and_a_true_replay_is_answered_as_one()
    {
        await _bot.InvokeAsync(_office, "updateStatus", Update("TC-1", "TC-1-1", "Done", "Kế hoạch đã ban hành"), activityId: "reused-1");

        var (_, other) = await _bot.InvokeAsync(_office, "updateStatus", Update("TC-1", "TC-1-2", "InProgress", "Báo cáo đang soạn"), activityId: "reused-1");
        var (_, replay) = await _bot.InvokeAsync(_office, "updateStatus", Update("TC-1", "TC-1-1", "Done", "Kế hoạch đã ban hành"), activityId: "reused-1");

        Assert.DoesNotContain("đã được ghi trước đó", other!["value"]!.Readably(), StringComparison.Ordinal);
        Assert.Equal(MilestoneStatus.InProgress, (await Progress.GetStateAsync(SamplePlans.Agency, "TC-1", "TC-1-2")).Status);
        var replayCard = replay!["value"]!.Readably();
        Assert.Contains("đã được ghi trước đó", replayCard, StringComparison.Ordinal);
        Assert.Contains("Kế hoạch đã ban hành", replayCard, StringComparison.Ordinal);
        var history = await Progress.GetHistoryAsync(SamplePlans.Agency, "TC-1");
        Assert.Equal(["TC-1-1", "TC-1-2"], history.Select(h => h.MilestoneId).Order().ToArray());
    }

    private static JsonObject Update(string taskId, string milestoneId, string status, string? note)
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

        return data;
    }
}
