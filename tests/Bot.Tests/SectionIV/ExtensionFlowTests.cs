using System.Text.RegularExpressions;
using CchcBot.Bot.Tests.Storage;
using CchcBot.Cards;
using CchcBot.Hosting;
using CchcBot.Plan;
using CchcBot.Progress;
using CchcBot.Reminders;
using CchcBot.Reports;
using CchcBot.Storage;
using CchcBot.TestSupport;
using static CchcBot.Bot.Tests.SectionIV.SectionFourBot;

namespace CchcBot.Bot.Tests.SectionIV;

/// <summary>
/// Deadlines extended with approval (issue 15), end to end over HTTP with the real adapter: a lead head asks from the
/// update form, the approver (Plan:ExtensionApprover) decides, the new date is followed everywhere; each refusal.
/// </summary>
public sealed class ExtensionFlowTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Ask = new()
    {
        ["newDue:proposeExtension.TC-5-1"] = "2026-03-20",
        ["note:proposeExtension.TC-5-1"] = "Chờ số liệu của các phòng nghiệp vụ",
    };

    private SectionFourBot _s = null!;

    public async Task InitializeAsync() => _s = await SectionFourBot.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    /// <summary>Phòng Nghiệp vụ 1 asks from the task card's update form; returns the approver's (the Chief Inspector's) decision card.</summary>
    private async Task<System.Text.Json.Nodes.JsonObject> AskAsync()
    {
        var task = await _s.OpenTaskAsync(_s.Nv1, Task5, Milestone5);
        var answer = await _s.InvokeAsync(_s.Nv1, "proposeExtension", Submit(task, "proposeExtension", Ask));
        Assert.Contains("Đã gửi đề nghị gia hạn đến 20/03/2026; đang chờ Chánh Thanh tra quyết định.", answer.Readably(), StringComparison.Ordinal);
        var decision = Assert.Single(_s.CardsTo(_s.Inspector));
        _s.Bot.Connector.Clear();
        return decision;
    }

    [Fact]
    public async Task A_lead_head_asks_from_the_update_form_and_the_request_reaches_the_approver_and_the_chief_of_office()
    {
        var task = await _s.OpenTaskAsync(_s.Nv1, Task5, Milestone5);
        Assert.Contains("\"title\":\"Đề nghị gia hạn\"", task.Readably(), StringComparison.Ordinal);
        Assert.Contains("newDue:proposeExtension.TC-5-1", InputIds(task));

        await _s.InvokeAsync(_s.Nv1, "proposeExtension", Submit(task, "proposeExtension", Ask));

        var decision = Assert.Single(_s.CardsTo(_s.Inspector));
        CardAssert.Valid(decision);
        var text = decision.Readably();
        Assert.Contains("Đề nghị gia hạn thực hiện nhiệm vụ", text, StringComparison.Ordinal);
        Assert.Contains("20/03/2026", text, StringComparison.Ordinal);
        Assert.Contains("Chờ số liệu của các phòng nghiệp vụ", text, StringComparison.Ordinal);
        var approve = Executes(decision, "decideExtension").Select(a => a["data"]!["approve"]!.GetValue<bool>()).ToList();
        Assert.Equal([true, false], approve);
        var office = Assert.Single(_s.CardsTo(_s.Office));
        CardAssert.Valid(office);
        Assert.Contains("Đề nghị gia hạn thực hiện nhiệm vụ", office.Readably(), StringComparison.Ordinal);
        Assert.Empty(Executes(office, "decideExtension")); // the Chief Inspector decides

        var entry = (await _s.Progress.GetHistoryAsync(SamplePlans.Agency, Task5))[^1];
        Assert.Equal((HistoryKinds.ExtensionAsked, "truongphong.nv1@example.gov.vn", Due5, new DateOnly(2026, 3, 20)), (entry.Kind, entry.By, entry.FromDue!.Value, entry.ToDue!.Value));
        Assert.Contains("Đang chờ quyết định gia hạn đến 20/03/2026", (await _s.OpenTaskAsync(_s.Nv1, Task5, Milestone5)).Readably(), StringComparison.Ordinal);

        // The Chief Inspector's "nhiệm vụ của tôi" shows it first.
        _s.Bot.Connector.Clear();
        await _s.Bot.SendTextAsync(_s.Inspector, "nhiệm vụ của tôi");
        var mine = Assert.Single(_s.CardsTo(_s.Inspector));
        CardAssert.Valid(mine);
        Assert.Contains("Việc chờ đồng chí quyết định", mine["body"]![0]!.Readably(), StringComparison.Ordinal);
        Assert.Equal(2, Executes(mine["body"]![0]!, "decideExtension").Count);
    }

    [Fact]
    public async Task Approval_moves_the_due_date_everywhere_keeping_the_original()
    {
        var decision = await AskAsync();

        var answer = await _s.InvokeAsync(_s.Inspector, "decideExtension", Submit(decision, "decideExtension", new Dictionary<string, string> { ["note:decideExtension.TC-5-1"] = "Đồng ý" }, d => d["approve"]!.GetValue<bool>()));

        Assert.Contains("Đã phê duyệt gia hạn: hạn mới 20/03/2026", answer.Readably(), StringComparison.Ordinal);
        var told = Assert.Single(_s.CardsTo(_s.Nv1));
        CardAssert.Valid(told);
        Assert.Contains("Đề nghị gia hạn đã được phê duyệt", told.Readably(), StringComparison.Ordinal);
        Assert.Contains("20/03/2026 (gia hạn từ 10/03/2026)", told.Readably(), StringComparison.Ordinal);
        var entry = (await _s.Progress.GetHistoryAsync(SamplePlans.Agency, Task5))[^1];
        Assert.Equal((HistoryKinds.ExtensionApproved, "chanhthanhtra@example.gov.vn", Due5, new DateOnly(2026, 3, 20)), (entry.Kind, entry.By, entry.FromDue!.Value, entry.ToDue!.Value));

        // The task card, the stored plan untouched.
        var task = await _s.OpenTaskAsync(_s.Nv1, Task5, Milestone5);
        Assert.Contains("Hạn 20/03/2026 · còn 18 ngày (gia hạn từ 10/03/2026)", task.Readably(), StringComparison.Ordinal);
        Assert.Contains("phê duyệt gia hạn 10/03/2026 → 20/03/2026 — Đồng ý", task.Readably(), StringComparison.Ordinal);
        var stored = await new PlanRepository(_s.Bot.Tables).GetAsync(SamplePlans.Agency);
        Assert.Equal(Due5, stored!.Tasks.Single(t => t.Id == Task5).Milestones[0].Due);

        // The digest: its changes name the steps, its lists show the new date.
        _s.Bot.Connector.Clear();
        await _s.Bot.SendTextAsync(_s.Office, "tổng hợp");
        Assert.Contains("phê duyệt gia hạn 10/03/2026 → 20/03/2026", Assert.Single(_s.CardsTo(_s.Office)).Readably(), StringComparison.Ordinal);
        _s.Bot.Time.Advance(TimeSpan.FromDays(10)); // 12/03: past the plan's date, 8 days before the approved one
        var details = await _s.InvokeAsync(_s.Office, "digestDetails", new System.Text.Json.Nodes.JsonObject { ["view"] = "details" });
        Assert.Contains("hạn 20/03/2026 (gia hạn từ 10/03/2026) (còn 8 ngày)", details.Readably(), StringComparison.Ordinal);
        Assert.Contains("Quá hạn (1 mốc)", details.Readably(), StringComparison.Ordinal); // TC-1-1 only: TC-5-1 is not overdue

        // The workbook and the Word report.
        var files = await _s.Bot.Services.GetRequiredService<ReportService>().BuildAllAsync(SamplePlans.Agency, ReportPeriod.Quarter(2026, 1), [ReportFormat.Document, ReportFormat.Workbook], default);
        Assert.Contains("20/03/2026 (gia hạn từ 10/03/2026)", ZipText(files![ReportFormat.Workbook]), StringComparison.Ordinal);
        Assert.Contains("20/03/2026 (gia hạn từ 10/03/2026)", ZipText(files[ReportFormat.Document]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Figures_judge_on_time_against_the_approved_date()
    {
        var decision = await AskAsync();
        await _s.InvokeAsync(_s.Inspector, "decideExtension", Submit(decision, "decideExtension", null, d => d["approve"]!.GetValue<bool>()));
        _s.Bot.Time.Advance(TimeSpan.FromDays(14)); // 16/03: after the plan's date, before the approved one
        await _s.ReportAsync(_s.Nv1, Task5, Milestone5, "Done", "Đã gửi báo cáo");

        var snapshot = await _s.Bot.Services.GetRequiredService<ISnapshotLoader>().LoadAsync(SamplePlans.Agency, default);
        var (task, milestone) = snapshot!.Find(Task5, Milestone5)!.Value;

        Assert.Equal(Standing.DoneOnTime, Tally.StandingOf(snapshot.Item(task, milestone, TaskRole.Lead)));
        Assert.Equal(Due5, milestone.OriginalDue);
    }

    [Fact]
    public async Task Reminders_follow_the_approved_date_at_once()
    {
        var decision = await AskAsync();
        await _s.InvokeAsync(_s.Inspector, "decideExtension", Submit(decision, "decideExtension", null, d => d["approve"]!.GetValue<bool>()));
        _s.Bot.Connector.Clear();
        var sweep = _s.Bot.Services.GetRequiredService<ReminderSweep>();

        await sweep.RunAsync(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(7)), default);
        Assert.DoesNotContain(_s.CardsTo(_s.Nv1), c => c.Readably().Contains(Title5, StringComparison.Ordinal));

        await sweep.RunAsync(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.FromHours(7)), default);
        var reminder = Assert.Single(_s.CardsTo(_s.Nv1), c => c.Readably().Contains(Title5, StringComparison.Ordinal));
        Assert.Contains("(gia hạn từ 10/03/2026)", reminder.Readably(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_extension_the_reminder_comes_on_the_plan_date()
    {
        await _s.Bot.Services.GetRequiredService<ReminderSweep>().RunAsync(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(7)), default);

        Assert.Single(_s.CardsTo(_s.Nv1), c => c.Readably().Contains(Title5, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refusal_is_told_to_the_asker_with_its_note_and_the_date_stays()
    {
        var decision = await AskAsync();
        var refuse = Submit(decision, "decideExtension", new Dictionary<string, string> { ["note:decideExtension.TC-5-1"] = "Đề nghị tập trung hoàn thành đúng hạn" }, d => !d["approve"]!.GetValue<bool>());

        var answer = await _s.InvokeAsync(_s.Inspector, "decideExtension", refuse);

        Assert.Contains("không phê duyệt gia hạn", answer.Readably(), StringComparison.Ordinal);
        var told = Assert.Single(_s.CardsTo(_s.Nv1));
        Assert.Contains("Đề nghị gia hạn không được phê duyệt", told.Readably(), StringComparison.Ordinal);
        Assert.Contains("Đề nghị tập trung hoàn thành đúng hạn", told.Readably(), StringComparison.Ordinal);
        Assert.Empty(await _s.Requests.GetApprovedDuesAsync(SamplePlans.Agency));
        Assert.Equal(HistoryKinds.ExtensionRefused, (await _s.Progress.GetHistoryAsync(SamplePlans.Agency, Task5))[^1].Kind);
        Assert.Contains("Hạn 10/03/2026", (await _s.OpenTaskAsync(_s.Nv1, Task5, Milestone5)).Readably(), StringComparison.Ordinal);

        // Decided: the same card again finds nothing pending.
        var again = await _s.InvokeAsync(_s.Inspector, "decideExtension", Submit(decision, "decideExtension", null, d => d["approve"]!.GetValue<bool>()));
        Assert.Contains("Không có đề nghị gia hạn nào đang chờ quyết định", again.Readably(), StringComparison.Ordinal);
        Assert.Empty(await _s.Requests.GetApprovedDuesAsync(SamplePlans.Agency));
    }

    [Fact]
    public async Task A_refusal_without_a_note_comes_back_on_the_same_card()
    {
        var decision = await AskAsync();

        var answer = await _s.InvokeAsync(_s.Inspector, "decideExtension", Submit(decision, "decideExtension", null, d => !d["approve"]!.GetValue<bool>()));

        Assert.Contains("ghi rõ ý kiến", answer.Readably(), StringComparison.Ordinal);
        Assert.Equal(2, Executes(answer, "decideExtension").Count);
        Assert.Equal(ExtensionState.Pending, (await _s.Requests.GetRequestAsync(SamplePlans.Agency, Milestone5))!.State);
        Assert.Empty(_s.Bot.Connector.Sent);
    }

    [Fact]
    public async Task A_department_head_or_the_chief_of_office_deciding_is_refused()
    {
        var decision = await AskAsync();
        var approve = Submit(decision, "decideExtension", null, d => d["approve"]!.GetValue<bool>());

        var byHead = await _s.InvokeAsync(_s.Nv1, "decideExtension", approve);
        var byOffice = await _s.InvokeAsync(_s.Office, "decideExtension", approve);

        Assert.Contains("Đồng chí không có quyền quyết định gia hạn: theo Kế hoạch, việc gia hạn do Chánh Thanh tra quyết định.", byHead.Readably(), StringComparison.Ordinal);
        Assert.Contains("không có quyền quyết định gia hạn", byOffice.Readably(), StringComparison.Ordinal);
        Assert.Equal(ExtensionState.Pending, (await _s.Requests.GetRequestAsync(SamplePlans.Agency, Milestone5))!.State);
        Assert.Empty(await _s.Requests.GetApprovedDuesAsync(SamplePlans.Agency));
        Assert.Empty(_s.Bot.Connector.Sent);
    }

    [Fact]
    public async Task Only_the_lead_or_the_chief_of_office_may_ask()
    {
        var task = await _s.OpenTaskAsync(_s.Nv1, Task5, Milestone5);

        var byOther = await _s.InvokeAsync(_s.Nv2, "proposeExtension", Submit(task, "proposeExtension", Ask));
        var byInspector = await _s.InvokeAsync(_s.Inspector, "proposeExtension", Submit(task, "proposeExtension", Ask));

        Assert.Contains("không có quyền đề nghị gia hạn", byOther.Readably(), StringComparison.Ordinal);
        Assert.Contains("không có quyền đề nghị gia hạn", byInspector.Readably(), StringComparison.Ordinal);
        Assert.Null(await _s.Requests.GetRequestAsync(SamplePlans.Agency, Milestone5));
        Assert.Empty(_s.Bot.Connector.Sent);
    }

    [Theory]
    [InlineData("2026-03-10")] // not after the due date
    [InlineData("2026-03-01")]
    [InlineData("2028-01-01")] // beyond the year after the plan's
    [InlineData("20/03/2026")]
    [InlineData("")]
    public async Task A_bad_proposed_date_comes_back_on_the_same_card_with_what_was_typed(string date)
    {
        var task = await _s.OpenTaskAsync(_s.Nv1, Task5, Milestone5);
        var inputs = new Dictionary<string, string>(Ask) { ["newDue:proposeExtension.TC-5-1"] = date };

        var answer = await _s.InvokeAsync(_s.Nv1, "proposeExtension", Submit(task, "proposeExtension", inputs));

        var text = answer.Readably();
        Assert.Contains("Hạn đề nghị không hợp lệ", text, StringComparison.Ordinal);
        Assert.Contains("Chờ số liệu của các phòng nghiệp vụ", text, StringComparison.Ordinal); // the reason typed is kept
        Assert.Contains(Title5, text, StringComparison.Ordinal);
        Assert.Null(await _s.Requests.GetRequestAsync(SamplePlans.Agency, Milestone5));
        Assert.Empty(_s.Bot.Connector.Sent);
    }

    [Fact]
    public async Task A_request_without_a_reason_is_refused_on_the_card()
    {
        var task = await _s.OpenTaskAsync(_s.Nv1, Task5, Milestone5);
        var inputs = new Dictionary<string, string>(Ask) { ["note:proposeExtension.TC-5-1"] = "   " };

        var answer = await _s.InvokeAsync(_s.Nv1, "proposeExtension", Submit(task, "proposeExtension", inputs));

        Assert.Contains("ghi rõ lý do đề nghị gia hạn", answer.Readably(), StringComparison.Ordinal);
        Assert.Null(await _s.Requests.GetRequestAsync(SamplePlans.Agency, Milestone5));
    }

    [Fact]
    public async Task The_chief_of_office_proposes_gia_han_from_the_blocker_notice()
    {
        await _s.ReportAsync(_s.Nv1, Task5, Milestone5, "Blocked", "Thiếu kinh phí");
        var notice = Assert.Single(_s.CardsTo(_s.Office));
        _s.Bot.Connector.Clear();

        var answer = await _s.InvokeAsync(_s.Office, "proposeExtension", Submit(notice, "proposeExtension", Ask));

        Assert.Contains("đang chờ Chánh Thanh tra quyết định", answer.Readably(), StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ gặp vướng mắc", answer.Readably(), StringComparison.Ordinal); // the notice, as it now stands
        var decision = Assert.Single(_s.CardsTo(_s.Inspector));
        Assert.Equal(2, Executes(decision, "decideExtension").Count);
        Assert.Empty(_s.CardsTo(_s.Office));
    }

    [Fact]
    public async Task A_resent_approval_is_recorded_once_and_told_once()
    {
        var decision = await AskAsync();
        var approve = Submit(decision, "decideExtension", null, d => d["approve"]!.GetValue<bool>());

        await _s.InvokeAsync(_s.Inspector, "decideExtension", approve, activityId: "decide-1");
        var again = await _s.InvokeAsync(_s.Inspector, "decideExtension", approve, activityId: "decide-1");

        Assert.Contains("đã được ghi nhận trước đó", again.Readably(), StringComparison.Ordinal);
        Assert.Single(await _s.Progress.GetHistoryAsync(SamplePlans.Agency, Task5), h => h.Kind == HistoryKinds.ExtensionApproved);
        Assert.Single(_s.CardsTo(_s.Nv1));
    }

    private static string ZipText(byte[] file)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(file));
        return string.Concat(zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)).Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        }));
    }
}

