using Microsoft.Extensions.Options;

namespace CchcBot.Hosting;

/// <summary>The current instant (from <see cref="TimeProvider"/>, so tests choose it) in the users' time zone.</summary>
public sealed class BotClock(TimeProvider time, IOptions<BotOptions> options)
{
    public TimeZoneInfo Zone { get; } = BotOptions.TryFindZone(options.Value.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    public DateTimeOffset Now => time.GetUtcNow();

    public DateTime LocalNow => ToLocal(Now);

    public DateOnly Today => DateOnly.FromDateTime(LocalNow);

    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;
}
