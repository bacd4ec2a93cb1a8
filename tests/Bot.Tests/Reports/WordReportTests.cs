using System.Globalization;
using System.Text.RegularExpressions;
using CchcBot.Reports;
using CchcBot.Reports.Word;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace CchcBot.Bot.Tests.Reports;

/// <summary>The Word report of the seed plan read back through the Open XML SDK, and rendered by LibreOffice.</summary>
public sealed partial class WordReportTests(SeedPlanReport seed) : IClassFixture<SeedPlanReport>
{
    /// <summary>The seed plan's 6-month report as LibreOffice lays it out (Liberation Serif, metric-compatible with Times New Roman).</summary>
    private const int ExpectedPages = 14;

    [Fact]
    public void The_document_has_no_schema_errors()
    {
        using var document = Open();
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).Select(e => $"{e.Path?.XPath} {e.Part?.Uri}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.DistinctBy(e => e[^60..]).Take(10)));
    }

    [Fact]
    public async Task LibreOffice_opens_it_as_A4_with_the_expected_page_count_and_its_first_page_is_kept()
    {
        var rendered = await seed.RenderAsync();

        Assert.Matches(@"Page size:\s+595(\.\d+)? x 84[12](\.\d+)? pts \(A4\)", rendered.Info);
        var pages = int.Parse(PagesLine().Match(rendered.Info).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal(ExpectedPages, pages);
        Assert.True(new FileInfo(rendered.FirstPagePng).Length > 10_000, "the first page is rendered");
    }

    [Fact]
    public void The_page_is_A4_portrait_with_the_decree_margins_and_a_page_number_from_page_two()
    {
        using var document = Open();
        var main = document.MainDocumentPart!;
        var section = main.Document.Body!.Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        Assert.NotEqual(PageOrientationValues.Landscape, size.Orient?.Value);
        var margin = section.GetFirstChild<PageMargin>()!;
        Assert.InRange(Mm(margin.Top!.Value), 20, 25);
        Assert.InRange(Mm(margin.Bottom!.Value), 20, 25);
        Assert.InRange(Mm(margin.Left!.Value), 30, 35);
        Assert.InRange(Mm(margin.Right!.Value), 15, 20);

        Assert.NotNull(section.GetFirstChild<TitlePage>());
        var references = section.Elements<HeaderReference>().ToDictionary(r => r.Type!.Value, r => (HeaderPart)main.GetPartById(r.Id!));
        var page = references[HeaderFooterValues.Default].Header;
        Assert.Contains(page.Descendants<FieldCode>(), f => f.Text.Trim() == "PAGE");
        var paragraph = page.Descendants<Paragraph>().Single();
        Assert.Equal(JustificationValues.Center, StyleOf(document, paragraph.ParagraphProperties!.ParagraphStyleId!.Val!).StyleParagraphProperties!.Justification!.Val!.Value);
        var first = references[HeaderFooterValues.First].Header;
        Assert.Empty(first.Descendants<FieldCode>());
        Assert.Equal(string.Empty, first.InnerText);
    }

    [Fact]
    public void Times_New_Roman_throughout_and_the_body_style_is_the_decree_s()
    {
        using var document = Open();
        var styles = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!;
        var defaults = styles.DocDefaults!;
        var fonts = defaults.RunPropertiesDefault!.RunPropertiesBaseStyle!.RunFonts!;
        Assert.All(new[] { fonts.Ascii, fonts.HighAnsi, fonts.EastAsia, fonts.ComplexScript }, f => Assert.Equal("Times New Roman", f!.Value));
        Assert.InRange(int.Parse(defaults.RunPropertiesDefault.RunPropertiesBaseStyle.FontSize!.Val!, CultureInfo.InvariantCulture), 26, 28);
        var spacing = defaults.ParagraphPropertiesDefault!.ParagraphPropertiesBaseStyle!.SpacingBetweenLines!;
        Assert.True(int.Parse(spacing.After!, CultureInfo.InvariantCulture) >= 120, "at least 6 pt between paragraphs");
        Assert.InRange(int.Parse(spacing.Line!, CultureInfo.InvariantCulture), 240, 360);
        Assert.Equal(LineSpacingRuleValues.Auto, spacing.LineRule!.Value);

        var normal = styles.Elements<Style>().Single(s => s.Default?.Value == true && s.Type!.Value == StyleValues.Paragraph);
        Assert.Equal(JustificationValues.Both, normal.StyleParagraphProperties!.Justification!.Val!.Value);
        Assert.InRange(int.Parse(normal.StyleParagraphProperties.Indentation!.FirstLine!, CultureInfo.InvariantCulture), 567, 720);

        // No run anywhere names another font; body paragraphs keep the default size.
        Assert.Empty(document.MainDocumentPart.Document.Descendants<RunFonts>());
        var body = document.MainDocumentPart.Document.Body!.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId is null).ToList();
        Assert.True(body.Count > 30);
        Assert.All(body.SelectMany(p => p.Elements<Run>()), r => Assert.Null(r.RunProperties?.FontSize));
    }

