namespace CchcBot.Teams.Files;

/// <summary>Settings under "Import": where files sent to the bot in Teams may be downloaded from, and how long it may take.</summary>
public sealed class FileDownloadOptions
{
    public const string Section = "Import";

    /// <summary>The hosts of SharePoint and OneDrive, where Teams keeps the files sent in a personal chat.</summary>
    public static readonly IReadOnlyList<string> DefaultHosts = ["*.sharepoint.com", "*.sharepoint.us"];

    /// <summary>Host names, or "*.domain" for any host under it; null or empty keeps <see cref="DefaultHosts"/>.</summary>
    public string[]? AllowedDownloadHosts { get; set; }

    public int DownloadTimeoutSeconds { get; set; } = 30;

    public IReadOnlyList<string> EffectiveHosts => AllowedDownloadHosts is { Length: > 0 } hosts
        ? hosts.Select(h => h.Trim().ToLowerInvariant()).Where(h => h.Length > 0).ToList()
        : DefaultHosts;

    public IEnumerable<string> Validate()
    {
        foreach (var (host, i) in (AllowedDownloadHosts ?? []).Select((h, i) => (h, i)))
        {
            var name = host?.Trim().TrimStart('*', '.') ?? string.Empty;
            if (name.Length == 0 || Uri.CheckHostName(name) == UriHostNameType.Unknown || host!.Trim().IndexOf('*', 1) >= 0)
            {
                yield return $"Import:AllowedDownloadHosts:{i} must be a host name or '*.domain' (not '{host}').";
            }
        }

        if (DownloadTimeoutSeconds is < 1 or > 600)
        {
            yield return $"Import:DownloadTimeoutSeconds must be between 1 and 600 (not {DownloadTimeoutSeconds}).";
        }
    }

    /// <summary>Whether a download address is allowed: HTTPS to an allowed host, or plain HTTP to an allowed loopback host.</summary>
    public bool Allows(Uri address)
    {
        if (!address.IsAbsoluteUri || address.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(address.UserInfo))
        {
            return false;
        }

        if (address.Scheme == "http" && !address.IsLoopback)
        {
            return false;
        }

        var host = address.IdnHost.ToLowerInvariant();
        return EffectiveHosts.Any(allowed => allowed.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(allowed[1..], StringComparison.Ordinal) && host.Length > allowed.Length - 1
            : host == allowed);
    }
}
