using System.IO.Compression;
using System.Text;
using CchcBot.Plan.Files;
using CchcBot.Plan.Files.Word;

namespace CchcBot.Bot.Tests.Plan.Word;

public class PlanFileKindTests
{
    [Fact]
    public void A_Word_document_is_recognised_by_its_content() =>
        Assert.Equal(PlanFileKind.Docx, PlanFileKind.Detect(SeedPlanDocx.Build()));

    [Fact]
    public void The_bundled_plan_is_JSON_with_or_without_a_byte_order_mark_and_leading_space()
    {
        var json = Encoding.UTF8.GetBytes(BundledData.PlanJson);

        Assert.Equal(PlanFileKind.Json, PlanFileKind.Detect(json));
        Assert.Equal(PlanFileKind.Json, PlanFileKind.Detect([0xEF, 0xBB, 0xBF, .. json]));
        Assert.Equal(PlanFileKind.Json, PlanFileKind.Detect(Encoding.UTF8.GetBytes("\r\n  " + BundledData.PlanJson)));
    }

    public static TheoryData<string, byte[]> NotPlans => new()
    {
        { "empty", [] },
        { "a PNG picture", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A] },
        { "plain text", "Kế hoạch năm 2025"u8.ToArray() },
        { "a spreadsheet (a zip without word/document.xml)", Zip("xl/workbook.xml", "[Content_Types].xml") },
        { "a truncated .docx", SeedPlanDocx.Build()[..1000] },
        { "the zip signature alone", [(byte)'P', (byte)'K', 3, 4] },
    };

    [Theory]
    [MemberData(nameof(NotPlans))]
    public void Anything_else_is_unknown(string what, byte[] content) =>
        Assert.True(PlanFileKind.Detect(content) == PlanFileKind.Unknown, what);

    [Fact]
    public void A_zip_holding_word_document_xml_is_a_docx_whatever_else_it_lacks() =>
        Assert.Equal(PlanFileKind.Docx, PlanFileKind.Detect(Zip("word/document.xml")));

    private static byte[] Zip(params string[] names)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in names)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<x/>");
            }
        }

        return stream.ToArray();
    }
}
