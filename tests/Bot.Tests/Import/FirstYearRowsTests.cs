using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CchcBot.Bot.Tests.Staff;
using CchcBot.Bot.Tests.Storage;
using CchcBot.Bot.Tests.Support;
using CchcBot.Bot.Tests.Tab;
using CchcBot.Cards;
using CchcBot.Evidence;
using CchcBot.Reports;
using CchcBot.Storage;
using CchcBot.TestSupport;
using DocumentFormat.OpenXml.Packaging;

namespace CchcBot.Bot.Tests.Import;

/// <summary>
/// Rows stored before plan years were kept apart — keyed by the agency, written as raw <see cref="TableEntity"/>
/// dictionaries with the property names and types the repositories always used — are the first year's (whose scope is
/// the agency): the typed entities read them back as they were, chat and tab show them on that year's milestones, its
/// report lists its files after the next year is imported, and the next year shows none of them. And what the typed
/// entities write keeps those names and types.
/// </summary>
public sealed class FirstYearRowsTests : IAsyncLifetime
{
    private const string Agency = SamplePlans.Agency;
    private const string UploadId = "0123456789abcdef0123456789abcdef";
    private const string LegacyFile = "Kế hoạch rà soát – bản cũ.pdf";
    private static readonly byte[] Pdf = "%PDF-1.4 bản lưu trước"u8.ToArray();
    private static readonly DateTimeOffset At = new(2026, 2, 20, 3, 0, 0, TimeSpan.Zero);
    private BotHarness _bot = null!;
    private TeamsUser _office = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync();
        await _bot.SeedAsync(SamplePlans.Plan(year: 2026), StaffSample.Directory());
        _office = _bot.Register(SampleUsers.ChiefOfOffice());
        _bot.Register(SampleUsers.ChiefInspector());
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    /// <summary>The rows as the repositories wrote them before (the same dictionaries, keyed by the agency).</summary>
    private async Task WriteLegacyRowsAsync()
    {
        var assignments = await _bot.Tables.GetAsync(AssignmentRepository.Table);
        var partition = TableKeys.Compose(Agency, "TC-1");
        await assignments.AddEntityAsync(new TableEntity(partition, "a|" + TableKeys.Encode("TC-1-1") + TableKeys.Separator + TableKeys.Encode(string.Empty))
        {
            ["TaskId"] = "TC-1",
            ["MilestoneId"] = "TC-1-1",
            ["Part"] = string.Empty,
            ["DepartmentId"] = "VP",
            ["Staff"] = StaffSample.VpStaff1,
            ["By"] = "chanhvanphong@example.gov.vn",
            ["ByName"] = "Nguyễn Văn An",
            ["At"] = At,
        });
        await assignments.AddEntityAsync(new TableEntity(partition, "h|" + new string('A', 32))
        {
            ["TaskId"] = "TC-1",
            ["MilestoneId"] = "TC-1-1",
            ["Part"] = string.Empty,
            ["DepartmentId"] = "VP",
            ["From"] = string.Empty,
            ["To"] = StaffSample.VpStaff1,
            ["By"] = "chanhvanphong@example.gov.vn",
            ["ByName"] = "Nguyễn Văn An",
            ["At"] = At,
        });

        var requests = await _bot.Tables.GetAsync(RequestRepository.Table);
        var agencyKey = TableKeys.Encode(Agency);
        await requests.AddEntityAsync(new TableEntity(agencyKey, "x|" + TableKeys.Encode("TC-1-1"))
        {
            ["Id"] = "REQ1",
            ["TaskId"] = "TC-1",
            ["MilestoneId"] = "TC-1-1",
            ["Part"] = string.Empty,
            ["CurrentDue"] = "2026-01-31",
            ["ProposedDue"] = "2026-04-30",
            ["Reason"] = "Chờ số liệu của các phòng nghiệp vụ",
            ["AskedBy"] = "chanhvanphong@example.gov.vn",
            ["AskedByName"] = "Nguyễn Văn An",
            ["AskedAt"] = At,
            ["State"] = "Pending",
            ["DecidedBy"] = null,
            ["DecidedByName"] = null,
            ["DecidedAt"] = null,
            ["DecisionNote"] = null,
            ["DecisionKey"] = null,
        });
        await requests.AddEntityAsync(new TableEntity(agencyKey, "d|" + TableKeys.Encode("TC-1-2"))
        {
            ["TaskId"] = "TC-1",
            ["MilestoneId"] = "TC-1-2",
            ["Due"] = "2027-01-31",
            ["OriginalDue"] = "2026-12-31",
        });
        await requests.AddEntityAsync(new TableEntity(agencyKey, "e|" + TableKeys.Encode("TC-1-2"))
        {
            ["TaskId"] = "TC-1",
            ["MilestoneId"] = "TC-1-2",
            ["Part"] = string.Empty,
            ["Note"] = "Đề nghị Chánh Thanh tra cho ý kiến",
            ["By"] = "chanhvanphong@example.gov.vn",
            ["ByName"] = "Nguyễn Văn An",
            ["At"] = At,
        });

        // An upload attached before uploads had a container of their own or a plan year ("Staged", "Scope" absent).
        var evidence = await _bot.Tables.GetAsync(EvidenceStore.Table);
        var evidencePartition = TableKeys.Compose(Agency, "evidence");
        await evidence.AddEntityAsync(new TableEntity(evidencePartition, TableKeys.Compose("u", UploadId))
        {
            ["By"] = "chanhvanphong@example.gov.vn",
            ["ByName"] = "Nguyễn Văn An",
            ["FileName"] = LegacyFile,
            ["ContentType"] = "application/pdf",
            ["Size"] = (long)Pdf.Length,
            ["At"] = At,
            ["Expires"] = At + EvidenceStore.PendingLifetime,
            ["State"] = EvidenceStore.Attached,
            ["TaskId"] = "TC-1",
            ["MilestoneId"] = "TC-1-1",
            ["AttachedAt"] = At.AddMinutes(1),
        });
        await evidence.AddEntityAsync(new TableEntity(evidencePartition, TableKeys.Compose("f", "TC-1", "TC-1-1", UploadId))
        {
            ["UploadId"] = UploadId,
            ["TaskId"] = "TC-1",
            ["MilestoneId"] = "TC-1-1",
            ["FileName"] = LegacyFile,
            ["ContentType"] = "application/pdf",
            ["Size"] = (long)Pdf.Length,
            ["By"] = "chanhvanphong@example.gov.vn",
            ["ByName"] = "Nguyễn Văn An",
            ["At"] = At.AddMinutes(1),
        });
        var container = await _bot.Services.GetRequiredService<CchcBlobs>().AgencyAsync(Agency, default);
        await container.GetBlobClient(EvidenceStore.BlobName(UploadId)).UploadAsync(new BinaryData(Pdf));
    }

