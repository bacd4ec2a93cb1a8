using System.Text.Json.Nodes;
using CchcBot.Bot.Tests.Storage;
using CchcBot.Bot.Tests.Support;
using CchcBot.Plan;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Staff;

/// <summary>
/// Phân công cán bộ over HTTP with the real adapter, storage on Azurite. Sample plan (2026): TC-1 is led by the Office
/// (TC-1-1 due 31/01, TC-1-2 due 31/12), TC-3 by the group "nghiep-vu" (parts NV1 and NV2, TC-3-1 due 30/06).
/// </summary>
public sealed class AssignmentTests : IAsyncLifetime
{
    private BotHarness _bot = null!;
    private TeamsUser _office = null!;
    private TeamsUser _nv1 = null!;
    private TeamsUser _vp1 = null!;
    private TeamsUser _vp2 = null!;
    private TeamsUser _nv1Staff = null!;
    private TeamsUser _nv2Staff = null!;
    private TeamsUser _inspector = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync();
        await _bot.SeedAsync(directory: StaffSample.Directory());
        _office = _bot.Register(SampleUsers.ChiefOfOffice());
        _nv1 = _bot.Register(SampleUsers.Nv1Head());
        _inspector = _bot.Register(SampleUsers.ChiefInspector());
        _vp1 = _bot.Register(StaffSample.Vp1());
        _vp2 = _bot.Register(StaffSample.Vp2());
        _nv1Staff = _bot.Register(StaffSample.Nv1());
        _nv2Staff = _bot.Register(StaffSample.Nv2());
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task The_task_card_offers_the_head_a_choice_of_their_staff()
    {
        var (_, body) = await _bot.InvokeAsync(_office, "refreshTask", new JsonObject { ["taskId"] = "TC-1", ["milestoneId"] = "TC-1-1" });

        var card = body!["value"]!;
        CardAssert.Valid(card);
        var text = card.Readably();
        Assert.Contains("Giao cho cán bộ", text, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"assignee:TC-1-1\"", text, StringComparison.Ordinal);
        Assert.Contains("\"isMultiSelect\":true", text, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"chuyenvien1.vp@example.gov.vn\"", text, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"assign\"", text, StringComparison.Ordinal);

        var (_, inspectorView) = await _bot.InvokeAsync(_inspector, "refreshTask", new JsonObject { ["taskId"] = "TC-1", ["milestoneId"] = "TC-1-1" });
        Assert.DoesNotContain("Giao cho cán bộ", inspectorView!["value"]!.Readably(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_head_s_list_opens_the_task_card_to_assign()
    {
        await _bot.SendTextAsync(_nv1, "nhiệm vụ của tôi");

        var list = _bot.Connector.Sent[^1].Card!;
        CardAssert.Valid(list);
        Assert.Contains("\"title\":\"Giao cho cán bộ\",\"verb\":\"refreshTask\",\"data\":{\"taskId\":\"TC-3\",\"milestoneId\":\"TC-3-1\",\"back\":\"myTasks\"}", list.Readably(), StringComparison.Ordinal);

        var (_, body) = await _bot.InvokeAsync(_nv1, "refreshTask", new JsonObject { ["taskId"] = "TC-3", ["milestoneId"] = "TC-3-1", ["back"] = "myTasks" });
        var card = body!["value"]!.Readably();
        Assert.Contains("\"id\":\"assignee:TC-3-1\"", card, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"canbo1.nv1@example.gov.vn\"", card, StringComparison.Ordinal);
        Assert.DoesNotContain("canbo1.nv2@example.gov.vn", card, StringComparison.Ordinal); // only the head's own staff
        Assert.Contains("\"part\":\"NV1\"", card, StringComparison.Ordinal);

        await _bot.SendTextAsync(_inspector, "nhiệm vụ của tôi");
        Assert.DoesNotContain("Giao cho cán bộ", _bot.Connector.Sent[^1].Card!.Readably(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_head_assigns_a_milestone_to_two_of_their_staff_and_it_is_recorded_and_shown()
    {
        var card = await AssignAsync(_office, "TC-1", "TC-1-1", $"{StaffSample.VpStaff1},{StaffSample.VpStaff2}");

        Assert.Contains("Đã giao cho cán bộ: chuyenvien1.vp@example.gov.vn, chuyenvien2.vp@example.gov.vn", card, StringComparison.Ordinal);
        Assert.Contains("Cán bộ thực hiện: chuyenvien1.vp@example.gov.vn, chuyenvien2.vp@example.gov.vn", card, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Văn An: Giao cho cán bộ: chuyenvien1.vp@example.gov.vn, chuyenvien2.vp@example.gov.vn", card, StringComparison.Ordinal);
        var stored = (await new AssignmentRepository(_bot.Tables, TimeProvider.System).GetAllAsync(SamplePlans.Agency)).For("TC-1", "TC-1-1", "");
        Assert.Equal([StaffSample.VpStaff1, StaffSample.VpStaff2], stored!.Staff);
        Assert.Equal("chanhvanphong@example.gov.vn", stored.By);

        // The head's list shows who holds the item.
        await _bot.SendTextAsync(_office, "nhiệm vụ của tôi");
        var list = _bot.Connector.Sent[^1].Card!.Readably();
        Assert.Contains("Cán bộ thực hiện: chuyenvien1.vp@example.gov.vn, chuyenvien2.vp@example.gov.vn", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Newly_assigned_staff_who_opened_the_bot_are_told_with_the_update_form()
    {
        await _bot.SendTextAsync(_vp1, "trợ giúp"); // they have opened the bot: their chat is known
        await AssignAsync(_office, "TC-1", "TC-1-1", StaffSample.VpStaff1);

        var notice = Assert.Single(_bot.Connector.SentTo("a:personal-" + _vp1.Id), c => c.Card is not null && c.Card.Readably().Contains("Nhiệm vụ được giao", StringComparison.Ordinal));
        CardAssert.Valid(notice.Card!);
        Assert.Contains("Đồng chí Nguyễn Văn An đã giao cho đồng chí", notice.Card!.Readably(), StringComparison.Ordinal);
        Assert.Contains("\"id\":\"status:TC-1-1\"", notice.Card!.Readably(), StringComparison.Ordinal);

        await AssignAsync(_office, "TC-1", "TC-1-1", $"{StaffSample.VpStaff1},{StaffSample.VpStaff2}");
        Assert.Single(_bot.Connector.SentTo("a:personal-" + _vp1.Id), c => c.Card is not null && c.Card.Readably().Contains("Nhiệm vụ được giao", StringComparison.Ordinal)); // not told twice
    }

    [Fact]
    public async Task An_invoke_Teams_sends_twice_is_recorded_once()
    {
        var data = Data("TC-1", "TC-1-1", StaffSample.VpStaff1);
        await _bot.InvokeAsync(_office, "assign", data, activityId: "same-invoke");
        await _bot.InvokeAsync(_office, "assign", Data("TC-1", "TC-1-1", StaffSample.VpStaff1), activityId: "same-invoke");

        Assert.Single(await new AssignmentRepository(_bot.Tables, TimeProvider.System).GetHistoryAsync(SamplePlans.Agency, "TC-1"));
    }

    [Fact]
    public async Task An_empty_choice_takes_the_assignment_back()
    {
        await AssignAsync(_office, "TC-1", "TC-1-1", StaffSample.VpStaff1);

        var card = await AssignAsync(_office, "TC-1", "TC-1-1", "");

        Assert.Contains("Đã thu hồi giao việc", card, StringComparison.Ordinal);
        Assert.Contains("Thu hồi giao việc: chuyenvien1.vp@example.gov.vn", card, StringComparison.Ordinal);
        Assert.Empty((await new AssignmentRepository(_bot.Tables, TimeProvider.System).GetAllAsync(SamplePlans.Agency)).All);
        await _bot.SendTextAsync(_vp1, "nhiệm vụ của tôi");
        Assert.Contains("chưa được giao nhiệm vụ nào", _bot.Connector.Sent[^1].Card!.Readably(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task For_a_group_led_milestone_a_head_assigns_their_own_part_only()
    {
        var card = await AssignAsync(_nv1, "TC-3", "TC-3-1", StaffSample.Nv1Staff, part: "NV1");
        Assert.Contains("Đã giao cho cán bộ: canbo1.nv1@example.gov.vn", card, StringComparison.Ordinal);
        Assert.NotNull((await new AssignmentRepository(_bot.Tables, TimeProvider.System).GetAllAsync(SamplePlans.Agency)).For("TC-3", "TC-3-1", "NV1"));

        var other = await AssignAsync(_nv1, "TC-3", "TC-3-1", StaffSample.Nv2Staff, part: "NV2");
        Assert.Contains("không có quyền giao nhiệm vụ này", other, StringComparison.Ordinal);

        var notTheirs = await AssignAsync(_nv1, "TC-3", "TC-3-1", StaffSample.Nv2Staff, part: "NV1");
        Assert.Contains("canbo1.nv2@example.gov.vn không phải cán bộ của Phòng Nghiệp vụ 1", notTheirs, StringComparison.Ordinal);
        var held = (await new AssignmentRepository(_bot.Tables, TimeProvider.System).GetAllAsync(SamplePlans.Agency)).All;
        Assert.Equal([StaffSample.Nv1Staff], Assert.Single(held).Staff);
    }

    [Fact]
    public async Task A_deputy_assigns_too()
    {
        var deputy = _bot.Register(BotHarness.User("phovanphong@example.gov.vn", "Phó Chánh Văn phòng"));

        var card = await AssignAsync(deputy, "TC-1", "TC-1-2", StaffSample.VpStaff2);

        Assert.Contains("Đã giao cho cán bộ: chuyenvien2.vp@example.gov.vn", card, StringComparison.Ordinal);
        Assert.Equal("phovanphong@example.gov.vn", (await new AssignmentRepository(_bot.Tables, TimeProvider.System).GetAllAsync(SamplePlans.Agency)).For("TC-1", "TC-1-2", "")!.By);
    }

    [Fact]
    public async Task A_head_of_another_department_may_not_assign()
    {
        var card = await AssignAsync(_nv1, "TC-1", "TC-1-1", StaffSample.Nv1Staff);

        Assert.Contains("không có quyền giao nhiệm vụ này", card, StringComparison.Ordinal);
        Assert.Empty((await new AssignmentRepository(_bot.Tables, TimeProvider.System).GetAllAsync(SamplePlans.Agency)).All);
    }

    [Fact]
    public async Task Staff_may_not_assign_not_even_what_they_hold()
    {
        await AssignAsync(_office, "TC-1", "TC-1-1", StaffSample.VpStaff1);

        var card = await AssignAsync(_vp1, "TC-1", "TC-1-1", StaffSample.VpStaff2);

        Assert.Contains("Cán bộ chỉ xem và cập nhật các nhiệm vụ được Trưởng phòng giao", card, StringComparison.Ordinal);
        var stored = (await new AssignmentRepository(_bot.Tables, TimeProvider.System).GetAllAsync(SamplePlans.Agency)).For("TC-1", "TC-1-1", "");
        Assert.Equal([StaffSample.VpStaff1], stored!.Staff);
    }

    [Fact]
    public async Task Staff_see_what_they_hold_and_update_it_and_the_history_records_who_did()
    {
        await AssignAsync(_office, "TC-1", "TC-1-1", StaffSample.VpStaff1);

        await _bot.SendTextAsync(_vp1, "nhiệm vụ của tôi");
        var list = _bot.Connector.Sent[^1].Card!;
        CardAssert.Valid(list);
        var text = list.Readably();
        Assert.Contains("Nhiệm vụ được giao — Võ Thị Hoa", text, StringComparison.Ordinal);
        Assert.Contains("\"milestoneId\":\"TC-1-1\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("TC-1-2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("TC-3", text, StringComparison.Ordinal);
        Assert.DoesNotContain("TTHC-2", text, StringComparison.Ordinal);

        var (_, body) = await _bot.InvokeAsync(_vp1, "updateStatus", new JsonObject
        {
            ["taskId"] = "TC-1",
            ["milestoneId"] = "TC-1-1",
            ["view"] = "myTasks",
            ["page"] = 0,
            ["status:TC-1-1"] = "InProgress",
            ["note:TC-1-1"] = "Đang dự thảo kế hoạch",
        });
        CardAssert.Valid(body!["value"]!);
        Assert.Contains("Đã ghi nhận", body["value"]!.Readably(), StringComparison.Ordinal);
        var entry = Assert.Single(await new ProgressRepository(_bot.Tables).GetHistoryAsync(SamplePlans.Agency, "TC-1"));
        Assert.Equal((StaffSample.VpStaff1, "Võ Thị Hoa", MilestoneStatus.InProgress), (entry.By, entry.ByName, entry.To));

        // The task card opens for them, with only what they hold.
        var (_, task) = await _bot.InvokeAsync(_vp1, "refreshTask", new JsonObject { ["taskId"] = "TC-1", ["milestoneId"] = "TC-1-1" });
        CardAssert.Valid(task!["value"]!);
        var taskText = task["value"]!.Readably();
        Assert.Contains("Võ Thị Hoa: Chưa thực hiện → Đang thực hiện", taskText, StringComparison.Ordinal);
        Assert.DoesNotContain("TC-1-2", taskText, StringComparison.Ordinal);
        Assert.DoesNotContain("Giao cho cán bộ\"", taskText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_may_update_nothing_they_do_not_hold()
    {
        await AssignAsync(_office, "TC-1", "TC-1-1", StaffSample.VpStaff1);

        var (_, other) = await _bot.InvokeAsync(_vp1, "updateStatus", new JsonObject
        {
            ["taskId"] = "TC-1",
            ["milestoneId"] = "TC-1-2",
            ["status:TC-1-2"] = "Done",
        });
        Assert.Contains("không có quyền cập nhật nhiệm vụ này", other!["value"]!.Readably(), StringComparison.Ordinal);
        var (_, colleague) = await _bot.InvokeAsync(_vp2, "updateStatus", new JsonObject
        {
            ["taskId"] = "TC-1",
            ["milestoneId"] = "TC-1-1",
            ["status:TC-1-1"] = "Done",
        });
        Assert.Contains("không có quyền cập nhật nhiệm vụ này", colleague!["value"]!.Readably(), StringComparison.Ordinal);
        var (_, open) = await _bot.InvokeAsync(_vp1, "refreshTask", new JsonObject { ["taskId"] = "TC-3", ["milestoneId"] = "TC-3-1" });
        Assert.Contains("Cán bộ chỉ xem và cập nhật các nhiệm vụ được Trưởng phòng giao", open!["value"]!.Readably(), StringComparison.Ordinal);
        Assert.Empty(await new ProgressRepository(_bot.Tables).GetHistoryAsync(SamplePlans.Agency, "TC-1"));
    }

    [Fact]
    public async Task A_member_of_staff_updates_their_part_of_a_group_led_milestone()
    {
        await AssignAsync(_nv1, "TC-3", "TC-3-1", StaffSample.Nv1Staff, part: "NV1");

        var (_, refused) = await _bot.InvokeAsync(_nv1Staff, "updateStatus", new JsonObject
        {
            ["taskId"] = "TC-3",
            ["milestoneId"] = "TC-3-1",
            ["part"] = "NV2",
            ["status:TC-3-1"] = "Done",
        });
        Assert.Contains("không có quyền cập nhật", refused!["value"]!.Readably(), StringComparison.Ordinal);

        var (_, body) = await _bot.InvokeAsync(_nv1Staff, "updateStatus", new JsonObject
        {
            ["taskId"] = "TC-3",
            ["milestoneId"] = "TC-3-1",
            ["part"] = "NV1",
            ["status:TC-3-1"] = "Done",
        });
        Assert.Contains("Đã ghi nhận", body!["value"]!.Readably(), StringComparison.Ordinal);
        var state = await new ProgressRepository(_bot.Tables).GetStateAsync(SamplePlans.Agency, "TC-3", "TC-3-1");
        Assert.Equal((MilestoneStatus.Done, MilestoneStatus.NotStarted), (state.PartOf("NV1").Status, state.PartOf("NV2").Status));
    }

    [Theory]
    [InlineData("tổng hợp")]
    [InlineData("báo cáo")]
    [InlineData("báo cáo quý")]
    [InlineData("danh bạ")]
    public async Task Staff_have_no_other_rights(string command)
    {
        _bot.Connector.Clear();
        await _bot.SendTextAsync(_vp1, command);

        var reply = Assert.Single(_bot.Connector.Sent);
        Assert.Contains("Cán bộ chỉ xem và cập nhật các nhiệm vụ được Trưởng phòng giao", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_cannot_use_the_other_verbs()
    {
        foreach (var (verb, data) in new[]
        {
            ("digestDetails", new JsonObject { ["week"] = "2026-W10" }),
            ("makeReport", new JsonObject { ["period"] = "2026-Q1" }),
            ("cooperatingDue", new JsonObject { ["due"] = "2026-06-30" }),
            ("saveDepartment", new JsonObject { ["departmentId"] = "VP", ["staff:VP"] = StaffSample.VpStaff1 }),
        })
        {
            var (status, body) = await _bot.InvokeAsync(_vp1, verb, data);
            Assert.Equal(200, status);
            Assert.Contains("Cán bộ chỉ xem và cập nhật các nhiệm vụ được Trưởng phòng giao", body!["value"]!.Readably(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_help_card_offers_staff_only_their_tasks()
    {
        await _bot.SendTextAsync(_vp1, "trợ giúp");

        var card = _bot.Connector.Sent[^1].Card!;
        CardAssert.Valid(card);
        Assert.DoesNotContain("tổng hợp", card.Readably(), StringComparison.Ordinal);
        Assert.Contains("nhiệm vụ của tôi", card.Readably(), StringComparison.Ordinal);
    }

    private async Task<string> AssignAsync(TeamsUser user, string taskId, string milestoneId, string assignees, string? part = null)
    {
        var (status, body) = await _bot.InvokeAsync(user, "assign", Data(taskId, milestoneId, assignees, part));
        Assert.Equal(200, status);
        CardAssert.Valid(body!["value"]!);
        return body["value"]!.Readably();
    }

    private static JsonObject Data(string taskId, string milestoneId, string assignees, string? part = null)
    {
        var data = new JsonObject { ["taskId"] = taskId, ["milestoneId"] = milestoneId, [$"assignee:{milestoneId}"] = assignees };
        if (part is not null)
        {
            data["part"] = part;
        }

        return data;
    }
}
