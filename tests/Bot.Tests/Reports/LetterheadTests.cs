using System.Text.Json.Nodes;
using CchcBot.Bot.Tests.Storage;
using CchcBot.Bot.Tests.Support;
using CchcBot.Plan;
using CchcBot.Plan.Files;
using CchcBot.Reports;
using CchcBot.Storage;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CchcBot.Bot.Tests.Reports;

/// <summary>
/// The Word report's letterhead from the directory's optional agencyName / parentAgencyName / place / documentCode
/// (each over the Reports:* setting of the same name, then the sample agency's), read from the file, kept in storage.
/// </summary>
public sealed class LetterheadTests
{
    private static string Json(JsonObject extra)
    {
        var file = JsonNode.Parse(BundledData.DirectoryJson)!.AsObject();
        foreach (var name in new[] { "agencyName", "parentAgencyName", "place", "documentCode" })
        {
            file.Remove(name);
        }

        foreach (var (key, value) in extra)
        {
            file[key] = value?.DeepClone();
        }

        return file.ToJsonString();
    }

    [Fact]
    public void The_bundled_sample_directory_names_the_seed_agencys_letterhead()
    {
        var read = DirectoryFileReader.Read(BundledData.DirectoryJson);

        Assert.Empty(read.Problems);
        Assert.Equal(new DirectoryLetterhead("THANH TRA TỈNH", "UBND TỈNH SÓC TRĂNG", "Sóc Trăng", "TTr"), read.Value!.Letterhead);
    }

    [Fact]
    public void The_fields_are_optional_and_checked()
    {
        Assert.Null(DirectoryFileReader.Read(Json([])).Value!.Letterhead);
        Assert.Equal(new DirectoryLetterhead(null, null, "Cần Thơ", null), DirectoryFileReader.Read(Json(new JsonObject { ["place"] = " Cần Thơ " })).Value!.Letterhead);

        var wrong = DirectoryFileReader.Read(Json(new JsonObject { ["documentCode"] = 5, ["agencyName"] = new string('A', 201) }));
        Assert.Null(wrong.Value);
        Assert.Contains(wrong.Problems, p => p.ToString()!.Contains("documentCode", StringComparison.Ordinal));
        Assert.Contains(wrong.Problems, p => p.ToString()!.Contains("agencyName", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_directorys_letterhead_is_stored_and_heads_the_word_report_over_the_settings()
    {
        await using var bot = await BotHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Reports:Agency"] = "THANH TRA (CÀI ĐẶT)",
            ["Reports:Place"] = "Nơi cài đặt",
        });
        var directory = SamplePlans.Directory() with
        {
            Letterhead = new DirectoryLetterhead("Thanh tra thành phố", "UBND thành phố Cần Thơ", null, "TTrTP"),
        };
        await bot.SeedAsync(directory: directory);
        Assert.Equal(directory.Letterhead, (await new DirectoryRepository(bot.Tables).GetAsync(SamplePlans.Agency))!.Letterhead);

        var bytes = await bot.Services.GetRequiredService<ReportService>().BuildAsync(SamplePlans.Agency, ReportPeriod.Quarter(2026, 1), ReportFormat.Document, default);

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes!), false);
        var heading = document.MainDocumentPart!.Document.Body!.Elements<Table>().First().Descendants<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains("UBND THÀNH PHỐ CẦN THƠ", heading);
        Assert.Contains("THANH TRA THÀNH PHỐ", heading);
        Assert.Contains("Số:      /BC-TTrTP", heading);
        Assert.Contains(heading, p => p.StartsWith("Nơi cài đặt, ngày", StringComparison.Ordinal)); // no place in the directory: the setting
    }
}
