namespace CchcBot.Teams.Delivery;

/// <summary>Settings under "Delivery": retries and the client-side limits that keep us under Teams' throttling.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>Attempts per message, the first included.</summary>
    public int MaxAttempts { get; set; } = 6;

    public double BaseDelaySeconds { get; set; } = 0.5;

    public double MaxDelaySeconds { get; set; } = 30;

    /// <summary>Teams allows 7 messages per second and 60 per 30 seconds in one conversation…</summary>
    public int PerConversationPerSecond { get; set; } = 7;

    public int PerConversationPer30Seconds { get; set; } = 60;

    /// <summary>…and 50 requests per second per app per tenant.</summary>
    public int PerTenantPerSecond { get; set; } = 50;

    /// <summary>Where to create a chat with someone the bot has never talked to (Teams' global service URL).</summary>
    public string DefaultServiceUrl { get; set; } = "https://smba.trafficmanager.net/teams/";

    public IEnumerable<string> Validate()
    {
        if (MaxAttempts is < 1 or > 20)
        {
            yield return "Delivery:MaxAttempts must be between 1 and 20.";
        }

        if (BaseDelaySeconds is <= 0 or > 60 || MaxDelaySeconds < BaseDelaySeconds || MaxDelaySeconds > 600)
        {
            yield return "Delivery:BaseDelaySeconds must be in (0, 60] and Delivery:MaxDelaySeconds between it and 600.";
        }

        if (PerConversationPerSecond < 1 || PerConversationPer30Seconds < 1 || PerTenantPerSecond < 1)
        {
            yield return "Delivery:PerConversationPerSecond, PerConversationPer30Seconds and PerTenantPerSecond must be at least 1.";
        }

        if (!Uri.TryCreate(DefaultServiceUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            yield return $"Delivery:DefaultServiceUrl '{DefaultServiceUrl}' is not an absolute http(s) URL.";
        }
    }
}
