using Microsoft.Extensions.Options;

namespace CchcBot.Hosting;

/// <summary>The current instant (from <see cref="TimeProvider"/>, so tests choose it) in the users' time zone.</summary>
public sealed class BotClock(TimeProvider time, IOptions<BotOptions> options)
{
    /// <summary>Resolved once, here; the settings check has already refused an unknown zone.</summary>
    public TimeZoneInfo Zone { get; } = BotTimeZone.Resolve(options.Value.TimeZone);

    public DateTimeOffset Now => time.GetUtcNow();

    public DateTime LocalNow => ToLocal(Now);

    public DateOnly Today => LocalDate(Now);

    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>The local calendar day of an instant.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant));
}
