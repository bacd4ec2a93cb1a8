using System.IO.Compression;
using System.Xml;

namespace CchcBot.Plan.Files.Word;

/// <summary>
/// The parts of a .docx the plan reader needs, found as the Open XML SDK finds them but without opening the package
/// through it (System.IO.Packaging reads every part's relationships and builds the package's object tree, for one part
/// read once): the package relationships (_rels/.rels) name the main document part, [Content_Types].xml says it is a
/// WordprocessingML document (or template, macro-enabled or not). Anything else is an <see cref="InvalidDataException"/>,
/// as the SDK refuses to open it.
/// </summary>
internal static class WordPackage
{
    /// <summary>Largest package relationships or content types part read (a real one is a few KB).</summary>
    private const long MaxSmallPart = 1024 * 1024;

    private static readonly HashSet<string> OfficeDocument = new(StringComparer.Ordinal)
    {
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
        "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
    };

    private static readonly HashSet<string> MainContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    };

    /// <summary>The zip entry of the main document part.</summary>
    /// <exception cref="InvalidDataException">The package does not name a WordprocessingML main part that it holds.</exception>
    /// <exception cref="XmlException">A package part is not well-formed XML.</exception>
    public static ZipArchiveEntry MainPart(ZipArchive zip)
    {
        var target = MainTarget(zip) ?? throw new InvalidDataException("the package relationships name no main document part");
        var name = PartName(target);
        var entry = Find(zip, name) ?? throw new InvalidDataException($"the main document part {target} is missing");
        var contentType = ContentType(zip, name);
        if (contentType is null || !MainContentTypes.Contains(contentType))
        {
            throw new InvalidDataException($"the main document part has the content type '{contentType}', not a Word document's");
        }

        return entry;
    }

    public static ZipArchiveEntry? Find(ZipArchive zip, string name) =>
        zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, name, StringComparison.OrdinalIgnoreCase));

    private static string? MainTarget(ZipArchive zip)
    {
        using var reader = Open(zip, "_rels/.rels");
        string? target = null;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship" &&
                reader.GetAttribute("Type") is { } type && OfficeDocument.Contains(type) &&
                !string.Equals(reader.GetAttribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase))
            {
                if (target is not null)
                {
                    throw new InvalidDataException("the package names two main document parts");
                }

                target = reader.GetAttribute("Target");
            }
        }

        return target;
    }

    private static string? ContentType(ZipArchive zip, string name)
    {
        using var reader = Open(zip, "[Content_Types].xml");
        string? byOverride = null, byDefault = null;
        var extension = Path.GetExtension(name).TrimStart('.');
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.LocalName == "Override" && reader.GetAttribute("PartName") is { } part &&
                string.Equals(PartName(part), name, StringComparison.OrdinalIgnoreCase))
            {
                byOverride = reader.GetAttribute("ContentType");
            }
            else if (reader.LocalName == "Default" && string.Equals(reader.GetAttribute("Extension"), extension, StringComparison.OrdinalIgnoreCase))
            {
                byDefault = reader.GetAttribute("ContentType");
            }
        }

        return byOverride ?? byDefault;
    }

    private static readonly Uri Root = new("http://package/");

    /// <summary>A part name as the zip stores it: "/word/document.xml", "./word/document.xml" → "word/document.xml", percent-escapes undone.</summary>
    private static string PartName(string uri) =>
        Uri.TryCreate(Root, uri.Replace('\\', '/'), out var resolved) && resolved.Host == Root.Host
            ? Uri.UnescapeDataString(resolved.AbsolutePath).TrimStart('/')
            : throw new InvalidDataException($"'{uri}' is not a part of the package");

    private static XmlReader Open(ZipArchive zip, string name)
    {
        var entry = Find(zip, name) ?? throw new InvalidDataException($"the package has no {name}");
        if (entry.Length > MaxSmallPart)
        {
            throw new InvalidDataException($"{name} is too large");
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            MaxCharactersInDocument = MaxSmallPart,
            CloseInput = true,
        };
        return XmlReader.Create(entry.Open(), settings);
    }
}
