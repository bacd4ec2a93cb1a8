using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CchcBot.Bot.Tests.Staff;
using CchcBot.Bot.Tests.Storage;
using CchcBot.Bot.Tests.Support;
using CchcBot.Bot.Tests.Tab;
using CchcBot.Cards;
using CchcBot.Reports;
using CchcBot.Storage;
using CchcBot.TestSupport;
using DocumentFormat.OpenXml.Packaging;

namespace CchcBot.Bot.Tests.Import;

/// <summary>
/// What is recorded on a plan year's milestones — staff assignments, evidence files, extension requests, escalations —
/// stays with that year: after the next year's plan is imported with the same task and milestone ids, its milestones
/// show none of the previous year's, and the previous year's report still lists its own files only. Over HTTP with the
/// real adapter (chat and tab), storage on Azurite. The sample plan of 2026 (TC-1 led by the Office: TC-1-1 due 31/01,
/// TC-1-2 due 31/12), then the same plan for 2027.
/// </summary>
public sealed class PlanYearRecordsTests : IAsyncLifetime
{
    private const string File2026 = "Kế hoạch rà soát 2026.pdf";
    private const string File2027 = "Kế hoạch rà soát 2027.pdf";
    private FakeFileHost _files = null!;
    private BotHarness _bot = null!;
    private TeamsUser _office = null!;
    private TeamsUser _inspector = null!;

    public async Task InitializeAsync()
    {
        _files = await FakeFileHost.StartAsync();
        _bot = await BotHarness.StartAsync(settings: new Dictionary<string, string?> { ["Import:AllowedDownloadHosts:0"] = "127.0.0.1" });
        await _bot.SeedAsync(SamplePlans.Plan(year: 2026), StaffSample.Directory());
        _office = _bot.Register(SampleUsers.ChiefOfOffice());
        _inspector = _bot.Register(SampleUsers.ChiefInspector());
        _bot.Register(StaffSample.Vp1());
        foreach (var user in new[] { _office, _inspector })
        {
            await _bot.SendTextAsync(user, "trợ giúp"); // each has a chat with the bot
        }
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _files.DisposeAsync();
    }

    private async Task ImportAsync(int year) => Assert.True((await new PlanRepository(_bot.Tables).SaveAsync(SamplePlans.Plan(year: year))).Changed);

    private async Task<string> InvokeAsync(TeamsUser user, string verb, JsonObject data)
    {
        var (status, body) = await _bot.InvokeAsync(user, verb, data);
        Assert.Equal(200, status);
        CardAssert.Valid(body!["value"]!);
        return body["value"]!.Readably();
    }

    private Task<string> TaskCardAsync(string milestoneId) =>
        InvokeAsync(_office, "refreshTask", new JsonObject { ["taskId"] = "TC-1", ["milestoneId"] = milestoneId });

    /// <summary>The Office head sends a PDF in chat and attaches it from the picker card.</summary>
    private async Task AttachAsync(string milestoneId, string fileName)
    {
        _bot.Connector.Clear();
        var url = _files.Add(Encoding.ASCII.GetBytes("%PDF-1.4 " + fileName));
        using var sent = await _bot.PostAsync(Activities.FileMessage(_bot.Connector.ServiceUrl, _office, fileName, url));
        var picker = Assert.Single(_bot.Connector.Sent).Card!;
        var uploadId = picker.Readably().Split("\"uploadId\":\"")[1][..32];
        var answer = await InvokeAsync(_office, CardContract.Verbs.AttachEvidence, new JsonObject
        {
            ["uploadId"] = uploadId,
            ["taskId"] = "TC-1",
            ["milestoneId"] = milestoneId,
        });
        Assert.Contains("Đã đính kèm", answer, StringComparison.Ordinal);
    }

    private Task<string> AssignAsync(string staff) =>
        InvokeAsync(_office, "assign", new JsonObject { ["taskId"] = "TC-1", ["milestoneId"] = "TC-1-1", ["assignee:TC-1-1"] = staff });

    /// <summary>The Office head asks for more time on TC-1-1.</summary>
    private async Task ProposeAsync(string newDue, string shown)
    {
        var asked = await InvokeAsync(_office, "proposeExtension", new JsonObject
        {
            ["taskId"] = "TC-1",
            ["milestoneId"] = "TC-1-1",
            ["view"] = "task",
            ["newDue:proposeExtension.TC-1-1"] = newDue,
            ["note:proposeExtension.TC-1-1"] = "Chờ số liệu của các phòng nghiệp vụ",
        });
        Assert.Contains($"Đã gửi đề nghị gia hạn đến {shown}", asked, StringComparison.Ordinal);
    }

    /// <summary>The Office reports TC-1-2 blocked and submits it to the Chief Inspector.</summary>
    private async Task BlockAndEscalateAsync(string note)
    {
        await InvokeAsync(_office, "updateStatus", new JsonObject
        {
            ["taskId"] = "TC-1",
            ["milestoneId"] = "TC-1-2",
            ["view"] = "task",
            ["status:TC-1-2"] = "Blocked",
            ["note:TC-1-2"] = "Chưa có hướng dẫn của Thanh tra Chính phủ",
        });
        await InvokeAsync(_office, "escalateBlocker", new JsonObject
        {
            ["taskId"] = "TC-1",
            ["milestoneId"] = "TC-1-2",
            ["view"] = "task",
            ["note:escalateBlocker.TC-1-2"] = note,
        });
    }

