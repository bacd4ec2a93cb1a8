using System.Text.Json;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace CchcBot.Teams.Files;

/// <summary>
/// A file a user sent the bot in a personal chat, as Teams describes it: an attachment of content type
/// <see cref="ContentType"/> whose content holds a short-lived, pre-authenticated download URL.
/// </summary>
public sealed record TeamsFileAttachment(string Name, string FileType, Uri DownloadUrl)
{
    public const string ContentType = "application/vnd.microsoft.teams.file.download.info";

    /// <summary>The file attachments of a message (malformed ones are left out: Teams never sends them).</summary>
    public static IReadOnlyList<TeamsFileAttachment> Of(IActivity activity) =>
        (activity.AsMessageActivity()?.Attachments ?? [])
            .Where(a => string.Equals(a?.ContentType, ContentType, StringComparison.OrdinalIgnoreCase))
            .Select(Parse)
            .OfType<TeamsFileAttachment>()
            .ToList();

    private static TeamsFileAttachment? Parse(Attachment attachment)
    {
        var content = attachment.Content switch
        {
            JObject o => o,
            JsonElement e when e.ValueKind == JsonValueKind.Object => JObject.Parse(e.GetRawText()),
            _ => null,
        };
        var url = content?.Value<string>("downloadUrl");
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var address))
        {
            return null;
        }

        var name = (attachment.Name ?? string.Empty).Trim();
        var type = (content!.Value<string>("fileType") ?? Path.GetExtension(name).TrimStart('.')).Trim().ToLowerInvariant();
        return new TeamsFileAttachment(name.Length > 0 ? name : "tep." + type, type, address);
    }
}
