using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using CchcBot.Bot.Tests.Storage;
using CchcBot.Bot.Tests.Support;
using CchcBot.Cards;
using CchcBot.Reports;
using CchcBot.Storage;
using CchcBot.TestSupport;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace CchcBot.Bot.Tests.Evidence;

/// <summary>
/// The evidence in the periodic report: the Word document's Phụ lục and the workbook name each milestone's attached
/// files (read back with the Open XML SDK). And the report files themselves, now in Blob Storage: a blob per link in
/// the reports container, its content type recorded; links stored in the Ledger table before the move still work
/// until their hour is over.
/// </summary>
public sealed class EvidenceReportTests : IAsyncLifetime
{
    private const string FileName = "KH rà soát VBQPPL (đã ký).pdf";
    private FakeFileHost _files = null!;
    private BotHarness _bot = null!;
    private TeamsUser _office = null!;

    public async Task InitializeAsync()
    {
        _files = await FakeFileHost.StartAsync();
        _bot = await BotHarness.StartAsync(settings: new Dictionary<string, string?> { ["Import:AllowedDownloadHosts:0"] = "127.0.0.1" });
        await _bot.SeedAsync();
        _office = _bot.Register(SampleUsers.ChiefOfOffice());
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _files.DisposeAsync();
    }

    private async Task AttachAsync(string taskId, string milestoneId)
    {
        _bot.Connector.Clear();
        var url = _files.Add(Encoding.ASCII.GetBytes("%PDF-1.4 ký số"));
        using var sent = await _bot.PostAsync(Activities.FileMessage(_bot.Connector.ServiceUrl, _office, FileName, url));
        var card = Assert.Single(_bot.Connector.Sent).Card!;
        var uploadId = card.Readably().Split("\"uploadId\":\"")[1][..32];
        var (status, body) = await _bot.InvokeAsync(_office, CardContract.Verbs.AttachEvidence, new JsonObject
        {
            ["uploadId"] = uploadId,
            ["taskId"] = taskId,
            ["milestoneId"] = milestoneId,
        });
        Assert.Equal(200, status);
        Assert.Contains("Đã đính kèm", body!["value"]!.Readably(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_word_appendix_and_the_workbook_list_the_attached_files_by_name()
    {
        await AttachAsync("TC-1", "TC-1-1");
        Assert.True(ReportPeriod.TryParseKey("2026-Q1", out var period));

        var files = (await _bot.Services.GetRequiredService<ReportService>()
            .BuildAllAsync(SamplePlans.Agency, period, [ReportFormat.Document, ReportFormat.Workbook], default))!;

        using (var document = WordprocessingDocument.Open(new MemoryStream(files[ReportFormat.Document]), false))
        {
            var rows = document.MainDocumentPart!.Document.Body!.Elements<Table>().Last().Elements<TableRow>()
                .Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
            Assert.Equal("Tài liệu kiểm chứng", rows[0][^1]);
            var withFile = Assert.Single(rows, r => r[^1].Contains(FileName, StringComparison.Ordinal));
            Assert.Equal("Kế hoạch", withFile[3]);
            Assert.StartsWith("Xây dựng và triển khai kế hoạch rà soát", withFile[2], StringComparison.Ordinal);
        }

        using var workbook = SpreadsheetDocument.Open(new MemoryStream(files[ReportFormat.Workbook]), false);
        var sheet = workbook.WorkbookPart!.Workbook.Sheets!.Elements<X.Sheet>().ElementAt(1); // the first area: Cải cách thể chế
        var table = ((WorksheetPart)workbook.WorkbookPart.GetPartById(sheet.Id!)).Worksheet.Descendants<X.Row>()
            .Select(r => r.Elements<X.Cell>().Select(c => c.InlineString?.Text?.Text ?? c.CellValue?.Text ?? string.Empty).ToList()).ToList();
        var header = table.First(r => r.Contains("Sản phẩm"));
        var column = header.IndexOf("Tài liệu kiểm chứng (tệp đính kèm)");
        Assert.True(column > 0);
        var listed = table.Where(r => r.Count > column && r[column].Contains(FileName, StringComparison.Ordinal)).ToList();
        Assert.Equal("Kế hoạch", Assert.Single(listed)[header.IndexOf("Sản phẩm")]);
    }

    [Fact]
    public async Task A_report_file_is_a_blob_in_the_reports_container_with_its_content_type()
    {
        var downloads = _bot.Services.GetRequiredService<ReportDownloads>();
        var token = await downloads.StoreAsync("bao-cao.docx", [1, 2, 3], default);

        var prefix = _bot.Tables.NameOf(string.Empty).ToLowerInvariant();
        var blob = new BlobServiceClient(AzuriteServer.Shared.ConnectionString).GetBlobContainerClient(prefix + "-reports").GetBlobClient(ReportDownloads.BlobName(token));
        var properties = await blob.GetPropertiesAsync();
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", properties.Value.ContentType);
        Assert.DoesNotContain(token, blob.Name, StringComparison.Ordinal);

        using var response = await _bot.Http.GetAsync("/reports/" + token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("bao-cao.docx", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal(new byte[] { 1, 2, 3 }, await response.Content.ReadAsByteArrayAsync());

        _bot.Time.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(1, await downloads.DeleteExpiredAsync(default));
        Assert.False(await blob.ExistsAsync());
    }

    [Fact]
    public async Task A_report_stored_in_the_ledger_before_the_move_is_served_until_its_hour_is_over()
    {
        var token = new string('c', 48);
        var ledger = await _bot.Tables.GetAsync(CchcTables.Ledger);
        await ledger.AddEntityAsync(new TableEntity("report-downloads", token)
        {
            ["FileName"] = "cu.xlsx",
            ["Expires"] = _bot.Time.GetUtcNow().AddMinutes(30),
            ["Chunks"] = 1,
            ["C0"] = new byte[] { 9, 8, 7 },
        });

        using (var before = await _bot.Http.GetAsync("/reports/" + token))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
            Assert.Equal(new byte[] { 9, 8, 7 }, await before.Content.ReadAsByteArrayAsync());
        }

        _bot.Time.Advance(TimeSpan.FromMinutes(31));
        using var after = await _bot.Http.GetAsync("/reports/" + token);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.False((await ledger.GetEntityIfExistsAsync<TableEntity>("report-downloads", token)).HasValue);
    }
}
