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
/// Writes .xlsx workbooks with the Open XML SDK, each sheet streamed as it is written (no object tree of its cells): inline strings, dd/MM/yyyy dates, percentages as numbers, bold frozen
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
        var cells = new SheetWriter();
        uint id = 1;
        foreach (var sheet in sheets)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            cells.Write(part, sheet);
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

    /// <summary>
    /// Writes a worksheet part SAX-style through <see cref="OpenXmlWriter"/>: the small parts (properties, view, columns,
    /// margins, page setup) as elements, the rows and cells straight from the sheet's values, with the same elements,
    /// attributes and order the SDK saves for the object tree (<c>Worksheet(SheetProperties, SheetViews, Columns,
    /// SheetData, PageMargins, PageSetup)</c>, cells with r, s, t and an inline string or a value). Nothing of the cells
    /// is held as an object tree.
    /// </summary>
    private sealed class SheetWriter
    {
        private static readonly OpenXmlAttribute Preserve = new("xml:space", "http://www.w3.org/XML/1998/namespace", "preserve");
        private static readonly OpenXmlAttribute InlineStringType = new("t", string.Empty, "inlineStr");
        private readonly Worksheet _worksheet = new();
        private readonly SheetData _data = new();
        private readonly Row _row = new();
        private readonly Cell _cell = new();
        private readonly CellValue _value = new();
        private readonly InlineString _inline = new();
        private readonly Text _text = new();
        private readonly List<OpenXmlAttribute> _attributes = new(3);
        private readonly OpenXmlAttribute[] _rowAttribute = new OpenXmlAttribute[1];
        private readonly OpenXmlAttribute[] _textAttribute = [Preserve];

        public void Write(WorksheetPart part, XSheet sheet)
        {
            using var writer = OpenXmlWriter.Create(part, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false)); // no BOM, as the SDK saves a part
            writer.WriteStartDocument();
            writer.WriteStartElement(_worksheet);
            writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
            writer.WriteElement(View(sheet));
            writer.WriteElement(Columns(sheet));
            writer.WriteStartElement(_data);
            for (var r = 0; r < sheet.Rows.Count; r++)
            {
                _rowAttribute[0] = new OpenXmlAttribute("r", string.Empty, Number((uint)r + 1));
                writer.WriteStartElement(_row, _rowAttribute);
                var cells = sheet.Rows[r];
                for (var c = 0; c < cells.Count; c++)
                {
                    Cell(writer, cells[c], Reference(c, r), r == sheet.HeaderRow, inTable: r >= sheet.HeaderRow);
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteElement(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
            writer.WriteElement(new PageSetup { PaperSize = A4, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
            writer.WriteEndElement();
            writer.Close();
        }

        private static SheetViews View(XSheet sheet)
        {
            var frozen = sheet.HeaderRow + 1;
            var view = new SheetView { WorkbookViewId = 0 };
            view.Append(new Pane
            {
                VerticalSplit = frozen,
                TopLeftCell = $"A{frozen + 1}",
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            });
            return new SheetViews(view);
        }

        private static Columns Columns(XSheet sheet)
        {
            var columns = sheet.Rows.Count == 0 ? 0 : sheet.Rows.Max(r => r.Count);
            var widths = Enumerable.Range(0, columns).Select(c => Math.Clamp(
                sheet.Rows.Where((r, i) => i >= sheet.HeaderRow && c < r.Count).Select(r => Length(r[c])).DefaultIfEmpty(8).Max() + 2, 8, MaxWidth));
            return new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true }));
        }

        /// <summary>A cell as the tree writer built it: <c>&lt;c r s [t]&gt;</c> with <c>&lt;is&gt;&lt;t xml:space="preserve"&gt;</c> or <c>&lt;v&gt;</c>.</summary>
        private void Cell(OpenXmlWriter writer, XCell value, string reference, bool header, bool inTable)
        {
            var text = header ? HeaderStyle : inTable ? WrapStyle : PlainStyle;
            var (style, number) = value switch
            {
                XDate d => (DateStyle, Number(d.Value.ToDateTime(TimeOnly.MinValue).ToOADate())),
                XPercent p => (PercentStyle, Number(p.Value)),
                XNumber n => (text, Number(n.Value)),
                XText t => (t.Bold ? (inTable ? HeaderStyle : TitleStyle) : text, null),
                _ => (inTable ? WrapStyle : 0u, null),
            };
            _attributes.Clear();
            _attributes.Add(new OpenXmlAttribute("r", string.Empty, reference));
            _attributes.Add(new OpenXmlAttribute("s", string.Empty, Number(style)));
            if (value is XText)
            {
                _attributes.Add(InlineStringType);
            }

            writer.WriteStartElement(_cell, _attributes);
            if (value is XText inline)
            {
                writer.WriteStartElement(_inline);
                writer.WriteStartElement(_text, _textAttribute);
                writer.WriteString(inline.Value);
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            else if (number is not null)
            {
                writer.WriteStartElement(_value);
                writer.WriteString(number);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        private static string Number(uint value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>The text the SDK's CellValue gives a number, as the tree writer wrote it.</summary>
        private static string Number(double value) => new CellValue(value).Text;
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
