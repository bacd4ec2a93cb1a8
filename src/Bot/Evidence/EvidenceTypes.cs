namespace CchcBot.Evidence;

/// <summary>
/// The files taken as evidence: PDF, Word (.docx) and images (PNG, JPEG), by their extension and their first bytes
/// (a file whose content is not what its name says is refused). The content type stored and served comes from here,
/// never from the sender.
/// </summary>
public static class EvidenceTypes
{
    public const long MaxBytes = 20L * 1024 * 1024;

    private static readonly Dictionary<string, (string ContentType, byte[] Magic)> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pdf"] = ("application/pdf", "%PDF-"u8.ToArray()),
        ["docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [0x50, 0x4B, 0x03, 0x04]),
        ["png"] = ("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ["jpg"] = ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        ["jpeg"] = ("image/jpeg", [0xFF, 0xD8, 0xFF]),
    };

    /// <summary>The content type of an accepted file, or null.</summary>
    public static string? ContentTypeOf(string fileType, byte[] content) =>
        Types.TryGetValue(fileType.Trim().TrimStart('.'), out var type) && content.AsSpan().StartsWith(type.Magic) ? type.ContentType : null;

    public static bool IsEvidenceExtension(string fileType) => Types.ContainsKey(fileType.Trim().TrimStart('.'));
}
