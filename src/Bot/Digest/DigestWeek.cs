using System.Globalization;

namespace CchcBot.Digest;

/// <summary>The ISO week of a local date: key "2026-W48", number, Monday and Sunday.</summary>
public sealed record DigestWeek(string Key, int Year, int Number, DateOnly Monday, DateOnly Sunday)
{
    public static DigestWeek Of(DateOnly date)
    {
        var dt = date.ToDateTime(TimeOnly.MinValue);
        var year = ISOWeek.GetYear(dt);
        var number = ISOWeek.GetWeekOfYear(dt);
        var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, number, DayOfWeek.Monday));
        return new DigestWeek($"{year}-W{number:00}", year, number, monday, monday.AddDays(6));
    }
}