    [Fact]
    public void The_heading_block_is_a_borderless_two_column_table_then_the_title_and_the_subject()
    {
        using var document = Open();
        var body = document.MainDocumentPart!.Document.Body!;
        var heading = Assert.IsType<Table>(body.ChildElements[0]);
        Assert.All(heading.GetFirstChild<TableProperties>()!.TableBorders!.ChildElements.Cast<BorderType>(), b => Assert.Equal(BorderValues.None, b.Val!.Value));
        Assert.Equal(2, heading.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Count());
        var cells = heading.Elements<TableRow>().First().Elements<TableCell>().ToList();
        var left = cells[0].Elements<Paragraph>().ToList();
        var right = cells[1].Elements<Paragraph>().ToList();
        AssertRun(left[0], "UBND TỈNH SÓC TRĂNG", bold: false, size: (24, 26));
        AssertRun(left[1], "THANH TRA TỈNH", bold: true, size: (24, 28));
        Assert.NotNull(left[2].ParagraphProperties!.ParagraphBorders); // the short rule under the agency
        AssertRun(right[0], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, size: (24, 26));
        AssertRun(right[1], "Độc lập - Tự do - Hạnh phúc", bold: true, size: (26, 28));
        Assert.NotNull(right[2].ParagraphProperties!.ParagraphBorders);
        var second = heading.Elements<TableRow>().ElementAt(1).Elements<TableCell>().ToList();
        Assert.Equal("Số:      /BC-TTr", second[0].InnerText);
        var date = second[1].Descendants<Run>().Single();
        Assert.Matches(@"^Sóc Trăng, ngày\s+tháng\s+năm 2026$", date.InnerText);
        Assert.NotNull(date.RunProperties!.Italic);

        var paragraphs = body.Elements<Paragraph>().ToList();
        var title = paragraphs.First(p => p.InnerText == "BÁO CÁO");
        AssertRun(title, "BÁO CÁO", bold: true, size: (26, 28));
        Assert.Equal(JustificationValues.Center, StyleOf(document, title.ParagraphProperties!.ParagraphStyleId!.Val!).StyleParagraphProperties!.Justification!.Val!.Value);
        var subject = paragraphs[paragraphs.IndexOf(title) + 1];
        AssertRun(subject, "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2026", bold: true, size: (26, 28));
    }

