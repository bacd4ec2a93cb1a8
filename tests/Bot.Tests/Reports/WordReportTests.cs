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
    private const int ExpectedPages = 0;

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

    private WordprocessingDocument Open() => WordprocessingDocument.Open(new MemoryStream(seed.Document), false);

    [GeneratedRegex(@"Pages:\s+(\d+)")]
    private static partial Regex PagesLine();
}
