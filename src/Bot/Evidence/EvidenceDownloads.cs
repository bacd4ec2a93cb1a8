using CchcBot.Storage;


namespace CchcBot.Evidence;

/// <summary>
/// GET /files/{token}: an evidence file through the bot (the blobs are never public). A token is 192 random bits naming
/// one attached file, issued when a task card listing it was built for someone who may view the task, valid for
/// <see cref="EvidenceStore.LinkLifetime"/>; whoever holds it may download that file without signing in (Teams opens links
/// in a browser without the bot's identity). The file comes as an attachment under its original name (RFC 6266
/// filename*, UTF-8), with the content type the bot recorded from its checked type.
/// </summary>
public static class EvidenceDownloads
{
    public static async Task<IResult> DownloadAsync(string token, HttpResponse response, EvidenceStore store, ILoggerFactory logs, CancellationToken ct)
    {
        try
        {
            if (await store.OpenAsync(token, ct) is not var (file, content))
            {
                return Results.NotFound();
            }

            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers.CacheControl = "private, no-store";
            return Results.File(content, file.ContentType, file.FileName);
        }
        catch (Exception e) when (StorageOutage.Is(e) || e is Azure.RequestFailedException)
        {
            logs.CreateLogger("Evidence").LogWarning(e, "Storage does not answer: an evidence download was refused with 503");
            return Results.Json(new { status = "storage unavailable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>A file name safe to store and send back: no control characters or path, at most 200 characters.</summary>
    public static string SafeName(string name, string fileType)
    {
        var leaf = name.Replace('\\', '/');
        leaf = leaf[(leaf.LastIndexOf('/') + 1)..];
        var clean = new string(leaf.Where(c => !char.IsControl(c) && c is not ('"' or '\u2028' or '\u2029')).ToArray()).Trim();
        if (clean.Length > 200)
        {
            var extension = Path.GetExtension(clean);
            clean = clean[..(200 - extension.Length)] + extension;
        }

        return clean.Length == 0 || clean.Trim('.').Length == 0 ? $"tai-lieu.{fileType}" : clean;
    }
}
