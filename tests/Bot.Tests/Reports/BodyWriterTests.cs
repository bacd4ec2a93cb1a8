using CchcBot.Reports.Word;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CchcBot.Bot.Tests.Reports;

/// <summary>
/// The report's body is streamed (BodyWriter); what it writes must be the XML the element factories of Docx build, so
/// the streamed document is the document the tests of WordReportTests read back, validate and render.
/// </summary>
public sealed class BodyWriterTests
{
    public static TheoryData<string> Looks => new()
    {
        "plain", "heading", "centred bold 14 after 0", "page break", "letterhead italic 14 before 120", "table centred", "spacing both",
    };

    private static Look LookOf(string name) => name switch
    {
        "plain" => new Look(),
        "heading" => new Look(WordStyles.Heading, Before: 120),
        "centred bold 14 after 0" => new Look(WordStyles.Centered, Bold: true, Size: 14, After: 0),
        "page break" => new Look(WordStyles.Centered, Bold: true, Size: 14, After: 0, PageBreakBefore: true),
        "letterhead italic 14 before 120" => new Look(WordStyles.Letterhead, Italic: true, Size: 14, Before: 120),
        "table centred" => new Look(WordStyles.TableText, Align: JustificationValues.Center),
        "spacing both" => new Look(WordStyles.Letterhead, NoIndent: true, KeepNext: true, Before: 240, After: 60, Align: JustificationValues.Left),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Looks))]
    public void A_paragraph_is_written_as_Docx_builds_it(string look)
    {
        var l = LookOf(look);
        foreach (var text in new[] { "Văn bản số 15/KH-TTr", string.Empty, "hai dòng\ncủa một ô", "\n", "  khoảng trắng  " })
        {
            Assert.Equal(Docx.P(text, l).OuterXml, Streamed(b => b.Write(Para.Of(text, l))));
        }

        Assert.Equal(
            Docx.P(l, Docx.Run("- Nhiệm vụ ", italic: true), Docx.Run("(Văn phòng chủ trì): đã hoàn thành", bold: true, size: 11)).OuterXml,
            Streamed(b => b.Write(new Para(l, [new Span("- Nhiệm vụ ", Italic: true), new Span("(Văn phòng chủ trì): đã hoàn thành", Bold: true, Size: 11)]))));
    }

    [Fact]
    public void A_table_of_rows_is_written_as_Docx_builds_it()
    {
        int[] widths = [560, 900, 1700];
        var header = new Look(WordStyles.TableText, Bold: true, Align: JustificationValues.Center);
        var cell = new Look(WordStyles.TableText);
        foreach (var borders in new[] { true, false })
        {
            var table = Docx.Table(widths, borders);
            table.Append(Docx.Row(widths.Select((w, i) => Docx.Cell(w, [Docx.P($"Cột {i}", header)], shading: "D9E2F3")), header: true, cantSplit: true));
            table.Append(Docx.Row(widths.Select((w, i) => Docx.Cell(w, [Docx.P(i == 1 ? string.Empty : $"ô {i}\ndòng 2", cell)])), cantSplit: true));
            table.Append(Docx.Row(widths.Select(w => Docx.Cell(w, [Docx.P("x", cell)]))));

            var streamed = Streamed(b =>
            {
                b.StartTable(widths, borders);
                b.Row(widths.Select((w, i) => new CellText(w, Para.Of($"Cột {i}", header), "D9E2F3")), header: true, cantSplit: true);
                b.Row(widths.Select((w, i) => new CellText(w, Para.Of(i == 1 ? string.Empty : $"ô {i}\ndòng 2", cell))), cantSplit: true);
                b.Row(widths.Select(w => new CellText(w, Para.Of("x", cell))));
                b.EndTable();
            });
            Assert.Equal(table.OuterXml, streamed);
        }
    }

    /// <summary>What the writer puts in the body, as the body's inner XML read back through the SDK.</summary>
    private static string Streamed(Action<BodyWriter> write)
    {
        using var stream = new MemoryStream();
        WordWriter.Write(stream, write, "thử");
        using var document = WordprocessingDocument.Open(new MemoryStream(stream.ToArray()), false);
        var body = document.MainDocumentPart!.Document.Body!;
        return string.Concat(body.ChildElements.Where(e => e is not SectionProperties).Select(e => e.OuterXml));
    }
}
