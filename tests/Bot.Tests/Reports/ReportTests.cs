using CchcBot.Bot.Tests.Storage;
using CchcBot.Bot.Tests.Support;
using CchcBot.Plan;
using CchcBot.Reports;
using CchcBot.Storage;
using CchcBot.TestSupport;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CchcBot.Bot.Tests.Reports;

public sealed class ReportTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 7, 3, 10, 0, 0, TimeSpan.FromHours(7));
    private BotHarness _bot = null!;
    private TeamsUser _office = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync(Now);
        await _bot.SeedAsync();
        _office = _bot.Register(SampleUsers.ChiefOfOffice());
        await new ProgressRepository(_bot.Tables).RecordAsync(new ProgressUpdate(
            SamplePlans.Agency, "TC-1", "TC-1-1", "op", "chanhvanphong@example.gov.vn", "Nguyễn Văn An", new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.FromHours(7)),
            MilestoneStatus.Done, "Đã ban hành", "15/KH-TTr"));
        await new ProgressRepository(_bot.Tables).RecordAsync(new ProgressUpdate(
            SamplePlans.Agency, "TC-1", "TC-1-1", "op-2", "truongphong.nv1@example.gov.vn", "Trần Thị Bình", new DateTimeOffset(2026, 1, 18, 9, 0, 0, TimeSpan.FromHours(7)),
            null, "Đã rà soát 12 văn bản", null));
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("2026-Q4", "2026-10-01", "2026-12-31", "quý IV năm 2026")]
    [InlineData("2024-q1", "2024-01-01", "2024-03-31", "quý I năm 2024")]
    public void Quarters_parse(string text, string start, string end, string label)
    {
        var p = ReportPeriod.ParseQuarter(text);
        Assert.Equal((start, end, label), (p.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), p.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), p.Label));
    }

    [Theory]
    [InlineData("2026-Q5")]
    [InlineData("Q4-2026")]
    [InlineData("2026")]
    [InlineData("")]
    public void Bad_quarters_are_refused_with_the_expected_form(string text) =>
        Assert.Contains("YYYY-Qn", Assert.Throws<FormatException>(() => ReportPeriod.ParseQuarter(text)).Message, StringComparison.Ordinal);

    [Fact]
    public async Task The_workbook_reads_back_cell_by_cell()
    {
        var bytes = await _bot.Services.GetRequiredService<ReportService>().BuildAsync(SamplePlans.Agency, ReportPeriod.Quarter(2026, 1), default);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes!), false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Tổng hợp", "1. Thể chế", "2. Thủ tục hành chính"], sheets.Select(s => s.Name!.Value));

        var summary = Cells(workbook, sheets[0]);
        Assert.StartsWith("Báo cáo kết quả thực hiện Kế hoạch CCHC quý I năm 2026", summary["A1"], StringComparison.Ordinal);
        Assert.Equal("Số liệu tính đến ngày 14/03/2026", summary["A2"]); // the cut-off: the 14th of the last month

        var area = Cells(workbook, sheets[1]);
        Assert.Equal(ReportPeriodHeaders(), Enumerable.Range(0, ReportPeriodHeaders().Length).Select(i => area[$"{(char)('A' + i)}1"]));
        Assert.Equal("Xây dựng và triển khai kế hoạch rà soát văn bản quy phạm pháp luật", area["B2"]);
        Assert.Equal(new DateTime(2026, 1, 31).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture), area["F2"]);
        Assert.Equal("x", area["G2"]);
        Assert.Equal(("Hoàn thành", "15/KH-TTr", "Đã ban hành"), (area["H2"], area["J2"], area["K2"]));
        Assert.Equal(("Hoàn thành đúng hạn", "Trần Thị Bình (18/01/2026): Đã rà soát 12 văn bản"), (area["L2"], area["M2"]));
        Assert.Equal(("Chưa hoàn thành, trong hạn", string.Empty), (area["L3"], area["M3"]));
        Assert.Equal(new DateTime(2026, 1, 20).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture), area["I2"]);
        Assert.Equal("Chưa thực hiện", area["H3"]);
        Assert.Equal(string.Empty, area["G3"]);

        var worksheet = ((WorksheetPart)workbook.GetPartById(sheets[1].Id!)).Worksheet;
        var pane = worksheet.Descendants<Pane>().Single();
        Assert.Equal(("A2", 1.0), (pane.TopLeftCell!.Value, pane.VerticalSplit!.Value));
        var widths = worksheet.Descendants<Column>().Select(c => c.Width!.Value).ToList();
        Assert.True(widths[1] > 40, "the title column fits long titles");
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var styles = workbook.WorkbookStylesPart!.Stylesheet;
        Assert.Contains(styles.NumberingFormats!.Elements<NumberingFormat>(), f => f.FormatCode == "dd/mm/yyyy");
    }

    [Fact]
    public async Task The_workbook_prints_on_A4_landscape_one_page_wide_with_its_header_on_every_page()
    {
        var bytes = await _bot.Services.GetRequiredService<ReportService>().BuildAsync(SamplePlans.Agency, ReportPeriod.Quarter(2026, 1), default);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes!), false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        var titles = workbook.Workbook.DefinedNames!.Elements<DefinedName>().Where(d => d.Name == "_xlnm.Print_Titles").ToList();
        var stylesheet = workbook.WorkbookStylesPart!.Stylesheet;
        var formats = stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        foreach (var (sheet, index) in sheets.Select((s, i) => (s, i)))
        {
            var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
            var setup = worksheet.Elements<PageSetup>().Single();
            Assert.Equal((9u, OrientationValues.Landscape, 1u, 0u), (setup.PaperSize!.Value, setup.Orientation!.Value, setup.FitToWidth!.Value, setup.FitToHeight!.Value));
            Assert.True(worksheet.SheetProperties!.PageSetupProperties!.FitToPage!.Value);
            var headerRow = index == 0 ? 4 : 1;
            Assert.Equal($"'{sheet.Name}'!${headerRow}:${headerRow}", titles.Single(t => t.LocalSheetId!.Value == index).Text);
            var header = worksheet.Descendants<Row>().Single(r => r.RowIndex!.Value == headerRow).Elements<Cell>().First();
            var headerFormat = formats[(int)header.StyleIndex!.Value];
            Assert.Equal(1u, headerFormat.BorderId!.Value); // the table is bordered
            Assert.True(headerFormat.Alignment!.WrapText!.Value);
        }

        var summary = ((WorksheetPart)workbook.GetPartById(sheets[0].Id!)).Worksheet;
        var percent = summary.Descendants<Cell>().Single(c => c.CellReference == "C6"); // "Hoàn thành đúng hạn": 1 of 3
        Assert.Equal(1.0 / 3, double.Parse(percent.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture), 6);
        Assert.Equal(9u, formats[(int)percent.StyleIndex!.Value].NumberFormatId!.Value); // 0%
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
    }

    [Fact]
    public async Task The_chief_of_office_gets_a_download_link_in_chat()
    {
        await _bot.SendTextAsync(_office, "báo cáo quý");

        var card = Assert.Single(_bot.Connector.Sent).Card!;
        CardAssert.Valid(card);
        var url = card["actions"]![0]!["url"]!.GetValue<string>();
        Assert.Contains("quý III năm 2026", card.Readably(), StringComparison.Ordinal);
        using var response = await _bot.Http.GetAsync(new Uri(url).PathAndQuery);
        Assert.Equal(ReportService.ContentType, response.Content.Headers.ContentType!.MediaType);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Equal(3, document.WorkbookPart!.Workbook.Sheets!.Count());
        using var missing = await _bot.Http.GetAsync("/reports/" + new string('0', 48));
        Assert.Equal(404, (int)missing.StatusCode);
    }

    [Fact]
    public async Task Others_are_refused_the_report()
    {
        var nv1 = _bot.Register(SampleUsers.Nv1Head());

        await _bot.SendTextAsync(nv1, "báo cáo quý");

        Assert.Contains("chỉ dành cho Chánh Văn phòng", Assert.Single(_bot.Connector.Sent).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_command_writes_the_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"cchc-{Guid.NewGuid():N}.xlsx");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await CchcBot.Cli.CliApp.RunAsync(["report", "--quarter", "2026-Q2", "--out", file], output, error, b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = AzuriteServer.Shared.ConnectionString,
            ["Storage:TablePrefix"] = _bot.Tables.NameOf(string.Empty),
        }));

        Assert.True(code == 0, error.ToString());
        Assert.Contains("quý II năm 2026", output.ToString(), StringComparison.Ordinal);
        using (var document = SpreadsheetDocument.Open(file, false))
        {
            Assert.NotNull(document.WorkbookPart);
        }

        File.Delete(file);
        var bad = await CchcBot.Cli.CliApp.RunAsync(["report", "--quarter", "2026-Q9", "--out", file], output, error);
        Assert.Equal(2, bad);
    }

    private static string[] ReportPeriodHeaders() => QuarterReport.Headers;

    private static Dictionary<string, string> Cells(WorkbookPart workbook, Sheet sheet)
    {
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return part.Worksheet.Descendants<Cell>().ToDictionary(
            c => c.CellReference!.Value!,
            c => c.InlineString?.Text?.Text ?? c.CellValue?.Text ?? string.Empty);
    }
}
