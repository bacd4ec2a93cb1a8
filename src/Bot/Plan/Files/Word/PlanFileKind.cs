using System.IO.Compression;

namespace CchcBot.Plan.Files.Word;

/// <summary>What a plan file is, by its content rather than its name.</summary>
public enum PlanFileKind
{
    /// <summary>Neither a JSON plan nor a Word document (a picture, a spreadsheet, a corrupt zip…).</summary>
    Unknown,

    /// <summary>Text whose first character (after a byte-order mark and white space) is "{".</summary>
    Json,

    /// <summary>A zip holding word/document.xml.</summary>
    Docx,
}

public static class PlanFileKinds
{
    extension(PlanFileKind)
    {
        /// <summary>Recognises a plan file by its content: a .docx is a zip with word/document.xml, whatever its name.</summary>
        public static PlanFileKind Detect(byte[] content)
        {
            if (content.Length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4)
            {
                try
                {
                    using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
                    return zip.Entries.Any(e => string.Equals(e.FullName, "word/document.xml", StringComparison.OrdinalIgnoreCase))
                        ? PlanFileKind.Docx
                        : PlanFileKind.Unknown;
                }
                catch (InvalidDataException)
                {
                    return PlanFileKind.Unknown;
                }
            }

            var start = content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF ? 3 : 0;
            while (start < content.Length && content[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                start++;
            }

            return start < content.Length && content[start] == '{' ? PlanFileKind.Json : PlanFileKind.Unknown;
        }
    }
}
