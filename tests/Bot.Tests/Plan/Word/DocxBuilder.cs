using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CchcBot.Bot.Tests.Plan.Word;

/// <summary>How a cell takes part in a vertical merge (w:vMerge).</summary>
internal enum Merge
{
    None,
    Restart,
    Continue,
}

/// <summary>
/// A table cell for <see cref="DocxBuilder"/>. In its text, "\n" starts a new paragraph, "\v" is a soft line break
/// (w:br, as Word's Shift+Enter) and "¦" splits a run (as Word does mid-word after an edit or a spell check).
/// </summary>
/// <param name="Xml">When given, the cell's content as WordprocessingML (w: prefix), instead of <paramref name="Text"/>.</param>
internal sealed record WCell(string Text, int Span = 1, Merge Merge = Merge.None, bool Numbered = false, string? Xml = null);

internal sealed record WRow(IReadOnlyList<WCell> Cells, bool Header = false);

/// <summary>Builds .docx files the way Word writes them, with the Open XML SDK.</summary>
internal sealed class DocxBuilder
{
    private readonly List<OpenXmlElement> _body = [];

    public static WCell C(string text) => new(text);

    public static WCell Numbered(string text) => new(text, Numbered: true);

    public static WCell Span(string text, int span) => new(text, span);

    public static WCell Restart(string text) => new(text, Merge: Merge.Restart);

    public static WCell Continue() => new(string.Empty, Merge: Merge.Continue);

    /// <summary>A cell whose content is written as WordprocessingML, e.g. "&lt;w:p&gt;&lt;w:r&gt;&lt;w:t&gt;…".</summary>
    public static WCell Xml(string xml) => new(string.Empty, Xml: xml);

    /// <summary>A cell holding a whole table (a layout table around the task table).</summary>
    public static WCell Nested(params WRow[] rows) => new(string.Empty, Xml: new DocxBuilder().Table(rows)._body[0].OuterXml + "<w:p/>");

    public static WRow Row(params WCell[] cells) => new(cells);

    public static WRow Row(params string[] cells) => new(cells.Select(C).ToList());

    public static WRow HeaderRow(params string[] cells) => new(cells.Select(C).ToList(), Header: true);

    public DocxBuilder Paragraph(string text, bool numbered = false)
    {
        _body.AddRange(Paragraphs(text, numbered));
        return this;
    }

    public DocxBuilder Paragraphs(params string[] texts)
    {
        foreach (var text in texts)
        {
            Paragraph(text);
        }

        return this;
    }

    public DocxBuilder Table(params WRow[] rows) => Table((IEnumerable<WRow>)rows);

    /// <summary>Tables one after the other, each followed by an empty paragraph (as Word separates split tables).</summary>
    public DocxBuilder Tables(IEnumerable<IEnumerable<WRow>> tables)
    {
        foreach (var table in tables)
        {
            Table(table);
        }

        return this;
    }

    public DocxBuilder Table(IEnumerable<WRow> rows)
    {
        var list = rows.ToList();
        var columns = list.Max(r => r.Cells.Sum(c => c.Span));
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })),
            new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = (9000 / columns).ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        foreach (var row in list)
        {
            var tr = new TableRow();
            if (row.Header)
            {
                tr.Append(new TableRowProperties(new TableHeader()));
            }

            foreach (var cell in row.Cells)
            {
                var properties = new TableCellProperties();
                if (cell.Span > 1)
                {
                    properties.Append(new GridSpan { Val = cell.Span });
                }

                if (cell.Merge == Merge.Restart)
                {
                    properties.Append(new VerticalMerge { Val = MergedCellValues.Restart });
                }
                else if (cell.Merge == Merge.Continue)
                {
                    properties.Append(new VerticalMerge());
                }

                var tc = new TableCell(properties);
                if (cell.Xml is { } xml)
                {
                    var parsed = new TableCell($"<w:tc xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">{xml}</w:tc>");
                    tc.Append(parsed.ChildElements.Select(e => e.CloneNode(true)));
                }
                else
                {
                    tc.Append(Paragraphs(cell.Text, cell.Numbered));
                }

                tr.Append(tc);
            }

            table.Append(tr);
        }

        _body.Add(table);
        _body.Add(new Paragraph());
        return this;
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(_body.Select(e => e.CloneNode(true))));
            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new Numbering(
                new AbstractNum(
                    new Level(
                        new StartNumberingValue { Val = 1 },
                        new NumberingFormat { Val = NumberFormatValues.Decimal },
                        new LevelText { Val = "%1." })
                    { LevelIndex = 0 })
                { AbstractNumberId = 1 },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 });
        }

        return stream.ToArray();
    }

    private static IEnumerable<Paragraph> Paragraphs(string text, bool numbered) =>
        text.Split('\n').Select(p => MakeParagraph(p, numbered));

    private static Paragraph MakeParagraph(string text, bool numbered)
    {
        var paragraph = new Paragraph();
        if (numbered)
        {
            paragraph.Append(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })));
        }

        var lines = text.Split('\v');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                paragraph.Append(new Run(new Break()));
            }

            foreach (var piece in lines[i].Split('¦').Where(p => p.Length > 0))
            {
                paragraph.Append(new Run(new RunProperties(new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman" }),
                    new Text(piece) { Space = SpaceProcessingModeValues.Preserve }));
            }
        }

        return paragraph;
    }
}
