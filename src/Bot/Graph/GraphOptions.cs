namespace CchcBot.Graph;

/// <summary>Settings under "Graph": client credentials of the bot's app registration, for proactive install.</summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    public string TenantId { get; set; } = string.Empty;

    public string ClientId { get; set; } = string.Empty;

    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>The app's id in the tenant's app catalog (teamsApp id), not the manifest id.</summary>
    public string TeamsAppId { get; set; } = string.Empty;

    /// <summary>Graph's v1.0 root; tests point it at a loopback fake.</summary>
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(TenantId) && !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(TeamsAppId);

    public IEnumerable<string> Validate()
    {
        var given = new[] { TenantId, ClientId, ClientSecret, TeamsAppId }.Count(v => !string.IsNullOrWhiteSpace(v));
        if (given is > 0 and < 4)
        {
            yield return "Graph:TenantId, Graph:ClientId, Graph:ClientSecret and Graph:TeamsAppId go together: give all four, or none to turn proactive install off.";
        }

        if (!string.IsNullOrWhiteSpace(TenantId) && !Guid.TryParse(TenantId, out _))
        {
            yield return $"Graph:TenantId '{TenantId}' is not a tenant id (GUID).";
        }

        if (!string.IsNullOrWhiteSpace(ClientId) && !Guid.TryParse(ClientId, out _))
        {
            yield return $"Graph:ClientId '{ClientId}' is not an application (client) id (GUID).";
        }

        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            yield return $"Graph:BaseUrl '{BaseUrl}' is not an absolute http(s) URL.";
        }
    }
}
