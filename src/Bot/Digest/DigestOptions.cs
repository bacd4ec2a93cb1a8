using System.Globalization;

namespace CchcBot.Digest;

/// <summary>Settings under "Digest": when the weekly digest goes out (local time, Bot:TimeZone).</summary>
public sealed class DigestOptions
{
    public const string Section = "Digest";

    public bool Enabled { get; set; } = true;

    public DayOfWeek DayOfWeek { get; set; } = DayOfWeek.Friday;

    public string Time { get; set; } = "16:00";

    public int CheckIntervalMinutes { get; set; } = 5;

    public TimeOnly TimeOfDay => TimeOnly.ParseExact(Time, "HH:mm", CultureInfo.InvariantCulture);

    public IEnumerable<string> Validate()
    {
        if (!TimeOnly.TryParseExact(Time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            yield return $"Digest:Time '{Time}' must be HH:mm (e.g. 16:00).";
        }

        if (CheckIntervalMinutes is < 1 or > 60)
        {
            yield return "Digest:CheckIntervalMinutes must be between 1 and 60.";
        }
    }
}
