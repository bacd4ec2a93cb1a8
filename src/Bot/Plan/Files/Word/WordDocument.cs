using System.Text;
using System.Xml;

namespace CchcBot.Plan.Files.Word;

/// <summary>A paragraph of the document: its lines (soft breaks split it), cleaned; <see cref="Seq"/> orders it among tables.</summary>
internal sealed record DocParagraph(int Seq, IReadOnlyList<string> Lines, bool InTable)
{
    public string Text => string.Join(' ', Lines.Where(l => l.Length > 0));
}

internal sealed record DocCell(int Span, bool Continues, IReadOnlyList<string> Lines);

internal sealed record DocRow(int GridBefore, bool Header, IReadOnlyList<DocCell> Cells);

/// <summary>A table of the document (nested ones too); <see cref="Seq"/> and <see cref="EndSeq"/> place it among paragraphs.</summary>
internal sealed record DocTable(int Seq, int EndSeq, IReadOnlyList<DocRow> Rows, bool Nested)
{
    /// <summary>The number of grid columns its widest row covers.</summary>
    public int Width => Rows.Count == 0 ? 0 : Rows.Max(r => Math.Max(0, r.GridBefore) + r.Cells.Sum(c => c.Span));
}

/// <summary>
/// The main document part of a .docx read in one pass (XmlReader: a plan of hundreds of tasks reads in milliseconds,
/// where building the SDK's DOM takes many times longer). Text as Word shows it: runs joined; w:br and w:cr as line
/// breaks; tabs as spaces; text deleted or moved away in tracked changes, field codes, drawings, text boxes and
/// alternate content left out; content controls and custom XML looked through.
/// </summary>
internal sealed class WordDocument
{
    private static readonly string[] Namespaces =
        ["http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"];

    // Subtrees whose text is not the paragraph's own (or not text at all).
    private static readonly string[] SkippedNames =
        ["del", "moveFrom", "instrText", "delText", "drawing", "pict", "object", "rPr", "pPr", "sdtPr", "sdtEndPr", "tblPr", "tblGrid",
         "tblPrEx", "txbxContent", "fldData", "footnoteReference", "endnoteReference", "commentReference"];

    private readonly List<DocParagraph> _paragraphs = [];
    private readonly List<DocTable> _tables = [];

    public IReadOnlyList<DocParagraph> Paragraphs => _paragraphs;

    public IReadOnlyList<DocTable> Tables => _tables;

    /// <exception cref="XmlException">The part is not well-formed XML.</exception>
    public static WordDocument Read(Stream part, long maxCharacters)
    {
        // Names compared by reference: the reader returns the name table's one copy of each name.
        var names = new NameTable();
        var settings = new XmlReaderSettings
        {
            NameTable = names,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            MaxCharactersInDocument = maxCharacters,
        };
        using var reader = XmlReader.Create(part, settings);
        var document = new WordDocument();
        document.Parse(reader, new Atoms(names));
        return document;
    }

    private void Parse(XmlReader reader, Atoms atoms)
    {
        var seq = 0;
        var tables = new Stack<TableBuilder>();
        StringBuilder? paragraph = null;
        var paragraphDepth = 0;
        var inText = false;
        var advance = true;
        while (!advance || reader.Read())
        {
            advance = true;
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (!atoms.IsWord(reader.NamespaceURI))
                    {
                        if ((object)reader.LocalName == atoms.AlternateContent || (object)reader.LocalName == atoms.Fallback)
                        {
                            reader.Skip();
                            advance = false;
                        }

                        continue;
                    }

                    var name = reader.LocalName;
                    var empty = reader.IsEmptyElement;
                    if (atoms.Skipped.Contains(name))
                    {
                        reader.Skip();
                        advance = false;
                        continue;
                    }

                    var table = tables.Count > 0 ? tables.Peek() : null;
                    switch (name)
                    {
                        case "tbl":
                            tables.Push(new TableBuilder(seq++));
                            break;
                        case "tr" when table is not null:
                            table.Rows.Add(new RowBuilder());
                            break;
                        case "tblHeader" when table?.Row is { Cell: null } row:
                            row.Header = OnOff(reader.GetAttribute("val", reader.NamespaceURI));
                            break;
                        case "gridBefore" when table?.Row is { Cell: null } row:
                            row.GridBefore = Number(reader.GetAttribute("val", reader.NamespaceURI)) ?? 0;
                            break;
                        case "tc" when table?.Row is { } row:
                            row.Cells.Add(new CellBuilder());
                            break;
                        case "gridSpan" when table?.Row?.Cell is { } cell && paragraphDepth == 0:
                            cell.Span = Math.Max(1, Math.Min(Number(reader.GetAttribute("val", reader.NamespaceURI)) ?? 1, 64));
                            break;
                        case "vMerge" when table?.Row?.Cell is { } cell && paragraphDepth == 0:
                            cell.Continues = reader.GetAttribute("val", reader.NamespaceURI) is not "restart";
                            break;
                        case "p":
                            paragraphDepth++;
                            if (paragraphDepth == 1)
                            {
                                paragraph = new StringBuilder();
                            }

                            break;
                        case "t" when paragraphDepth == 1:
                            inText = true;
                            break;
                        case "br" or "cr" when paragraphDepth == 1:
                            paragraph!.Append('\n');
                            break;
                        case "tab" or "ptab" when paragraphDepth == 1:
                            paragraph!.Append(' ');
                            break;
                        case "noBreakHyphen" when paragraphDepth == 1:
                            paragraph!.Append('-');
                            break;
                        default:
                            break;
                    }

                    if (empty)
                    {
                        End(name);
                    }

                    break;
                case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace or XmlNodeType.CDATA when inText:
                    paragraph!.Append(reader.Value);
                    break;
                case XmlNodeType.EndElement when atoms.IsWord(reader.NamespaceURI):
                    End(reader.LocalName);
                    break;
                default:
                    break;
            }
        }