/// <summary>Plan:ExtensionApprover = ChiefOfOffice: the Chief of Office decides, the Chief Inspector may not; a bad value stops the start.</summary>
public sealed class ExtensionApproverSettingTests
{
    [Fact]
    public async Task With_chief_of_office_as_approver_he_decides_and_the_chief_inspector_is_refused()
    {
        await using var s = await SectionFourBot.StartAsync(new Dictionary<string, string?> { ["Plan:ExtensionApprover"] = "ChiefOfOffice" });
        var task = await s.OpenTaskAsync(s.Nv1, Task5, Milestone5);
        var answer = await s.InvokeAsync(s.Nv1, "proposeExtension", Submit(task, "proposeExtension", new Dictionary<string, string>
        {
            ["newDue:proposeExtension.TC-5-1"] = "2026-03-31",
            ["note:proposeExtension.TC-5-1"] = "Chờ ý kiến Sở Nội vụ",
        }));
        Assert.Contains("đang chờ Chánh Văn phòng quyết định", answer.Readably(), StringComparison.Ordinal);
        Assert.Empty(s.CardsTo(s.Inspector));
        var decision = Assert.Single(s.CardsTo(s.Office)); // one card: the Chief of Office is told and decides
        s.Bot.Connector.Clear();
        await s.Bot.SendTextAsync(s.Office, "nhiệm vụ của tôi");
        var mine = Assert.Single(s.CardsTo(s.Office));
        CardAssert.Valid(mine);
        Assert.Contains("Việc chờ đồng chí quyết định", mine["body"]![0]!.Readably(), StringComparison.Ordinal);
        var approve = Submit(decision, "decideExtension", null, d => d["approve"]!.GetValue<bool>());

        var byInspector = await s.InvokeAsync(s.Inspector, "decideExtension", approve);
        Assert.Contains("việc gia hạn do Chánh Văn phòng quyết định", byInspector.Readably(), StringComparison.Ordinal);

        var byOffice = await s.InvokeAsync(s.Office, "decideExtension", approve);
        Assert.Contains("hạn mới 31/03/2026", byOffice.Readably(), StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 3, 31), (await s.Requests.GetApprovedDuesAsync(SamplePlans.Agency))[Milestone5].Due);
    }

    [Fact]
    public async Task The_approving_chief_of_offices_own_request_waits_at_the_top_of_his_tasks_without_a_second_propose_form()
    {
        await using var s = await SectionFourBot.StartAsync(new Dictionary<string, string?> { ["Plan:ExtensionApprover"] = "ChiefOfOffice" });
        var task = await s.OpenTaskAsync(s.Office, "TC-1", "TC-1-2"); // led by his own office
        await s.InvokeAsync(s.Office, "proposeExtension", Submit(task, "proposeExtension", new Dictionary<string, string>
        {
            ["newDue:proposeExtension.TC-1-2"] = "2027-01-15",
            ["note:proposeExtension.TC-1-2"] = "Chờ số liệu cả năm",
        }));
        s.Bot.Connector.Clear();

        await s.Bot.SendTextAsync(s.Office, "nhiệm vụ của tôi");

        var mine = Assert.Single(s.CardsTo(s.Office));
        Assert.Contains("Việc chờ đồng chí quyết định", mine["body"]![0]!.Readably(), StringComparison.Ordinal);
        Assert.Single(Regex.Matches(mine.ToJsonString(), "\"id\":\"newDue:proposeExtension\\.TC-1-2\""));
        CardAssert.Valid(mine); // every input id once
    }

    [Theory]
    [InlineData("ChánhThanhTra")]
    [InlineData("1")]
    [InlineData("")]
    public void A_bad_value_is_a_settings_error_naming_the_setting(string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Plan:ExtensionApprover"] = value }).Build();

        var e = Assert.Throws<SettingsException>(() => SettingsCheck.Ensure(configuration));

        Assert.Contains("Plan:ExtensionApprover", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ChiefInspector")]
    [InlineData("chiefofoffice")]
    public void Good_values_pass(string value) =>
        SettingsCheck.Ensure(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Plan:ExtensionApprover"] = value }).Build());
}
