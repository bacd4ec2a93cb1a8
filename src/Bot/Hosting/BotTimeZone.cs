namespace CchcBot.Hosting;

/// <summary>The users' time zone from <c>Bot:TimeZone</c>: the one place its id is resolved.</summary>
public static class BotTimeZone
{
    public const string DefaultId = "Asia/Ho_Chi_Minh";

    /// <param name="id">An IANA or Windows id; null or blank means <see cref="DefaultId"/>.</param>
    public static bool TryResolve(string? id, out TimeZoneInfo zone)
    {
        var name = string.IsNullOrWhiteSpace(id) ? DefaultId : id.Trim();
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(name);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // Containers without tzdata: Viet Nam has kept UTC+07:00 without daylight saving since 1975.
            var vietnam = name is DefaultId or "SE Asia Standard Time";
            zone = vietnam ? TimeZoneInfo.CreateCustomTimeZone(DefaultId, TimeSpan.FromHours(7), "Giờ Việt Nam", "Giờ Việt Nam") : TimeZoneInfo.Utc;
            return vietnam;
        }
    }

    /// <exception cref="InvalidOperationException">The zone is unknown; the message names Bot:TimeZone.</exception>
    public static TimeZoneInfo Resolve(string? id) => TryResolve(id, out var zone)
        ? zone
        : throw new InvalidOperationException($"Bot:TimeZone '{id}' is not a time zone known to this machine (e.g. Asia/Ho_Chi_Minh).");
}
