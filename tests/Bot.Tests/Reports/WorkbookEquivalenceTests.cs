using System.Globalization;
using System.Text;
using CchcBot.Reports;
using CchcBot.TestSupport;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CchcBot.Bot.Tests.Reports;

/// <summary>
/// The workbook's sheets are streamed (<see cref="WorkbookWriter"/> over <see cref="OpenXmlWriter"/>). Read back with
/// the Open XML SDK, the files must be the ones the earlier writer, which built each sheet as an SDK object tree, made:
/// the same sheets, cells (reference, style, type, value), column widths, frozen panes, merged cells, page setup,
/// print titles and styles. The expected dumps in Golden/ were captured from that earlier writer (commit 2500d94) for the
/// seed plan's report and for a set of sheets chosen to reach every kind of cell.
/// Set CCHC_WRITE_GOLDEN=1 to write them again (only ever from a writer known to be right).
/// </summary>
public sealed class WorkbookEquivalenceTests(SeedPlanReport seed) : IClassFixture<SeedPlanReport>
{
    [Fact]
    public async Task The_seed_plans_report_reads_back_as_the_object_tree_writer_made_it()
    {
        var service = seed.Bot.Services.GetRequiredService<ReportService>();
        var half = await service.BuildAsync(seed.Plan.Agency, seed.Period, ReportFormat.Workbook, default);
        var quarter = await service.BuildAsync(seed.Plan.Agency, ReportPeriod.Quarter(2026, 1), ReportFormat.Workbook, default);

        Matches("workbook-seed-2026-H1.txt", half!);
        Matches("workbook-seed-2026-Q1.txt", quarter!);
    }

    [Fact]
    public void Every_kind_of_cell_reads_back_as_the_object_tree_writer_made_it()
    {
        using var stream = new MemoryStream();
        WorkbookWriter.Write(stream, EdgeSheets());

        Matches("workbook-edge-cases.txt", stream.ToArray());
    }

    /// <summary>Titles, bold text in and out of the table, numbers, dates, shares, empty and ragged rows, text needing escapes.</summary>
    public static IReadOnlyList<XSheet> EdgeSheets()
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var first = new XSheet(WorkbookWriter.SheetName("Tổng hợp", taken), [
            new List<XCell> { new XText("Báo cáo <quý> & \"tháng\" — 'trích'", Bold: true) },
            new List<XCell> { "  khoảng trắng đầu và cuối  " },
            new List<XCell>(),
            new List<XCell> { "Chỉ tiêu", "Số lượng", "Tỷ lệ", "Hạn" },
            new List<XCell> { "Hai dòng\ncủa một ô", 12, XPercent.Of(1, 3), new XDate(new DateOnly(2026, 1, 31)) },
            new List<XCell> { new XText("Đậm trong bảng", Bold: true), new XNumber(0.125), XPercent.Of(0, 0), new XDate(new DateOnly(1999, 12, 31)) },
            new List<XCell> { string.Empty, new XNumber(-3.5e7), new XPercent(1), (string?)null },
            new List<XCell> { new string('x', 90) },
            new List<XCell> { "a", "b", "c", "d", "e", "f" },
        ], 3);
        var second = new XSheet(WorkbookWriter.SheetName("Lĩnh vực: 'Thể chế' [1] / thử một tên rất dài quá 31 ký tự", taken), [
            new List<XCell> { "STT", "Nhiệm vụ" },
            new List<XCell> { 1, "Nhiệm vụ có ký tự đặc biệt: < > & ' \" \t tab" },
            new List<XCell> { 2, "Dòng cuối\n\nsau dòng trống" },
        ], 0);
        var third = new XSheet(WorkbookWriter.SheetName("Tổng hợp", taken), [new List<XCell> { "Chỉ có dòng tiêu đề" }], 0);
        return [first, second, third];
    }

    private static void Matches(string name, byte[] workbook)
    {
        var actual = Dump(workbook);
        var path = RepoPaths.Of("tests", "Bot.Tests", "Reports", "Golden", name);
        if (Environment.GetEnvironmentVariable("CCHC_WRITE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
        }

        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        var (e, a) = (expected.Split('\n'), actual.Split('\n'));
        var at = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], -1);
        Assert.True(at < 0 && e.Length == a.Length, at < 0
            ? $"{name}: {a.Length} lines instead of {e.Length}"
            : $"{name}, line {at + 1}:\nexpected: {e[at]}\nactual:   {a[at]}");

        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(x => $"{x.Path?.XPath}: {x.Description}"));
    }

    /// <summary>The workbook as read back by the SDK: one line per sheet part element (cells one per line) and the styles.</summary>
    public static string Dump(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        var text = new StringBuilder();
        foreach (var child in workbook.Workbook.ChildElements)
        {
            if (child is Sheets sheets)
            {
                foreach (var sheet in sheets.Elements<Sheet>())
                {
                    text.Append(CultureInfo.InvariantCulture, $"sheet {sheet.SheetId!.Value} \"{sheet.Name!.Value}\"\n");
                    var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
                    foreach (var element in worksheet.ChildElements)
                    {
                        if (element is SheetData data)
                        {
                            Rows(text, data);
                        }
                        else
                        {
                            text.Append("  ").Append(element.OuterXml).Append('\n');
                        }
                    }

                    text.Append(CultureInfo.InvariantCulture, $"  merged cells: {worksheet.Descendants<MergeCell>().Count()}\n");
                }
            }
            else
            {
                text.Append(child.OuterXml).Append('\n');
            }
        }

        text.Append("styles ").Append(workbook.WorkbookStylesPart!.Stylesheet.OuterXml).Append('\n');
        return text.ToString();
    }

    private static void Rows(StringBuilder text, SheetData data)
    {
        foreach (var row in data.Elements<Row>())
        {
            text.Append(CultureInfo.InvariantCulture, $"  row {row.RowIndex?.Value} {Attributes(row)}\n");
            foreach (var cell in row.Elements<Cell>())
            {
                var value = cell.InlineString is { } inline ? "inline " + Quote(inline.Text?.Text) + " " + Attributes(inline.Text!)
                    : cell.CellValue is { } v ? "value " + Quote(v.Text)
                    : "empty";
                text.Append(CultureInfo.InvariantCulture, $"    {cell.CellReference?.Value} s={cell.StyleIndex?.Value} t={cell.DataType?.InnerText} {value} children={cell.ChildElements.Count}\n");
            }
        }
    }

    private static string Attributes(OpenXmlElement element) =>
        string.Join(" ", element.GetAttributes().Where(a => a.LocalName != "r").Select(a => $"{a.LocalName}={a.Value}"));

    private static string Quote(string? value) => value is null ? "null" : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
