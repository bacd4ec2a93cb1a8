using System.Globalization;
using System.Text.Json.Nodes;
using CchcBot.Bot.Tests.Storage;
using CchcBot.Bot.Tests.Support;
using CchcBot.Hosting;
using CchcBot.Reports;
using CchcBot.TestSupport;
using DocumentFormat.OpenXml.Packaging;

namespace CchcBot.Bot.Tests.Reports;

/// <summary>Report periods and their cut-offs, the report command's period options and formats, and "báo cáo" in chat.</summary>
public sealed class PeriodReportTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 7, 3, 10, 0, 0, TimeSpan.FromHours(7));
    private BotHarness _bot = null!;
    private TeamsUser _office = null!;
    private TeamsUser _inspector = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync(Now);
        await _bot.SeedAsync();
        _office = _bot.Register(SampleUsers.ChiefOfOffice());
        _inspector = _bot.Register(SampleUsers.ChiefInspector());
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("2024-Q1", "quý I năm 2024", "2024-01-01", "14/03/2024", "quý II năm 2024")]
    [InlineData("2024-H1", "6 tháng đầu năm 2024", "2024-01-01", "14/06/2024", "6 tháng cuối năm 2024")]
    [InlineData("2024-Q3", "quý III năm 2024", "2024-07-01", "14/09/2024", "quý IV năm 2024")]
    [InlineData("2024", "năm 2024", "2024-01-01", "14/12/2024", "năm 2025")]
    [InlineData("2024-Q4", "quý IV năm 2024", "2024-10-01", "14/12/2024", "quý I năm 2025")]
    [InlineData("2024-h1", "6 tháng đầu năm 2024", "2024-01-01", "14/06/2024", "6 tháng cuối năm 2024")]
    public void Period_keys_parse_with_their_label_cut_off_and_next_period(string key, string label, string start, string cutOff, string next)
    {
        Assert.True(ReportPeriod.TryParseKey(key, out var period));
        Assert.Equal(
            (label, start, cutOff, next),
            (period.Label, period.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), period.CutOff(14).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), period.Next.Label));
        Assert.Equal(key.ToUpperInvariant(), period.Key);
    }

    [Theory]
    [InlineData("2024-H2")]
    [InlineData("2024-Q5")]
    [InlineData("24")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("2024-Q1; DROP")]
    [InlineData("+2024")]
    public void Bad_period_keys_are_refused(string? key) => Assert.False(ReportPeriod.TryParseKey(key, out _));

    [Theory]
    [InlineData(0, "31/03/2026")]
    [InlineData(31, "30/06/2026")]
    [InlineData(1, "01/09/2026")]
    public void The_cut_off_day_is_clamped_to_the_month_and_0_is_its_last_day(int day, string expected)
    {
        var period = day == 31 ? ReportPeriod.FirstHalf(2026) : day == 1 ? ReportPeriod.Quarter(2026, 3) : ReportPeriod.Quarter(2026, 1);
        Assert.Equal(expected, period.CutOff(day).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("Reports:CutOffDay", "32")]
    [InlineData("Reports:CutOffDay", "-1")]
    [InlineData("Reports:CutOffDay", "mười bốn")]
    [InlineData("Reports:Recipients:0", " ")]
    public void An_invalid_reports_setting_stops_the_start_naming_it(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        var e = Assert.Throws<SettingsException>(() => SettingsCheck.Ensure(configuration));

        Assert.Contains(e.Problems, p => p.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_cut_off_day_setting_moves_the_figures_date()
    {
        var (code, output, error, file) = await RunReportAsync(["--quarter", "2026-Q1"], ".xlsx", new() { ["Reports:CutOffDay"] = "0" });
        Assert.True(code == 0, error + output);
        using (var workbook = SpreadsheetDocument.Open(file, false))
        {
            Assert.Contains(workbook.WorkbookPart!.WorksheetParts.SelectMany(w => w.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()),
                c => c.InlineString?.Text?.Text == "Số liệu tính đến ngày 31/03/2026");
        }

        File.Delete(file);
        var (bad, _, badError, _) = await RunReportAsync(["--quarter", "2026-Q1"], ".xlsx", new() { ["Reports:CutOffDay"] = "40" });
        Assert.Equal(2, bad);
        Assert.Contains("Reports:CutOffDay", badError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_recipients_signer_and_letterhead_come_from_the_settings()
    {
        var (code, output, error, file) = await RunReportAsync(["--year", "2026"], ".docx", new()
        {
            ["Reports:Recipients:0"] = "Sở Nội vụ tỉnh Cần Thơ;",
            ["Reports:Recipients:1"] = "Chánh Thanh tra",
            ["Reports:Recipients:2"] = "Lưu: VT.",
            ["Reports:SignerTitle"] = "Phó Chánh Thanh tra",
            ["Reports:ParentAgency"] = "UBND thành phố Cần Thơ",
            ["Reports:Agency"] = "Thanh tra thành phố",
            ["Reports:Place"] = "Cần Thơ",
            ["Reports:DocumentCode"] = "TTrTP",
        });

        Assert.True(code == 0, error + output);
        List<string> text;
        using (var document = WordprocessingDocument.Open(file, false))
        {
            text = document.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        }

        File.Delete(file);
        var to = text.IndexOf("Nơi nhận:");
        Assert.Equal(["- Sở Nội vụ tỉnh Cần Thơ;", "- Chánh Thanh tra;", "- Lưu: VT."], text.Skip(to + 1).Take(3));
        Assert.DoesNotContain("- Sở Nội vụ;", text);
        Assert.Contains("PHÓ CHÁNH THANH TRA", text);
        Assert.Equal(["UBND THÀNH PHỐ CẦN THƠ", "THANH TRA THÀNH PHỐ"], text.Take(2));
        Assert.Contains("Số:      /BC-TTrTP", text);
        Assert.Contains(text, p => p.StartsWith("Cần Thơ, ngày", StringComparison.Ordinal));
        Assert.Contains(text, p => p.EndsWith("của Thanh tra thành phố./.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--quarter", "2026-Q1", ".docx", "quý I năm 2026")]
    [InlineData("--quarter", "2026-Q3", ".xlsx", "quý III năm 2026")]
    [InlineData("--half", "2026-H1", ".docx", "6 tháng đầu năm 2026")]
    [InlineData("--half", "2026-H1", ".xlsx", "6 tháng đầu năm 2026")]
    [InlineData("--year", "2026", ".docx", "năm 2026")]
    [InlineData("--year", "2026", ".XLSX", "năm 2026")]
    public async Task The_report_command_writes_each_period_in_the_format_of_its_extension(string option, string value, string extension, string label)
    {
        var (code, output, error, file) = await RunReportAsync([option, value], extension);

        Assert.True(code == 0, error + output);
        Assert.Contains(label, output, StringComparison.Ordinal);
        if (extension == ".docx")
        {
            using var document = WordprocessingDocument.Open(file, false);
            Assert.Contains(document.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>(),
                p => p.InnerText == $"Kết quả thực hiện công tác cải cách hành chính {label}");
        }
        else
        {
            using var workbook = SpreadsheetDocument.Open(file, false);
            Assert.Equal(3, workbook.WorkbookPart!.Workbook.Sheets!.Count());
        }

        File.Delete(file);
    }

    [Theory]
    [InlineData(new[] { "--quarter", "2026-Q1" }, ".pdf")]
    [InlineData(new[] { "--quarter", "2026-Q1" }, "")]
    [InlineData(new[] { "--quarter", "2026-Q1", "--year", "2026" }, ".docx")]
    [InlineData(new[] { "--half", "2026-Q1", "--year", "2026" }, ".docx")]
    [InlineData(new[] { "--half", "2026-H2" }, ".docx")]
    [InlineData(new[] { "--year", "26" }, ".xlsx")]
    [InlineData(new string[0], ".docx")]
    public async Task Bad_report_usage_exits_2_and_writes_nothing(string[] options, string extension)
    {
        var (code, _, error, file) = await RunReportAsync(options, extension);

        Assert.Equal(2, code);
        Assert.False(File.Exists(file));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public async Task The_chief_of_office_chooses_a_period_and_downloads_both_files()
    {
        await _bot.SendTextAsync(_office, "Báo cáo");

        var card = Assert.Single(_bot.Connector.Sent).Card!;
        CardAssert.Valid(card);
        var actions = card["actions"]!.AsArray();
        Assert.All(actions, a => Assert.Equal(("Action.Execute", "makeReport"), (a!["type"]!.GetValue<string>(), a["verb"]!.GetValue<string>())));
        Assert.Equal(["2026-Q1", "2026-H1", "2026-Q3", "2026", "2025"], actions.Select(a => a!["data"]!["period"]!.GetValue<string>()));
        Assert.Equal(["Quý I năm 2026", "6 tháng đầu năm 2026", "Quý III năm 2026", "Năm 2026", "Năm 2025"], actions.Select(a => a!["title"]!.GetValue<string>()));

        var (status, body) = await _bot.InvokeAsync(_office, "makeReport", new JsonObject { ["period"] = "2026-H1" });

        Assert.Equal(200, status);
        var links = body!["value"]!;
        CardAssert.Valid(links);
        Assert.Contains("6 tháng đầu năm 2026", links.Readably(), StringComparison.Ordinal);
        Assert.Contains("Số liệu tính đến ngày 14/06/2026", links.Readably(), StringComparison.Ordinal);
        var urls = links["actions"]!.AsArray().Select(a => a!["url"]!.GetValue<string>()).ToList();
        Assert.Equal(2, urls.Count);
        using (var docx = await _bot.Http.GetAsync(new Uri(urls[0]).PathAndQuery))
        {
            Assert.Equal(200, (int)docx.StatusCode);
            Assert.EndsWith(".docx", docx.Content.Headers.ContentDisposition!.FileName!.Trim('"'), StringComparison.Ordinal);
            Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
            using var document = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
            Assert.Contains("Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2026", document.MainDocumentPart!.Document.InnerText, StringComparison.Ordinal);
        }

        using (var xlsx = await _bot.Http.GetAsync(new Uri(urls[1]).PathAndQuery))
        {
            Assert.Equal(200, (int)xlsx.StatusCode);
            Assert.EndsWith(".xlsx", xlsx.Content.Headers.ContentDisposition!.FileName!.Trim('"'), StringComparison.Ordinal);
            Assert.Equal(ReportService.ContentType, xlsx.Content.Headers.ContentType!.MediaType);
            using var workbook = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
            Assert.Equal(3, workbook.WorkbookPart!.Workbook.Sheets!.Count());
        }
    }

    [Fact]
    public async Task The_chief_inspector_gets_reports_too()
    {
        await _bot.SendTextAsync(_inspector, "bao cao");
        CardAssert.Valid(Assert.Single(_bot.Connector.Sent).Card!);

        var (_, body) = await _bot.InvokeAsync(_inspector, "makeReport", new JsonObject { ["period"] = "2025" });

        var links = body!["value"]!;
        CardAssert.Valid(links);
        Assert.Equal(2, links["actions"]!.AsArray().Count);
        Assert.Contains("năm 2025", links.Readably(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Others_are_refused_politely_naming_the_chief_of_office_in_chat_and_on_the_card()
    {
        var head = _bot.Register(SampleUsers.Nv1Head());

        await _bot.SendTextAsync(head, "báo cáo");
        var (status, body) = await _bot.InvokeAsync(head, "makeReport", new JsonObject { ["period"] = "2026-H1" });

        var text = Assert.Single(_bot.Connector.Sent).Text!;
        Assert.Contains("Chánh Văn phòng", text, StringComparison.Ordinal);
        Assert.Null(Assert.Single(_bot.Connector.Sent).Card);
        Assert.Equal(200, status);
        var card = body!["value"]!;
        CardAssert.Valid(card);
        Assert.Contains("chỉ dành cho Chánh Văn phòng và Chánh Thanh tra", card.Readably(), StringComparison.Ordinal);
        Assert.DoesNotContain("/reports/", card.Readably(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-H2")]
    [InlineData("")]
    [InlineData(null)]
    public async Task A_bad_period_on_the_card_gets_an_error_card(string? period)
    {
        var data = new JsonObject { ["period"] = period };

        var (status, body) = await _bot.InvokeAsync(_office, "makeReport", data);

        Assert.Equal(200, status);
        var card = body!["value"]!;
        CardAssert.Valid(card);
        Assert.Contains("Kỳ báo cáo không hợp lệ", card.Readably(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_quarter_report_command_keeps_working()
    {
        await _bot.SendTextAsync(_office, "báo cáo quý");

        var card = Assert.Single(_bot.Connector.Sent).Card!;
        Assert.Contains("quý III năm 2026", card.Readably(), StringComparison.Ordinal);
        Assert.Single(card["actions"]!.AsArray());
    }

    private async Task<(int Code, string Output, string Error, string File)> RunReportAsync(
        string[] options, string extension, Dictionary<string, string?>? settings = null)
    {
        var file = Path.Combine(Path.GetTempPath(), $"cchc-{Guid.NewGuid():N}{extension}");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var config = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = AzuriteServer.Shared.ConnectionString,
            ["Storage:TablePrefix"] = _bot.Tables.NameOf(string.Empty),
        };
        foreach (var (k, v) in settings ?? [])
        {
            config[k] = v;
        }

        // FakeTimeProvider is not the CLI's clock: the figures are as of the cut-off, which is before today.
        var code = await CchcBot.Cli.CliApp.RunAsync(["report", .. options, "--out", file], output, error, b => b.Configuration.AddInMemoryCollection(config));
        return (code, output.ToString(), error.ToString(), file);
    }
}