        void End(string name)
        {
            switch (name)
            {
                case "t":
                    inText = false;
                    break;
                case "p" when paragraphDepth > 0:
                    paragraphDepth--;
                    if (paragraphDepth == 0)
                    {
                        var lines = paragraph!.ToString().Split('\n').Select(WordText.Clean).ToList();
                        _paragraphs.Add(new DocParagraph(seq++, lines, tables.Count > 0));
                        if (tables.Count > 0 && tables.Peek().Row?.Cell is { } cell)
                        {
                            cell.Lines.AddRange(lines.Where(l => l.Length > 0));
                        }

                        paragraph = null;
                    }

                    break;
                case "tc" when tables.Count > 0 && tables.Peek().Row is { } row:
                    row.Close();
                    break;
                case "tr" when tables.Count > 0 && tables.Peek().Row is { } row:
                    row.Closed = true;
                    break;
                case "tbl" when tables.Count > 0:
                    var done = tables.Pop();
                    _tables.Add(new DocTable(done.Seq, seq++, done.Rows.Select(r => r.Build()).ToList(), tables.Count > 0));
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>The names the parser looks for, as the reader's name table holds them.</summary>
    private sealed class Atoms(NameTable names)
    {
        private readonly string _word = names.Add(Namespaces[0]);
        private readonly string _strict = names.Add(Namespaces[1]);

        public string AlternateContent { get; } = names.Add("AlternateContent");

        public string Fallback { get; } = names.Add("Fallback");

        public HashSet<string> Skipped { get; } = new(SkippedNames.Select(names.Add), ReferenceEqualityComparer.Instance);

        public bool IsWord(string uri) => (object)uri == _word || (object)uri == _strict;
    }

    private static bool OnOff(string? value) => value is null or "true" or "1" or "on";

    private static int? Number(string? value) =>
        int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    private sealed class TableBuilder(int seq)
    {
        public int Seq { get; } = seq;

        public List<RowBuilder> Rows { get; } = [];

        /// <summary>The row being read, if any.</summary>
        public RowBuilder? Row => Rows.Count > 0 && !Rows[^1].Closed ? Rows[^1] : null;
    }

    private sealed class RowBuilder
    {
        public int GridBefore { get; set; }

        public bool Header { get; set; }

        public bool Closed { get; set; }

        public List<CellBuilder> Cells { get; } = [];

        /// <summary>The cell being read, if any.</summary>
        public CellBuilder? Cell => Cells.Count > 0 && !Cells[^1].Closed ? Cells[^1] : null;

        public void Close()
        {
            if (Cell is { } cell)
            {
                cell.Closed = true;
            }
        }

        public DocRow Build() => new(GridBefore, Header, Cells.Select(c => new DocCell(c.Span, c.Continues, c.Lines)).ToList());
    }

    private sealed class CellBuilder
    {
        public int Span { get; set; } = 1;

        public bool Continues { get; set; }

        public bool Closed { get; set; }

        public List<string> Lines { get; } = [];
    }
}