    private async Task<string> TaskCardAsync(string milestoneId)
    {
        var (status, body) = await _bot.InvokeAsync(_office, "refreshTask", new JsonObject { ["taskId"] = "TC-1", ["milestoneId"] = milestoneId });
        Assert.Equal(200, status);
        return body!["value"]!.Readably();
    }

    private static JsonNode Milestone(JsonNode detail, string id) =>
        detail["milestones"]!.AsArray().Single(m => m!["id"]!.GetValue<string>() == id)!;

    [Fact]
    public async Task Rows_written_before_years_were_kept_apart_are_the_first_years_and_read_back_as_they_were()
    {
        await WriteLegacyRowsAsync();

        // The typed entities read every property back as written.
        var assignment = (await new AssignmentRepository(_bot.Tables, _bot.Time).GetAllAsync(Agency)).For("TC-1", "TC-1-1", "")!;
        Assert.Equal(("TC-1", "TC-1-1", "", "VP", "chanhvanphong@example.gov.vn", "Nguyễn Văn An", At), (assignment.TaskId, assignment.MilestoneId, assignment.Part, assignment.DepartmentId, assignment.By, assignment.ByName, assignment.At));
        Assert.Equal([StaffSample.VpStaff1], assignment.Staff);
        var entry = Assert.Single(await new AssignmentRepository(_bot.Tables, _bot.Time).GetHistoryAsync(Agency, "TC-1"));
        Assert.Equal((At, "Nguyễn Văn An", 0), (entry.At, entry.ByName, entry.From.Count));
        Assert.Equal([StaffSample.VpStaff1], entry.To);
        var requests = new RequestRepository(_bot.Tables);
        Assert.Equal(
            new ExtensionRequest("REQ1", "TC-1", "TC-1-1", "", new DateOnly(2026, 1, 31), new DateOnly(2026, 4, 30), "Chờ số liệu của các phòng nghiệp vụ", "chanhvanphong@example.gov.vn", "Nguyễn Văn An", At),
            await requests.GetRequestAsync(Agency, "TC-1-1"));
        Assert.Equal(new ApprovedDue("TC-1", "TC-1-2", new DateOnly(2027, 1, 31), new DateOnly(2026, 12, 31)), (await requests.GetApprovedDuesAsync(Agency))["TC-1-2"]);
        Assert.Equal(new BlockerEscalation("TC-1", "TC-1-2", "", "Đề nghị Chánh Thanh tra cho ý kiến", "chanhvanphong@example.gov.vn", "Nguyễn Văn An", At), await requests.GetAsync(Agency, "TC-1-2"));
        var store = _bot.Services.GetRequiredService<EvidenceStore>();
        var upload = (await store.GetUploadAsync(Agency, UploadId, default))!;
        Assert.Equal((LegacyFile, (long)Pdf.Length, At, At + EvidenceStore.PendingLifetime, EvidenceStore.Attached, false, Agency, "TC-1-1"),
            (upload.FileName, upload.Size, upload.At, upload.Expires, upload.State, upload.Staged, upload.Scope, upload.MilestoneId));
        Assert.Equal(
            new EvidenceFile(UploadId, "TC-1", "TC-1-1", LegacyFile, "application/pdf", Pdf.Length, "chanhvanphong@example.gov.vn", "Nguyễn Văn An", At.AddMinutes(1)),
            Assert.Single(await store.FilesAsync(Agency, Agency, default)));

        // Chat and tab show them on the first year's milestones.
        var card = await TaskCardAsync("TC-1-1");
        Assert.Contains(StaffStrings.Assignees(StaffSample.VpStaff1), card, StringComparison.Ordinal);
        Assert.Contains(StaffStrings.AssignedHistory(StaffSample.VpStaff1), card, StringComparison.Ordinal);
        Assert.Contains(LegacyFile, card, StringComparison.Ordinal);
        Assert.Contains("Đang chờ quyết định gia hạn đến 30/04/2026", card, StringComparison.Ordinal);
        Assert.Equal(["extension", "escalation"], (await ProgressApiTests.GetAsync(_bot, "/api/progress", TabData.ChiefInspector))["decisions"]!.AsArray().Select(d => d!["kind"]!.GetValue<string>()));
        Assert.Single((await ProgressApiTests.GetAsync(_bot, "/api/progress", StaffSample.VpStaff1))["milestones"]!.AsArray());
        var detail = await ProgressApiTests.GetAsync(_bot, "/api/progress/tasks/TC-1", TabData.ChiefOfOffice);
        Assert.Equal("31/01/2027", Milestone(detail, "TC-1-2")["due"]!.GetValue<string>()); // the approved date
        var file = Assert.Single(Milestone(detail, "TC-1-1")["files"]!.AsArray())!;
        Assert.Equal(LegacyFile, file["name"]!.GetValue<string>());
        using (var download = await _bot.Http.GetAsync(file["url"]!.GetValue<string>()))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        }

