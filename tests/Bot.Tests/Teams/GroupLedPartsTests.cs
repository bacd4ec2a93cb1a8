using System.Text.Json.Nodes;
using CchcBot.Bot.Tests.Storage;
using CchcBot.Bot.Tests.Support;
using CchcBot.Plan;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Teams;

/// <summary>
/// A milestone led by a group has one part per lead department (sample plan: TC-3 is led by "nghiep-vu", i.e. Phòng
/// Nghiệp vụ 1 and 2; TC-3-1 is due 30/06/2026). Each head reports their own part; the milestone is done when every
/// part is. Over HTTP with the real adapter, storage on Azurite.
/// </summary>
public sealed class GroupLedPartsTests : IAsyncLifetime
{
    private BotHarness _bot = null!;
    private TeamsUser _office = null!;
    private TeamsUser _nv1 = null!;
    private TeamsUser _nv2 = null!;
    private TeamsUser _inspector = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync();
        await _bot.SeedAsync();
        _office = _bot.Register(SampleUsers.ChiefOfOffice());
        _nv1 = _bot.Register(SampleUsers.Nv1Head());
        _nv2 = _bot.Register(SampleUsers.Nv2Head());
        _inspector = _bot.Register(SampleUsers.ChiefInspector());
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task One_head_finishing_their_part_does_not_close_the_milestone_for_the_others()
    {
        var card = await UpdateAsync(_nv1, "Done");

        Assert.Contains("Tiến độ của các đơn vị chủ trì: Phòng Nghiệp vụ 1: Hoàn thành; Phòng Nghiệp vụ 2: Chưa thực hiện", card, StringComparison.Ordinal);
        Assert.Contains("Phần việc của Phòng Nghiệp vụ 1", card, StringComparison.Ordinal);
        var state = await new ProgressRepository(_bot.Tables).GetStateAsync(SamplePlans.Agency, "TC-3", "TC-3-1");
        Assert.Equal(MilestoneStatus.Done, state.PartOf("NV1").Status);
        Assert.Equal(MilestoneStatus.NotStarted, state.PartOf("NV2").Status);

        var overview = await CardAsync(_inspector, "nhiệm vụ của tôi");
        Assert.Contains("Toàn kế hoạch: 0/3 mốc hoàn thành", overview, StringComparison.Ordinal); // the plan counts TC-3-1 once, not done
        Assert.Equal(("1", "0"), (DoneColumn(overview, "Phòng Nghiệp vụ 1"), DoneColumn(overview, "Phòng Nghiệp vụ 2"))); // each department its part

        var nv2List = await CardAsync(_nv2, "nhiệm vụ của tôi");
        Assert.Contains("Phần việc của Phòng Nghiệp vụ 2", nv2List, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Hoàn thành\"", nv2List.Split("Phần việc của Phòng Nghiệp vụ 2")[0][^200..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_milestone_is_done_when_every_part_is_and_completed_when_the_last_part_was()
    {
        await UpdateAsync(_nv1, "Done");
        _bot.Time.Advance(TimeSpan.FromDays(3));
        await UpdateAsync(_nv2, "Done");

        var overview = await CardAsync(_inspector, "nhiệm vụ của tôi");
        Assert.Contains("Toàn kế hoạch: 1/3 mốc hoàn thành", overview, StringComparison.Ordinal);
        var state = await new ProgressRepository(_bot.Tables).GetStateAsync(SamplePlans.Agency, "TC-3", "TC-3-1");
        var combined = state.Combine(["NV1", "NV2"]);
        Assert.Equal(MilestoneStatus.Done, combined.Status);
        Assert.Equal(BotHarness.DefaultNow.AddDays(3), combined.CompletedAt);
    }

    [Fact]
    public async Task A_blocked_part_blocks_the_milestone()
    {
        await UpdateAsync(_nv1, "Done");
        await UpdateAsync(_nv2, "Blocked", note: "Chờ ý kiến của Thanh tra Chính phủ");

        var state = (await new ProgressRepository(_bot.Tables).GetStateAsync(SamplePlans.Agency, "TC-3", "TC-3-1")).Combine(["NV1", "NV2"]);
        Assert.Equal((MilestoneStatus.Blocked, "Chờ ý kiến của Thanh tra Chính phủ"), (state.Status, state.Note));
    }

    [Fact]
    public async Task The_chief_of_office_chooses_the_part_and_may_update_any()
    {
        var (_, refused) = await _bot.InvokeAsync(_office, "updateStatus", Data("Done"));
        Assert.Contains("do nhiều đơn vị cùng chủ trì", refused!["value"]!.Readably(), StringComparison.Ordinal);
        Assert.Empty(await new ProgressRepository(_bot.Tables).GetHistoryAsync(SamplePlans.Agency, "TC-3"));

        var data = Data("InProgress");
        data["part:TC-3-1"] = "NV2";
        var (_, body) = await _bot.InvokeAsync(_office, "updateStatus", data);
        CardAssert.Valid(body!["value"]!);

        var state = await new ProgressRepository(_bot.Tables).GetStateAsync(SamplePlans.Agency, "TC-3", "TC-3-1");
        Assert.Equal((MilestoneStatus.NotStarted, MilestoneStatus.InProgress), (state.PartOf("NV1").Status, state.PartOf("NV2").Status));
        Assert.Equal("NV2", Assert.Single(await new ProgressRepository(_bot.Tables).GetHistoryAsync(SamplePlans.Agency, "TC-3")).Part);
    }

    [Fact]
    public async Task A_head_cannot_report_another_departments_part_whatever_the_card_says()
    {
        var data = Data("Done");
        data["part"] = "NV2";

        var (_, body) = await _bot.InvokeAsync(_nv1, "updateStatus", data);

        Assert.Contains("không có quyền", body!["value"]!.Readably(), StringComparison.Ordinal);
        Assert.Empty(await new ProgressRepository(_bot.Tables).GetHistoryAsync(SamplePlans.Agency, "TC-3"));
    }

    [Fact]
    public async Task A_state_recorded_before_parts_counts_for_every_part()
    {
        // Stored by an earlier version: one whole-milestone row.
        await new ProgressRepository(_bot.Tables).RecordAsync(new ProgressUpdate(
            SamplePlans.Agency, "TC-3", "TC-3-1", "legacy", "truongphong.nv1@example.gov.vn", "Trần Thị Bình", BotHarness.DefaultNow.AddDays(-5), MilestoneStatus.Done, null, "12/BC-TTr"));

        var overview = await CardAsync(_inspector, "nhiệm vụ của tôi");
        Assert.Equal(("1", "1"), (DoneColumn(overview, "Phòng Nghiệp vụ 1"), DoneColumn(overview, "Phòng Nghiệp vụ 2")));

        await UpdateAsync(_nv1, "InProgress", note: "Điều chỉnh: còn thiếu số liệu của quý IV"); // a correction of its own part only
        var state = await new ProgressRepository(_bot.Tables).GetStateAsync(SamplePlans.Agency, "TC-3", "TC-3-1");
        Assert.Equal((MilestoneStatus.InProgress, MilestoneStatus.Done), (state.PartOf("NV1").Status, state.PartOf("NV2").Status));
        Assert.Equal(MilestoneStatus.InProgress, state.Combine(["NV1", "NV2"]).Status);
    }

    private static JsonObject Data(string status, string? note = null)
    {
        var data = new JsonObject { ["taskId"] = "TC-3", ["milestoneId"] = "TC-3-1", ["status:TC-3-1"] = status };
        if (note is not null)
        {
            data["note:TC-3-1"] = note;
        }

        return data;
    }

    private async Task<string> UpdateAsync(TeamsUser user, string status, string? note = null)
    {
        var (http, body) = await _bot.InvokeAsync(user, "updateStatus", Data(status, note), activityId: Guid.NewGuid().ToString());
        Assert.Equal(200, http);
        var card = body!["value"]!;
        CardAssert.Valid(card);
        return card.Readably();
    }

    private async Task<string> CardAsync(TeamsUser user, string text)
    {
        _bot.Connector.Clear();
        await _bot.SendTextAsync(user, text);
        var card = Assert.Single(_bot.Connector.Sent).Card!;
        CardAssert.Valid(card);
        return card.Readably();
    }

    /// <summary>The "Hoàn thành" cell of a department's row in the overview table (the text right after its name).</summary>
    private static string DoneColumn(string overview, string department)
    {
        var at = overview.IndexOf($"\"text\":\"{department}\"", StringComparison.Ordinal);
        Assert.True(at >= 0, department);
        var next = overview.IndexOf("\"text\":\"", at + department.Length + 9, StringComparison.Ordinal) + 8;
        return overview[next..overview.IndexOf('"', next)];
    }
}
