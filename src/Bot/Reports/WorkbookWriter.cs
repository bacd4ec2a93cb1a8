using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CchcBot.Reports;

/// <summary>A cell value: text, a date (shown dd/MM/yyyy), or a number.</summary>
public abstract record XCell
{
    public static implicit operator XCell(string? text) => new XText(text ?? string.Empty);

    public static implicit operator XCell(int number) => new XNumber(number);
}

public sealed record XText(string Value, bool Bold = false) : XCell;

public sealed record XDate(DateOnly Value) : XCell;

public sealed record XNumber(double Value) : XCell;

/// <summary>One sheet: rows of cells; <paramref name="HeaderRow"/> (0-based) is bold and frozen with everything above.</summary>
public sealed record XSheet(string Name, IReadOnlyList<IReadOnlyList<XCell>> Rows, int HeaderRow);

/// <summary>
/// Writes .xlsx workbooks with the Open XML SDK: inline strings, dd/MM/yyyy dates, bold frozen header rows, wrapped
/// text and column widths computed from the content (no font measuring, so it works the same on Linux).
/// </summary>
public static class WorkbookWriter
{
    private const uint WrapStyle = 1;
    private const uint HeaderStyle = 2;
    private const uint DateStyle = 3;
    private const uint TitleStyle = 4;
    private const double MaxWidth = 60;

    public static void Write(Stream output, IReadOnlyList<XSheet> sheets)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
        uint id = 1;
        foreach (var sheet in sheets)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            part.Worksheet = Worksheet(sheet);
            sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id++, Name = sheet.Name });
        }

        workbookPart.Workbook.Save();
    }

    /// <summary>A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ], unique in the workbook.</summary>
    public static string SheetName(string wanted, ISet<string> taken)
    {
        var clean = new string(wanted.Where(c => ":\\/?*[]".IndexOf(c, StringComparison.Ordinal) < 0).ToArray()).Trim();
        var name = clean.Length <= 31 ? clean : clean[..31].TrimEnd();
        for (var n = 2; !taken.Add(name); n++)
        {
            var suffix = $" ({n})";
            name = (clean.Length + suffix.Length <= 31 ? clean : clean[..(31 - suffix.Length)].TrimEnd()) + suffix;
        }

        return name;
    }

    private static Worksheet Worksheet(XSheet sheet)
    {
        var columns = sheet.Rows.Count == 0 ? 0 : sheet.Rows.Max(r => r.Count);
        var widths = Enumerable.Range(0, columns).Select(c => Math.Clamp(
            sheet.Rows.Where((r, i) => i >= sheet.HeaderRow && c < r.Count).Select(r => Length(r[c])).DefaultIfEmpty(8).Max() + 2, 8, MaxWidth)).ToList();
        var cols = new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true }));
        var data = new SheetData();
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)r + 1 };
            for (var c = 0; c < sheet.Rows[r].Count; c++)
            {
                row.Append(Cell(sheet.Rows[r][c], Reference(c, r), r == sheet.HeaderRow));
            }

            data.Append(row);
        }

        var frozen = sheet.HeaderRow + 1;
        var view = new SheetView { WorkbookViewId = 0 };
        view.Append(new Pane
        {
            VerticalSplit = frozen,
            TopLeftCell = $"A{frozen + 1}",
            ActivePane = PaneValues.BottomLeft,
            State = PaneStateValues.Frozen,
        });
        return new Worksheet(new SheetViews(view), cols, data);
    }

    private static Cell Cell(XCell value, string reference, bool header) => value switch
    {
        XDate d => new Cell
        {
            CellReference = reference,
            StyleIndex = DateStyle,
            CellValue = new CellValue(d.Value.ToDateTime(TimeOnly.MinValue).ToOADate()),
        },
        XNumber n => new Cell { CellReference = reference, StyleIndex = header ? HeaderStyle : WrapStyle, CellValue = new CellValue(n.Value) },
        XText t => new Cell
        {
            CellReference = reference,
            DataType = CellValues.InlineString,
            StyleIndex = header ? HeaderStyle : t.Bold ? TitleStyle : WrapStyle,
            InlineString = new InlineString(new Text(t.Value) { Space = SpaceProcessingModeValues.Preserve }),
        },
        _ => new Cell { CellReference = reference },
    };

    private static double Length(XCell cell) => cell switch
    {
        XText t => Math.Min(t.Value.Split('\n').Max(l => l.Length), MaxWidth),
        XDate => 11,
        _ => 6,
    };

    private static string Reference(int column, int row)
    {
        var letters = string.Empty;
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + ((c - 1) % 26)) + letters;
        }

        return letters + (row + 1);
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Calibri" }))
        { Count = 3 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9E2F3" }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center }) { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = 164, ApplyNumberFormat = true, ApplyAlignment = true },
            new CellFormat { FontId = 2, ApplyFont = true })
        { Count = 5 });
}
