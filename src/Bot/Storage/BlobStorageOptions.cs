namespace CchcBot.Storage;

/// <summary>
/// Settings under "Storage" for Blob Storage (evidence files and report downloads). The account is the tables' one:
/// the connection string's blob endpoint (UseDevelopmentStorage=true: Azurite's, port 10000), or with Storage:AccountUrl
/// its blob endpoint (https://acct.table.core.windows.net → https://acct.blob.core.windows.net) and the same managed
/// identity. Storage:BlobAccountUrl names another blob endpoint.
/// </summary>
public sealed class BlobStorageOptions
{
    public string? BlobAccountUrl { get; set; }

    /// <summary>The blob endpoint to reach with a token credential, or null to use the connection string.</summary>
    public static Uri? BlobEndpoint(StorageOptions storage, BlobStorageOptions blobs)
    {
        if (!string.IsNullOrWhiteSpace(blobs.BlobAccountUrl))
        {
            return new Uri(blobs.BlobAccountUrl);
        }

        if (!storage.UsesAccountUrl)
        {
            return null;
        }

        var table = new UriBuilder(storage.AccountUrl!);
        table.Host = table.Host.Replace(".table.", ".blob.", StringComparison.OrdinalIgnoreCase);
        return table.Uri;
    }

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(BlobAccountUrl))
        {
            yield break;
        }

        if (!Uri.TryCreate(BlobAccountUrl, UriKind.Absolute, out var url) || url.Scheme != "https" || url.AbsolutePath != "/" || url.Query.Length > 0 ||
            url.Fragment.Length > 0 || !string.IsNullOrEmpty(url.UserInfo))
        {
            yield return "Storage:BlobAccountUrl is not a blob endpoint: give https://<account>.blob.core.windows.net (https, no path, no query; not repeated here in case it holds a SAS token).";
        }
    }
}
