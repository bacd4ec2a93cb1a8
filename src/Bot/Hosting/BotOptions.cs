namespace CchcBot.Hosting;

/// <summary>Settings under "Bot".</summary>
public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>IANA or Windows id of the users' time zone; every date and time users see is in it.</summary>
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    /// <summary>Entra tenant ids whose activities are served; empty = any tenant (local development).</summary>
    public List<string> AllowedTenants { get; set; } = [];

    /// <summary>
    /// Lets the bot run without authentication (an empty MicrosoftAppId) outside the Development environment; it logs a
    /// warning at start and only talks to loopback service URLs.
    /// </summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>
    /// The bot's public address (absolute http(s) URL) for the links it sends, e.g. report downloads. Required in
    /// production with authentication; otherwise defaults to the server's own local address. Never taken from a request.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    public IEnumerable<string> Validate()
    {
        if (!string.IsNullOrWhiteSpace(PublicBaseUrl) && !IsBaseUrl(PublicBaseUrl))
        {
            yield return $"Bot:PublicBaseUrl '{PublicBaseUrl}' is not an absolute http(s) URL without query or fragment (e.g. https://cchcbot.azurewebsites.net).";
        }

        if (!BotTimeZone.TryResolve(TimeZone, out _))
        {
            yield return $"Bot:TimeZone '{TimeZone}' is not a known time zone id (e.g. Asia/Ho_Chi_Minh).";
        }

        foreach (var tenant in AllowedTenants.Where(t => !Guid.TryParse(t, out _)))
        {
            yield return $"Bot:AllowedTenants contains '{tenant}', which is not a tenant id (GUID).";
        }
    }

    public static bool IsBaseUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0 && uri.Fragment.Length == 0 &&
        string.IsNullOrEmpty(uri.UserInfo);
}
