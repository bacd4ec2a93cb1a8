using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CchcBot.Reports.Word;

/// <summary>How one paragraph looks, on top of its style.</summary>
public sealed record Look(
    string? Style = null,
    bool Bold = false,
    bool Italic = false,
    double? Size = null,
    JustificationValues? Align = null,
    bool NoIndent = false,
    bool KeepNext = false,
    bool PageBreakBefore = false,
    int? Before = null,
    int? After = null);

/// <summary>
/// Small factories for WordprocessingML elements. Sizes are points, lengths twips (1/20 pt; 567 ≈ 1 cm). Properties are
/// set through the SDK's typed setters, which keep the schema's element order (what the validator checks).
/// </summary>
public static class Docx
{
    public const string Font = "Times New Roman";

    /// <summary>A4 portrait, in twips.</summary>
    public const uint PageWidth = 11906;
    public const uint PageHeight = 16838;

    /// <summary>Margins (Nghị định 30/2020: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm): 20, 20, 30, 15 mm.</summary>
    public const int MarginTop = 1134;
    public const int MarginBottom = 1134;
    public const uint MarginLeft = 1701;
    public const uint MarginRight = 851;

    /// <summary>The text width between the margins.</summary>
    public const int TextWidth = (int)(PageWidth - MarginLeft - MarginRight);

    /// <summary>First-line indent of body paragraphs: 1.25 cm.</summary>
    public const int FirstLine = 709;

    public static string HalfPoints(double points) => ((int)Math.Round(points * 2)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static Run Run(string text, bool bold = false, bool italic = false, double? size = null)
    {
        var run = new Run();
        if (RunProperties(bold, italic, size) is { } properties)
        {
            run.Append(properties);
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        return run;
    }

    /// <summary>A run's properties; null when it has none (the run then has no w:rPr).</summary>
    public static RunProperties? RunProperties(bool bold, bool italic, double? size)
    {
        var properties = new RunProperties();
        if (bold)
        {
            properties.Bold = new Bold();
            properties.BoldComplexScript = new BoldComplexScript();
        }

        if (italic)
        {
            properties.Italic = new Italic();
            properties.ItalicComplexScript = new ItalicComplexScript();
        }

        if (size is { } s)
        {
            properties.FontSize = new FontSize { Val = HalfPoints(s) };
            properties.FontSizeComplexScript = new FontSizeComplexScript { Val = HalfPoints(s) };
        }

        return properties.HasChildren ? properties : null;
    }

    public static Paragraph P(string text, Look? look = null) => P(look ?? new Look(), Run(text, look?.Bold ?? false, look?.Italic ?? false, look?.Size));

    public static Paragraph P(Look look, params Run[] runs)
    {
        var paragraph = new Paragraph(ParagraphProperties(look));
        paragraph.Append(runs);
        return paragraph;
    }

    /// <summary>A paragraph's properties for a look (always present, empty for the plain look).</summary>
    public static ParagraphProperties ParagraphProperties(Look look)
    {
        var properties = new ParagraphProperties();
        if (look.Style is { } style)
        {
            properties.ParagraphStyleId = new ParagraphStyleId { Val = style };
        }

        if (look.KeepNext)
        {
            properties.KeepNext = new KeepNext();
        }

        if (look.PageBreakBefore)
        {
            properties.PageBreakBefore = new PageBreakBefore();
        }

        if (look.Before is not null || look.After is not null)
        {
            var spacing = new SpacingBetweenLines();
            if (look.Before is { } before)
            {
                spacing.Before = before.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (look.After is { } after)
            {
                spacing.After = after.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            properties.SpacingBetweenLines = spacing;
        }

        if (look.NoIndent)
        {
            properties.Indentation = new Indentation { FirstLine = "0" };
        }

        if (look.Align is { } align)
        {
            properties.Justification = new Justification { Val = align };
        }

        if (look.Size is { } size)
        {
            properties.ParagraphMarkRunProperties = new ParagraphMarkRunProperties(
                new FontSize { Val = HalfPoints(size) }, new FontSizeComplexScript { Val = HalfPoints(size) });
        }

        return properties;
    }

    /// <summary>
    /// A short horizontal rule: an empty, low paragraph whose bottom border runs between its indents, centred in a
    /// column of <paramref name="columnWidth"/> twips.
    /// </summary>
    public static Paragraph Rule(int columnWidth, int length)
    {
        var side = Math.Max(0, (columnWidth - length) / 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var properties = new ParagraphProperties
        {
            ParagraphStyleId = new ParagraphStyleId { Val = WordStyles.Letterhead },
            ParagraphBorders = new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = "000000" }),
            SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "0", Line = "100", LineRule = LineSpacingRuleValues.Exact },
            Indentation = new Indentation { Left = side, Right = side, FirstLine = "0" },
            ParagraphMarkRunProperties = new ParagraphMarkRunProperties(new FontSize { Val = "4" }, new FontSizeComplexScript { Val = "4" }),
        };
        return new Paragraph(properties);
    }

    public static TableCell Cell(int width, IEnumerable<Paragraph> paragraphs, string? shading = null)
    {
        var cell = new TableCell(CellProperties(width, shading));
        var any = false;
        foreach (var p in paragraphs)
        {
            cell.Append(p);
            any = true;
        }

        if (!any)
        {
            cell.Append(new Paragraph()); // a cell must end with a paragraph
        }

        return cell;
    }

    public static TableCellProperties CellProperties(int width, string? shading = null)
    {
        var properties = new TableCellProperties
        {
            TableCellWidth = new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
        };
        if (shading is not null)
        {
            properties.Shading = new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = shading };
        }

        properties.TableCellVerticalAlignment = new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Top };
        return properties;
    }