    [Fact]
    public void The_body_has_the_four_sections_in_order_with_a_sub_section_per_reform_area()
    {
        var text = Paragraphs();
        var headings = new[]
        {
            "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CCHC", "III. ĐÁNH GIÁ CHUNG",
            "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2026", "PHỤ LỤC",
        };
        var at = headings.Select(h => text.IndexOf(h)).ToList();
        Assert.All(at, i => Assert.True(i >= 0));
        Assert.Equal(at.Order(), at);

        var areas = seed.Plan.Areas.Where(a => CchcBot.Plan.ReformAreas.Match(a.Name)?.Number != 7).Select((a, i) => $"{i + 1}. {a.Name}").ToList();
        var sectionTwo = text.Skip(at[1]).Take(at[2] - at[1]).ToList();
        Assert.Equal(areas, sectionTwo.Where(p => Regex.IsMatch(p, @"^\d\. ")).ToList());

        // Each task is a paragraph: done with its document number and date, late, the cooperating opinion; the blocked note.
        var onTime = seed.Plan.Tasks.Single(t => t.Id == seed.OnTime.TaskId);
        var paragraph = text.Single(p => p.StartsWith($"- {onTime.Title} (", StringComparison.Ordinal) && text.IndexOf(p) < at[2]);
        Assert.Contains($"{seed.OnTime.Deliverable}: đã hoàn thành, văn bản số 15/KH-TTr ngày 20/01/2026 — Đã ban hành", paragraph, StringComparison.Ordinal);
        Assert.Contains("Ý kiến phối hợp: Trần Thị Bình (18/01/2026): Đã rà soát 12 văn bản.", paragraph, StringComparison.Ordinal);
        Assert.Contains(text, p => p.Contains("văn bản số 20/BC-TTr ngày 10/02/2026 (trễ hạn so với thời hạn 31/01/2026)", StringComparison.Ordinal));
        var shortcomings = text.Skip(text.IndexOf("2. Tồn tại, hạn chế")).Take(at[3] - text.IndexOf("2. Tồn tại, hạn chế")).ToList();
        Assert.Contains(shortcomings, p => p.Contains("gặp vướng mắc", StringComparison.Ordinal) && p.Contains("Chờ hướng dẫn của Sở Nội vụ", StringComparison.Ordinal));
        Assert.Contains(shortcomings, p => p.Contains("quá hạn", StringComparison.Ordinal));

        // IV: what is due after the cut-off (14/06/2026) up to the end of the next period, nothing due before.
        var outlook = text.Skip(at[3]).TakeWhile(p => !p.StartsWith("Trên đây là", StringComparison.Ordinal)).Where(p => p.StartsWith("- ", StringComparison.Ordinal)).ToList();
        var expected = seed.Dated.Count(m => m.Due > new DateOnly(2026, 6, 14) && m.Due <= new DateOnly(2026, 12, 31));
        Assert.Equal(expected, outlook.Count);

        // The closing: Nơi nhận (bold italic 12 pt) with the default list, the signer's position.
        Assert.Contains("Nơi nhận:", text);
        Assert.Contains("- Sở Nội vụ;", text);
        Assert.Contains("- Lưu: VT, VP.", text);
        Assert.Contains("CHÁNH THANH TRA", text);
    }

    [Fact]
    public void The_closing_block_has_the_decree_s_sizes()
    {
        using var document = Open();
        var runs = document.MainDocumentPart!.Document.Descendants<Run>().ToList();
        var to = runs.Single(r => r.InnerText == "Nơi nhận:");
        Assert.NotNull(to.RunProperties!.Bold);
        Assert.NotNull(to.RunProperties.Italic);
        Assert.Equal("24", to.RunProperties.FontSize!.Val!.Value);
        Assert.Equal("22", runs.Single(r => r.InnerText == "- Sở Nội vụ;").RunProperties!.FontSize!.Val!.Value);
        var signer = runs.Single(r => r.InnerText == "CHÁNH THANH TRA");
        Assert.NotNull(signer.RunProperties!.Bold);
    }