        // After the next year's plan: the first year's report still lists the file; the next year's milestones show none of it.
        await new PlanRepository(_bot.Tables).SaveAsync(SamplePlans.Plan(year: 2027));
        Assert.True(ReportPeriod.TryParseKey("2026-Q1", out var period));
        var report = await _bot.Services.GetRequiredService<ReportService>().BuildAsync(Agency, period, ReportFormat.Document, default, 2026);
        using (var document = WordprocessingDocument.Open(new MemoryStream(report!), false))
        {
            Assert.Contains(LegacyFile, document.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        }

        var next = await TaskCardAsync("TC-1-1");
        Assert.DoesNotContain(LegacyFile, next, StringComparison.Ordinal);
        Assert.DoesNotContain(StaffStrings.Assignees(StaffSample.VpStaff1), next, StringComparison.Ordinal);
        Assert.DoesNotContain("Đang chờ quyết định gia hạn", next, StringComparison.Ordinal);
        Assert.Empty((await ProgressApiTests.GetAsync(_bot, "/api/progress", TabData.ChiefInspector))["decisions"]!.AsArray());
        var nextDetail = await ProgressApiTests.GetAsync(_bot, "/api/progress/tasks/TC-1", TabData.ChiefOfOffice);
        Assert.Equal("31/12/2027", Milestone(nextDetail, "TC-1-2")["due"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_typed_entities_write_the_property_names_and_types_rows_always_had()
    {
        var store = _bot.Services.GetRequiredService<EvidenceStore>();
        var upload = await store.StorePendingAsync(Agency, "chanhvanphong@example.gov.vn", "Nguyễn Văn An", "a.pdf", "application/pdf", Pdf, default);
        var evidence = await _bot.Tables.GetAsync(EvidenceStore.Table);
        var partition = TableKeys.Compose(Agency, "evidence");
        var pending = (await evidence.GetEntityAsync<TableEntity>(partition, TableKeys.Compose("u", upload.Id))).Value;
        Assert.IsType<long>(pending["Size"]);
        Assert.IsType<DateTimeOffset>(pending["At"]);
        Assert.IsType<DateTimeOffset>(pending["Expires"]);
        Assert.Equal(true, pending["Staged"]);
        Assert.Equal(EvidenceStore.Pending, pending["State"]);
        Assert.Equal(AttachOutcome.Attached, await store.AttachAsync(upload, Agency, "TC-1", "TC-1-1", default));
        var attached = (await evidence.GetEntityAsync<TableEntity>(partition, TableKeys.Compose("u", upload.Id))).Value;
        Assert.Equal(("TC-1", "TC-1-1", EvidenceStore.Attached), (attached["TaskId"], attached["MilestoneId"], attached["State"]));
        Assert.IsType<DateTimeOffset>(attached["AttachedAt"]);
        var fileRow = (await evidence.GetEntityAsync<TableEntity>(partition, TableKeys.Compose("f", "TC-1", "TC-1-1", upload.Id))).Value;
        Assert.Equal((upload.Id, "a.pdf", "application/pdf", (long)Pdf.Length), (fileRow["UploadId"], fileRow["FileName"], fileRow["ContentType"], fileRow["Size"]));
        Assert.IsType<DateTimeOffset>(fileRow["At"]);

        var requests = new RequestRepository(_bot.Tables);
        await requests.SaveRequestAsync(Agency, new ExtensionRequest("R", "TC-1", "TC-1-1", "", new DateOnly(2026, 1, 31), new DateOnly(2026, 4, 30), "Lý do", "a@example.gov.vn", "A", At));
        var requestRow = (await (await _bot.Tables.GetAsync(RequestRepository.Table)).GetEntityAsync<TableEntity>(TableKeys.Encode(Agency), "x|TC-1-1")).Value;
        Assert.Equal(("2026-01-31", "2026-04-30", "Pending"), (requestRow["CurrentDue"], requestRow["ProposedDue"], requestRow["State"]));
        Assert.Equal(At, requestRow["AskedAt"]);

        await new AssignmentRepository(_bot.Tables, _bot.Time).AssignAsync(new AssignmentChange(
            Agency, "TC-1", "TC-1-1", "", "VP", [StaffSample.VpStaff1, StaffSample.VpStaff2], "chanhvanphong@example.gov.vn", "Nguyễn Văn An", "op"));
        var current = (await (await _bot.Tables.GetAsync(AssignmentRepository.Table)).GetEntityAsync<TableEntity>(TableKeys.Compose(Agency, "TC-1"), "a|TC-1-1|")).Value;
        Assert.Equal($"{StaffSample.VpStaff1}\n{StaffSample.VpStaff2}", current["Staff"]);
        Assert.IsType<DateTimeOffset>(current["At"]);
    }
}