    private Task<string> ApproveAsync() =>
        InvokeAsync(_inspector, "decideExtension", new JsonObject { ["taskId"] = "TC-1", ["milestoneId"] = "TC-1-1", ["approve"] = true });

    private async Task<string> ReportTextAsync(string periodKey, int planYear)
    {
        Assert.True(ReportPeriod.TryParseKey(periodKey, out var period));
        var file = await _bot.Services.GetRequiredService<ReportService>().BuildAsync(SamplePlans.Agency, period, ReportFormat.Document, default, planYear);
        using var document = WordprocessingDocument.Open(new MemoryStream(file!), false);
        return document.MainDocumentPart!.Document.Body!.InnerText;
    }

    private async Task<JsonNode> TabAsync(string path, string user) => await ProgressApiTests.GetAsync(_bot, path, user);

    private static JsonNode Milestone(JsonNode detail, string id) =>
        detail["milestones"]!.AsArray().Single(m => m!["id"]!.GetValue<string>() == id)!;

    [Fact]
    public async Task The_next_years_milestones_show_none_of_the_previous_years_assignments_files_requests_or_escalations()
    {
        // 2026: TC-1-1 given to a member of staff, a file attached, more time asked; TC-1-2 blocked and submitted to the Chief Inspector.
        await AssignAsync(StaffSample.VpStaff1);
        await AttachAsync("TC-1-1", File2026);
        await ProposeAsync("2026-04-30", "30/04/2026");
        await BlockAndEscalateAsync("Đề nghị Chánh Thanh tra cho ý kiến");

        // As 2026 stands: everything shows.
        var card2026 = await TaskCardAsync("TC-1-1");
        Assert.Contains($"Cán bộ thực hiện: {StaffSample.VpStaff1}", card2026, StringComparison.Ordinal);
        Assert.Contains(File2026, card2026, StringComparison.Ordinal);
        Assert.Contains("Đang chờ quyết định gia hạn đến 30/04/2026", card2026, StringComparison.Ordinal);
        Assert.Equal(["extension", "escalation"], (await TabAsync("/api/progress", TabData.ChiefInspector))["decisions"]!.AsArray().Select(d => d!["kind"]!.GetValue<string>()));
        Assert.Single((await TabAsync("/api/progress", StaffSample.VpStaff1))["milestones"]!.AsArray());

        await ImportAsync(2027);

        // The 2027 milestones of the same ids: no staff, no file, no request, nothing submitted.
        var card2027 = await TaskCardAsync("TC-1-1");
        Assert.Contains("31/01/2027", card2027, StringComparison.Ordinal); // the 2027 plan's card
        Assert.DoesNotContain("Cán bộ thực hiện: ", card2027, StringComparison.Ordinal);
        Assert.DoesNotContain(StaffStrings.AssignedHistory(StaffSample.VpStaff1), card2027, StringComparison.Ordinal); // the assignment's history
        Assert.DoesNotContain(File2026, card2027, StringComparison.Ordinal);
        Assert.DoesNotContain("Đang chờ quyết định gia hạn", card2027, StringComparison.Ordinal);
        Assert.Empty((await TabAsync("/api/progress", TabData.ChiefInspector))["decisions"]!.AsArray());
        Assert.Empty((await TabAsync("/api/progress", TabData.ChiefOfOffice))["decisions"]!.AsArray());
        Assert.Empty((await TabAsync("/api/progress", StaffSample.VpStaff1))["milestones"]!.AsArray());
        var detail = await TabAsync("/api/progress/tasks/TC-1", TabData.ChiefOfOffice);
        Assert.Empty(Milestone(detail, "TC-1-1")["files"]!.AsArray());
        _bot.Connector.Clear();
        await _bot.SendTextAsync(_inspector, "nhiệm vụ của tôi");
        var mine = _bot.Connector.Sent[^1].Card!.Readably();
        Assert.DoesNotContain("\"verb\":\"decideExtension\"", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("Việc chờ đồng chí quyết định", mine, StringComparison.Ordinal);

        // A 2027 file on TC-1-1: the 2026 report lists the 2026 file only, the 2027 report the 2027 one only.
        await AttachAsync("TC-1-1", File2027);
        var report2026 = await ReportTextAsync("2026-Q1", 2026);
        Assert.Contains(File2026, report2026, StringComparison.Ordinal);
        Assert.DoesNotContain(File2027, report2026, StringComparison.Ordinal);
        var report2027 = await ReportTextAsync("2027-Q1", 2027);
        Assert.Contains(File2027, report2027, StringComparison.Ordinal);
        Assert.DoesNotContain(File2026, report2027, StringComparison.Ordinal);
        var now2027 = await TaskCardAsync("TC-1-1");
        Assert.Contains(File2027, now2027, StringComparison.Ordinal);
        Assert.DoesNotContain(File2026, now2027, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Steps_taken_in_the_next_year_leave_the_previous_years_records_as_they_were()
    {
        await AssignAsync(StaffSample.VpStaff1);
        await ProposeAsync("2026-04-30", "30/04/2026");
        await BlockAndEscalateAsync("Trình năm 2026");
        await ImportAsync(2027);

        // The 2026 request's decision card, used in 2027: no request waits on the 2027 milestone, its date stays the plan's.
        Assert.Contains(BlockerActionStrings.NoPending, await ApproveAsync(), StringComparison.Ordinal);
        Assert.Equal("31/01/2027", Milestone(await TabAsync("/api/progress/tasks/TC-1", TabData.ChiefOfOffice), "TC-1-1")["due"]!.GetValue<string>());

        // 2027: the same steps on the same ids, and the request approved.
        await AssignAsync(StaffSample.VpStaff2);
        await ProposeAsync("2027-03-31", "31/03/2027");
        await BlockAndEscalateAsync("Trình năm 2027");
        await ApproveAsync();

        var plans = new PlanRepository(_bot.Tables);
        var (y2026, y2027) = ((await plans.GetAsync(SamplePlans.Agency, 2026))!.ProgressScope, (await plans.GetAsync(SamplePlans.Agency, 2027))!.ProgressScope);
        Assert.Equal(SamplePlans.Agency, y2026);
        var assignments = new AssignmentRepository(_bot.Tables, _bot.Time);
        Assert.Equal([StaffSample.VpStaff1], (await assignments.GetAllAsync(y2026)).For("TC-1", "TC-1-1", "")!.Staff);
        Assert.Equal([StaffSample.VpStaff2], (await assignments.GetAllAsync(y2027)).For("TC-1", "TC-1-1", "")!.Staff);
        Assert.Empty(Assert.Single(await assignments.GetHistoryAsync(y2027, "TC-1")).From); // not "from chuyenvien1": 2026's is not 2027's
        var requests = new RequestRepository(_bot.Tables);
        Assert.Equal((ExtensionState.Pending, new DateOnly(2026, 4, 30)), (await requests.GetRequestAsync(y2026, "TC-1-1")) is { } r2026 ? (r2026.State, r2026.ProposedDue) : default);
        Assert.Equal((ExtensionState.Approved, new DateOnly(2027, 3, 31)), (await requests.GetRequestAsync(y2027, "TC-1-1")) is { } r2027 ? (r2027.State, r2027.ProposedDue) : default);
        Assert.Empty(await requests.GetApprovedDuesAsync(y2026));
        Assert.Equal(new DateOnly(2027, 3, 31), (await requests.GetApprovedDuesAsync(y2027))["TC-1-1"].Due);
        Assert.Equal("Trình năm 2026", (await requests.GetAsync(y2026, "TC-1-2"))!.Note);
        Assert.Equal("Trình năm 2027", (await requests.GetAsync(y2027, "TC-1-2"))!.Note);
        var card = await TaskCardAsync("TC-1-1");
        Assert.Contains($"Cán bộ thực hiện: {StaffSample.VpStaff2}", card, StringComparison.Ordinal);
        Assert.DoesNotContain(StaffStrings.AssignedHistory(StaffSample.VpStaff1), card, StringComparison.Ordinal);
        Assert.Equal("31/03/2027", Milestone(await TabAsync("/api/progress/tasks/TC-1", TabData.ChiefOfOffice), "TC-1-1")["due"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_evidence_picker_offers_first_the_milestone_just_updated_in_the_next_year()
    {
        await ImportAsync(2027);
        await InvokeAsync(_office, "updateStatus", new JsonObject
        {
            ["taskId"] = "TC-1",
            ["milestoneId"] = "TC-1-2",
            ["view"] = "task",
            ["status:TC-1-2"] = "InProgress",
            ["note:TC-1-2"] = "Đang tổng hợp",
        });
        _bot.Connector.Clear();

        using var sent = await _bot.PostAsync(Activities.FileMessage(_bot.Connector.ServiceUrl, _office, File2027, _files.Add(Encoding.ASCII.GetBytes("%PDF-1.4"))));

        var picker = Assert.Single(_bot.Connector.Sent).Card!.Readably();
        Assert.Contains(CchcBot.Cards.EvidencePickerCard.RecentMark, picker, StringComparison.Ordinal);
        Assert.Equal("TC-1-2", picker.Split("\"milestoneId\":\"")[1].Split('"')[0]); // the 2027 update, not the earliest due
    }

    [Fact]
    public async Task A_download_link_of_a_next_year_file_serves_it()
    {
        await ImportAsync(2027);
        await AttachAsync("TC-1-2", File2027);

        var detail = await TabAsync("/api/progress/tasks/TC-1", TabData.ChiefOfOffice);
        var file = Assert.Single(Milestone(detail, "TC-1-2")["files"]!.AsArray())!;
        Assert.Equal(File2027, file["name"]!.GetValue<string>());
        using var download = await _bot.Http.GetAsync(file["url"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Encoding.ASCII.GetBytes("%PDF-1.4 " + File2027), await download.Content.ReadAsByteArrayAsync());
    }
}
