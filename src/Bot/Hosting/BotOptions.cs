namespace CchcBot.Hosting;

/// <summary>Settings under "Bot".</summary>
public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>IANA or Windows id of the users' time zone; every date and time users see is in it.</summary>
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    /// <summary>Entra tenant ids whose activities are served; empty = any tenant (local development).</summary>
    public List<string> AllowedTenants { get; set; } = [];

    public IEnumerable<string> Validate()
    {
        if (!TryFindZone(TimeZone, out _))
        {
            yield return $"Bot:TimeZone '{TimeZone}' is not a known time zone id (e.g. Asia/Ho_Chi_Minh).";
        }

        foreach (var tenant in AllowedTenants.Where(t => !Guid.TryParse(t, out _)))
        {
            yield return $"Bot:AllowedTenants contains '{tenant}', which is not a tenant id (GUID).";
        }
    }

    public static bool TryFindZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }
}