    [Fact]
    public void The_appendix_lists_every_milestone_with_its_header_row_repeated_on_every_page()
    {
        using var document = Open();
        var table = document.MainDocumentPart!.Document.Body!.Elements<Table>().Last();
        var rows = table.Elements<TableRow>().ToList();
        Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<TableHeader>());
        Assert.All(rows.Skip(1), r => Assert.Null(r.TableRowProperties?.GetFirstChild<TableHeader>()));
        Assert.Equal(ReportDocument.AppendixHeaders, rows[0].Elements<TableCell>().Select(c => c.InnerText));
        Assert.Equal(seed.Plan.Tasks.Sum(t => t.Milestones.Count), rows.Count - 1);
        var done = rows.Single(r => r.Elements<TableCell>().Last().InnerText == "15/KH-TTr").Elements<TableCell>().Select(c => c.InnerText).ToList();
        Assert.Equal(("31/01/2026", "Hoàn thành", "20/01/2026"), (done[5], done[6], done[7]));
        Assert.Contains(rows, r => r.Elements<TableCell>().ElementAt(6).InnerText == "Hoàn thành trễ hạn");
    }

    [Theory]
    [InlineData("2026-Q1")]
    [InlineData("2026-H1")]
    [InlineData("2026-Q3")]
    [InlineData("2026")]
    public async Task The_document_and_the_workbook_agree_on_the_four_figures(string key)
    {
        Assert.True(ReportPeriod.TryParseKey(key, out var period));
        var files = (await seed.Bot.Services.GetRequiredService<ReportService>()
            .BuildAllAsync(seed.Plan.Agency, period, [ReportFormat.Document, ReportFormat.Workbook], default))!;

        using var document = WordprocessingDocument.Open(new MemoryStream(files[ReportFormat.Document]), false);
        var text = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        var three = text.Skip(text.IndexOf("III. ĐÁNH GIÁ CHUNG")).ToList();
        int InDocument(string label) => int.Parse(three.Select(p => Regex.Match(p, $"^- {Regex.Escape(label)}: (\\d+) mốc")).First(m => m.Success).Groups[1].Value, CultureInfo.InvariantCulture);

        using var workbook = SpreadsheetDocument.Open(new MemoryStream(files[ReportFormat.Workbook]), false);
        var sheet = workbook.WorkbookPart!.Workbook.Sheets!.Elements<X.Sheet>().First();
        var cells = ((WorksheetPart)workbook.WorkbookPart.GetPartById(sheet.Id!)).Worksheet.Descendants<X.Row>()
            .Select(r => r.Elements<X.Cell>().Select(c => c.InlineString?.Text?.Text ?? c.CellValue?.Text ?? string.Empty).ToList())
            .Where(r => r.Count >= 2).GroupBy(r => r[0]).ToDictionary(g => g.Key, g => int.TryParse(g.First()[1], CultureInfo.InvariantCulture, out var n) ? n : -1);

        var labels = new[] { ReportDocument.OnTime, ReportDocument.Late, ReportDocument.InTime, ReportDocument.Overdue };
        Assert.Equal(labels.Select(l => cells[l]), labels.Select(InDocument));
        Assert.Equal(seed.Dated.Count, labels.Sum(InDocument));
        var cutOff = period.CutOff(14);
        var shown = (cutOff < new DateOnly(2026, 7, 3) ? cutOff : new DateOnly(2026, 7, 3)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        Assert.Contains(text, p => p.Contains($"số liệu tính đến ngày {shown}", StringComparison.Ordinal));
        Assert.Contains(((WorksheetPart)workbook.WorkbookPart.GetPartById(sheet.Id!)).Worksheet.Descendants<X.Cell>(),
            c => c.InlineString?.Text?.Text == $"Số liệu tính đến ngày {shown}");
    }

    private List<string> Paragraphs()
    {
        using var document = Open();
        return document.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
    }

    private static void AssertRun(Paragraph paragraph, string text, bool bold, (int Min, int Max) size)
    {
        Assert.Equal(text, paragraph.InnerText);
        var run = paragraph.Elements<Run>().Single();
        Assert.Equal(bold, run.RunProperties?.Bold is not null);
        Assert.InRange(int.Parse(run.RunProperties!.FontSize!.Val!, CultureInfo.InvariantCulture), size.Min, size.Max);
    }

    private static Style StyleOf(WordprocessingDocument document, string id) =>
        document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == id);

    private static double Mm(double twips) => twips / 1440 * 25.4;

    private WordprocessingDocument Open() => WordprocessingDocument.Open(new MemoryStream(seed.Document), false);

    [GeneratedRegex(@"Pages:\s+(\d+)")]
    private static partial Regex PagesLine();
}
