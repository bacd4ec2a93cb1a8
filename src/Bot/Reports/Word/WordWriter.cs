using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CchcBot.Reports.Word;

/// <summary>
/// Writes a .docx with the Open XML SDK: the styles of <see cref="WordStyles"/>, one A4 portrait section with the
/// Nghị định 30/2020 margins, and the page number centred in the header from page 2 (the title page has its own, empty,
/// first-page header). The main part is written SAX-style as the body is produced (<see cref="BodyWriter"/>): a report of
/// hundreds of tasks never exists as an object tree.
/// </summary>
public static class WordWriter
{
    /// <summary>Header distance from the page's top edge: 10 mm.</summary>
    private const uint HeaderDistance = 567;

    public static void Write(Stream output, Action<BodyWriter> body, string title)
    {
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        document.CompressionOption = System.IO.Packaging.CompressionOption.Fast;
        document.PackageProperties.Title = title;
        document.PackageProperties.Language = "vi-VN";
        var main = document.AddMainDocumentPart();
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = WordStyles.Build();
        var settings = main.AddNewPart<DocumentSettingsPart>();
        settings.Settings = new Settings(new DefaultTabStop { Val = 720 }, new Compatibility(
            new CompatibilitySetting { Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15" }));

        var pageHeader = main.AddNewPart<HeaderPart>();
        pageHeader.Header = new Header(Docx.P(new Look(WordStyles.Header), [.. Docx.PageField()]));
        var firstHeader = main.AddNewPart<HeaderPart>();
        firstHeader.Header = new Header(Docx.P(new Look(WordStyles.Header)));

        using var writer = OpenXmlWriter.Create(main, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false)); // no BOM, as the SDK saves a part
        writer.WriteStartDocument();
        writer.WriteStartElement(new Document());
        writer.WriteStartElement(new Body());
        body(new BodyWriter(writer));
        writer.WriteElement(new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(pageHeader) },
            new HeaderReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(firstHeader) },
            new PageSize { Width = Docx.PageWidth, Height = Docx.PageHeight, Orient = PageOrientationValues.Portrait },
            new PageMargin
            {
                Top = Docx.MarginTop,
                Bottom = Docx.MarginBottom,
                Left = Docx.MarginLeft,
                Right = Docx.MarginRight,
                Header = HeaderDistance,
                Footer = HeaderDistance,
                Gutter = 0,
            },
            new TitlePage()));
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.Close();
    }
}