    /// <summary>A fixed-layout table of the given column widths; <paramref name="borders"/> false for layout tables.</summary>
    public static Table Table(IReadOnlyList<int> widths, bool borders)
    {
        var border = borders ? BorderValues.Single : BorderValues.None;
        uint size = borders ? 4u : 0u;
        var properties = new TableProperties
        {
            TableWidth = new TableWidth { Width = widths.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            TableBorders = new TableBorders(
                new TopBorder { Val = border, Size = size, Color = "000000" },
                new LeftBorder { Val = border, Size = size, Color = "000000" },
                new BottomBorder { Val = border, Size = size, Color = "000000" },
                new RightBorder { Val = border, Size = size, Color = "000000" },
                new InsideHorizontalBorder { Val = border, Size = size, Color = "000000" },
                new InsideVerticalBorder { Val = border, Size = size, Color = "000000" }),
            TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
            TableCellMarginDefault = new TableCellMarginDefault(
                new TopMargin { Width = borders ? "40" : "0", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = borders ? (short)60 : (short)0, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = borders ? "40" : "0", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = borders ? (short)60 : (short)0, Type = TableWidthValues.Dxa }),
            TableLook = new TableLook { Val = "04A0", FirstRow = true, NoVerticalBand = true },
        };
        var table = new Table(properties, new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        return table;
    }

    public static TableRow Row(IEnumerable<TableCell> cells, bool header = false, bool cantSplit = false)
    {
        var row = new TableRow();
        if (RowProperties(header, cantSplit) is { } properties)
        {
            row.Append(properties);
        }

        row.Append(cells);
        return row;
    }

    /// <summary>A row's properties; null for a row that neither repeats as a header nor stays on one page.</summary>
    public static TableRowProperties? RowProperties(bool header, bool cantSplit)
    {
        if (!header && !cantSplit)
        {
            return null;
        }

        var properties = new TableRowProperties();
        if (cantSplit)
        {
            properties.Append(new CantSplit());
        }

        if (header)
        {
            properties.Append(new TableHeader());
        }

        return properties;
    }

    /// <summary>The PAGE field, as a complex field (begin · instruction · separate · result · end).</summary>
    public static IEnumerable<Run> PageField() =>
    [
        new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
        new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
        new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
        new Run(new Text("2")),
        new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
    ];
}
