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

/// <summary>A share (0.25 shows as 25%), kept a number so it can be summed and charted.</summary>
public sealed record XPercent(double Value) : XCell
{
    public static XPercent Of(int part, int whole) => new(whole == 0 ? 0 : (double)part / whole);
}

/// <summary>
/// One sheet: rows of cells; <paramref name="HeaderRow"/> (0-based) is bold, frozen with everything above and repeated on
/// every printed page; it and the rows below it are the table (bordered).
/// </summary>
public sealed record XSheet(string Name, IReadOnlyList<IReadOnlyList<XCell>> Rows, int HeaderRow);

/// <summary>
/// Writes .xlsx workbooks with the Open XML SDK: inline strings, dd/MM/yyyy dates, percentages as numbers, bold frozen
/// header rows, bordered wrapped tables and column widths computed from the content (no font measuring, so it works the
/// same on Linux). Every sheet prints on A4 landscape, one page wide, its header row repeated on each page.
/// </summary>
public static class WorkbookWriter
{
    private const uint WrapStyle = 1;
    private const uint HeaderStyle = 2;
    private const uint DateStyle = 3;
    private const uint TitleStyle = 4;
    private const uint PercentStyle = 5;
    private const uint PlainStyle = 6;
    private const uint A4 = 9;
    private const double MaxWidth = 60;

    public static void Write(Stream output, IReadOnlyList<XSheet> sheets)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
        var printTitles = new DefinedNames();
        uint id = 1;
        foreach (var sheet in sheets)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            part.Worksheet = Worksheet(sheet);
            sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id, Name = sheet.Name });
            var row = sheet.HeaderRow + 1;
            printTitles.Append(new DefinedName($"'{sheet.Name.Replace("'", "''", StringComparison.Ordinal)}'!${row}:${row}")
            {
                Name = "_xlnm.Print_Titles",
                LocalSheetId = id - 1,
            });
            id++;
        }

        workbookPart.Workbook.Append(printTitles);

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
                row.Append(Cell(sheet.Rows[r][c], Reference(c, r), r == sheet.HeaderRow, inTable: r >= sheet.HeaderRow));
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
        return new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(view),
            cols,
            data,
            new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
            new PageSetup { PaperSize = A4, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
    }

    private static Cell Cell(XCell value, string reference, bool header, bool inTable)
    {
        var text = header ? HeaderStyle : inTable ? WrapStyle : PlainStyle;
        return value switch
        {
            XDate d => new Cell
            {
                CellReference = reference,
                StyleIndex = DateStyle,
                CellValue = new CellValue(d.Value.ToDateTime(TimeOnly.MinValue).ToOADate()),
            },
            XPercent p => new Cell { CellReference = reference, StyleIndex = PercentStyle, CellValue = new CellValue(p.Value) },
            XNumber n => new Cell { CellReference = reference, StyleIndex = text, CellValue = new CellValue(n.Value) },
            XText t => new Cell
            {
                CellReference = reference,
                DataType = CellValues.InlineString,
                StyleIndex = t.Bold ? (inTable ? HeaderStyle : TitleStyle) : text,
                InlineString = new InlineString(new Text(t.Value) { Space = SpaceProcessingModeValues.Preserve }),
            },
            _ => new Cell { CellReference = reference, StyleIndex = inTable ? WrapStyle : 0 },
        };
    }

    private static double Length(XCell cell) => cell switch
    {
        XText t => Math.Min(t.Value.Split('\n').Max(l => l.Length), MaxWidth),
        XDate => 11,
        XPercent => 7,
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
        new Borders(new Border(), Thin()) { Count = 2 },
        new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { BorderId = 1, ApplyAlignment = true, ApplyBorder = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center }) { FontId = 1, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyAlignment = true, ApplyBorder = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = 164, BorderId = 1, ApplyNumberFormat = true, ApplyAlignment = true, ApplyBorder = true },
            new CellFormat { FontId = 2, ApplyFont = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = 9, BorderId = 1, ApplyNumberFormat = true, ApplyAlignment = true, ApplyBorder = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true })
        { Count = 7 });

    private static Border Thin()
    {
        static T Side<T>()
            where T : BorderPropertiesType, new() => new() { Style = BorderStyleValues.Thin, Color = new Color { Auto = true } };

        return new Border(Side<LeftBorder>(), Side<RightBorder>(), Side<TopBorder>(), Side<BottomBorder>(), new DiagonalBorder());
    }
}
