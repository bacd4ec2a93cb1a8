using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CchcBot.Reports.Word;

/// <summary>Text of one run and how it looks (the properties <see cref="Docx.Run"/> gives it).</summary>
public sealed record Span(string Text, bool Bold = false, bool Italic = false, double? Size = null);

/// <summary>A paragraph as data, written by <see cref="BodyWriter"/> exactly as <see cref="Docx.P(Look, Run[])"/> builds it.</summary>
public sealed record Para(Look Look, IReadOnlyList<Span> Runs)
{
    /// <summary>One run in the paragraph's look, as <see cref="Docx.P(string, Look?)"/>.</summary>
    public static Para Of(string text, Look? look = null)
    {
        var l = look ?? new Look();
        return new Para(l, [new Span(text, l.Bold, l.Italic, l.Size)]);
    }
}

/// <summary>A table cell as data: its width, shading and one paragraph, as <see cref="Docx.Cell"/> builds it.</summary>
public sealed record CellText(int Width, Para Content, string? Shading = null);

/// <summary>
/// Writes the document's body SAX-style through <see cref="OpenXmlWriter"/>: small blocks (the heading and closing
/// tables) are written as the elements <see cref="Docx"/> builds, the many paragraphs and table rows straight from
/// their text, each property element built once per look and written again wherever it recurs. Nothing of the body
/// is held as an object tree, and the XML is the one the tree would have saved.
/// </summary>
public sealed class BodyWriter
{
    private readonly OpenXmlWriter _writer;
    private readonly Dictionary<Look, ParagraphProperties> _paragraphs = [];
    private readonly Dictionary<(bool, bool, double?), RunProperties?> _runs = [];
    private readonly Dictionary<(int, string?), TableCellProperties> _cells = [];
    private readonly Dictionary<(bool, bool), TableRowProperties?> _rows = [];
    private readonly Break _break = new();
    private readonly Paragraph _paragraph = new();
    private readonly Run _run = new();
    private readonly Text _text = new() { Space = SpaceProcessingModeValues.Preserve };
    private readonly TableRow _row = new();
    private readonly TableCell _cell = new();
    private readonly Table _table = new();

    internal BodyWriter(OpenXmlWriter writer) => _writer = writer;

    /// <summary>A block built as elements (small: a layout table, a rule).</summary>
    public void Write(OpenXmlElement block) => _writer.WriteElement(block);

    public void Write(Para paragraph)
    {
        _writer.WriteStartElement(_paragraph);
        _writer.WriteElement(ParagraphProperties(paragraph.Look));
        foreach (var run in paragraph.Runs)
        {
            Write(run);
        }

        _writer.WriteEndElement();
    }

    /// <summary>Starts a table as <see cref="Docx.Table"/> builds it (properties and grid); rows follow, then <see cref="EndTable"/>.</summary>
    public void StartTable(IReadOnlyList<int> widths, bool borders)
    {
        _writer.WriteStartElement(_table);
        foreach (var part in Docx.Table(widths, borders).ChildElements)
        {
            _writer.WriteElement(part);
        }
    }

    public void EndTable() => _writer.WriteEndElement();

    /// <summary>A row of one-paragraph cells, as <see cref="Docx.Row"/> of <see cref="Docx.Cell"/>s builds it.</summary>
    public void Row(IEnumerable<CellText> cells, bool header = false, bool cantSplit = false)
    {
        _writer.WriteStartElement(_row);
        var key = (header, cantSplit);
        if (!_rows.TryGetValue(key, out var properties))
        {
            _rows[key] = properties = Docx.RowProperties(header, cantSplit);
        }

        if (properties is not null)
        {
            _writer.WriteElement(properties);
        }

        foreach (var cell in cells)
        {
            _writer.WriteStartElement(_cell);
            var cellKey = (cell.Width, cell.Shading);
            if (!_cells.TryGetValue(cellKey, out var cellProperties))
            {
                _cells[cellKey] = cellProperties = Docx.CellProperties(cell.Width, cell.Shading);
            }

            _writer.WriteElement(cellProperties);
            Write(cell.Content);
            _writer.WriteEndElement();
        }

        _writer.WriteEndElement();
    }

    private void Write(Span run)
    {
        _writer.WriteStartElement(_run);
        var key = (run.Bold, run.Italic, run.Size);
        if (!_runs.TryGetValue(key, out var properties))
        {
            _runs[key] = properties = Docx.RunProperties(run.Bold, run.Italic, run.Size);
        }

        if (properties is not null)
        {
            _writer.WriteElement(properties);
        }

        var text = run.Text.AsSpan();
        var first = true;
        foreach (var range in text.Split('\n'))
        {
            if (!first)
            {
                _writer.WriteElement(_break);
            }

            first = false;
            _writer.WriteStartElement(_text);
            _writer.WriteString(text[range].ToString());
            _writer.WriteEndElement();
        }

        _writer.WriteEndElement();
    }

    private ParagraphProperties ParagraphProperties(Look look)
    {
        if (!_paragraphs.TryGetValue(look, out var properties))
        {
            _paragraphs[look] = properties = Docx.ParagraphProperties(look);
        }

        return properties;
    }
}
