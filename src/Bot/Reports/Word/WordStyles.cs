using DocumentFormat.OpenXml.Wordprocessing;

namespace CchcBot.Reports.Word;

/// <summary>
/// The document's styles (Nghị định 30/2020/NĐ-CP, Phụ lục I): Times New Roman everywhere; body 14 pt, justified,
/// first line indented 1.25 cm, 6 pt after each paragraph, line spacing 1.2; headings bold; tables and the heading block
/// without indent or spacing.
/// </summary>
public static class WordStyles
{
    public const string Normal = "Normal";
    public const string Heading = "CchcHeading";
    public const string Centered = "CchcCentered";
    public const string Letterhead = "CchcLetterhead";
    public const string TableText = "CchcTableText";
    public const string Header = "Header";

    public const double BodySize = 14;
    public const double LetterheadSize = 13;
    public const double TableSize = 10;

    /// <summary>6 pt after every body paragraph, in twips.</summary>
    public const int ParagraphAfter = 120;

    /// <summary>Line spacing 1.2 (in 240ths of a line).</summary>
    public const int LineSpacing = 288;

    public static Styles Build()
    {
        var fonts = new RunFonts { Ascii = Docx.Font, HighAnsi = Docx.Font, EastAsia = Docx.Font, ComplexScript = Docx.Font };
        var defaults = new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle
            {
                RunFonts = fonts,
                FontSize = new FontSize { Val = Docx.HalfPoints(BodySize) },
                FontSizeComplexScript = new FontSizeComplexScript { Val = Docx.HalfPoints(BodySize) },
                Languages = new Languages { Val = "vi-VN", EastAsia = "vi-VN", Bidi = "ar-SA" },
            }),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle
            {
                SpacingBetweenLines = new SpacingBetweenLines
                {
                    Before = "0",
                    After = ParagraphAfter.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Line = LineSpacing.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    LineRule = LineSpacingRuleValues.Auto,
                },
            }));

        return new Styles(
            defaults,
            Paragraph(Normal, "Normal", null, isDefault: true, p: p =>
            {
                p.Indentation = new Indentation { FirstLine = Docx.FirstLine.ToString(System.Globalization.CultureInfo.InvariantCulture) };
                p.Justification = new Justification { Val = JustificationValues.Both };
            }),
            Paragraph(Heading, "CCHC heading", Normal, r: r =>
            {
                r.Bold = new Bold();
                r.BoldComplexScript = new BoldComplexScript();
            }, p: p =>
            {
                p.KeepNext = new KeepNext();
                p.SpacingBetweenLines = new SpacingBetweenLines { Before = "120" };
            }),
            Paragraph(Centered, "CCHC centred", Normal, p: p =>
            {
                p.Indentation = new Indentation { FirstLine = "0" };
                p.Justification = new Justification { Val = JustificationValues.Center };
            }),
            Paragraph(Letterhead, "CCHC letterhead", Normal, r: r => Size(r, LetterheadSize), p: p => Single(p, JustificationValues.Center)),
            Paragraph(TableText, "CCHC table text", Normal, r: r => Size(r, TableSize), p: p => Single(p, JustificationValues.Left)),
            Paragraph(Header, "header", Normal, p: p =>
            {
                p.SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "0" };
                p.Indentation = new Indentation { FirstLine = "0" };
                p.Justification = new Justification { Val = JustificationValues.Center };
            }));
    }

    private static void Size(StyleRunProperties r, double points)
    {
        r.FontSize = new FontSize { Val = Docx.HalfPoints(points) };
        r.FontSizeComplexScript = new FontSizeComplexScript { Val = Docx.HalfPoints(points) };
    }

    /// <summary>Single line spacing, no space around, no first-line indent: text inside tables and the heading block.</summary>
    private static void Single(StyleParagraphProperties p, JustificationValues justification)
    {
        p.SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto };
        p.Indentation = new Indentation { FirstLine = "0" };
        p.Justification = new Justification { Val = justification };
    }

    private static Style Paragraph(
        string id, string name, string? basedOn, Action<StyleParagraphProperties>? p = null, bool isDefault = false, Action<StyleRunProperties>? r = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }

        style.StyleName = new StyleName { Val = name };
        if (basedOn is not null)
        {
            style.BasedOn = new BasedOn { Val = basedOn };
        }

        style.PrimaryStyle = new PrimaryStyle();
        var paragraph = new StyleParagraphProperties();
        p?.Invoke(paragraph);
        style.StyleParagraphProperties = paragraph;
        if (r is not null)
        {
            var run = new StyleRunProperties();
            r(run);
            style.StyleRunProperties = run;
        }

        return style;
    }
}
