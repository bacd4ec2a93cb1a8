using System.Globalization;
using System.Text.RegularExpressions;

namespace CchcBot.Reports;

/// <summary>What a reporting period is: a quarter, the first six months, or the year.</summary>
public enum PeriodKind
{
    Quarter,
    Half,
    Year,
}

/// <summary>
/// A reporting period: a quarter ("2026-Q1"), the first six months ("2026-H1", the Q2 report) or the year ("2026", the
/// Q4 report). <see cref="Label"/> is how the report names it ("quý I năm 2026", "6 tháng đầu năm 2026", "năm 2026").
/// The report's data runs from the plan's start to the period's cut-off (<see cref="CutOff"/>).
/// </summary>
public sealed partial record ReportPeriod(DateOnly Start, DateOnly End, string Label, string Key)
{
    private static readonly string[] Roman = ["I", "II", "III", "IV"];

    public PeriodKind Kind { get; init; } = PeriodKind.Quarter;

    public static ReportPeriod Quarter(int year, int quarter) => new(
        new DateOnly(year, quarter * 3 - 2, 1),
        new DateOnly(year, quarter * 3, DateTime.DaysInMonth(year, quarter * 3)),
        $"quý {Roman[quarter - 1]} năm {year}",
        $"{year}-Q{quarter}");

    /// <summary>The first six months (H1), reported in place of the second quarter.</summary>
    public static ReportPeriod FirstHalf(int year) =>
        new(new DateOnly(year, 1, 1), new DateOnly(year, 6, 30), $"6 tháng đầu năm {year}", $"{year}-H1") { Kind = PeriodKind.Half };

    public static ReportPeriod Year(int year) =>
        new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), $"năm {year}", $"{year}") { Kind = PeriodKind.Year };

    /// <summary>The four reports of a year, in order: quý I, 6 tháng đầu năm, quý III, năm.</summary>
    public static IReadOnlyList<ReportPeriod> ReportsOf(int year) => [Quarter(year, 1), FirstHalf(year), Quarter(year, 3), Year(year)];

    /// <summary>The reports offered on a day, in chat and on the tab: the four of its year and the previous year's.</summary>
    public static IReadOnlyList<ReportPeriod> Offered(DateOnly today) => [.. ReportsOf(today.Year), Year(today.Year - 1)];

    public static ReportPeriod ParseQuarter(string text)
    {
        var m = QuarterPattern().Match(text.Trim());
        return m.Success && int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100
            ? Quarter(year, m.Groups[2].Value[0] - '0')
            : throw new FormatException($"--quarter must look like YYYY-Qn (e.g. 2026-Q4), not '{text}'.");
    }

    public static ReportPeriod ParseHalf(string text)
    {
        var m = HalfPattern().Match(text.Trim());
        return m.Success && int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100
            ? FirstHalf(year)
            : throw new FormatException($"--half must look like YYYY-H1 (e.g. 2026-H1), not '{text}'.");
    }

    public static ReportPeriod ParseYear(string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100
            ? Year(year)
            : throw new FormatException($"--year must be a year between 2000 and 2100, not '{text}'.");

    /// <summary>A period key as cards and file names carry it: "2026-Q1", "2026-H1", "2026-Q3", "2026" (also Q2, Q4).</summary>
    public static bool TryParseKey(string? key, out ReportPeriod period)
    {
        period = null!;
        if (string.IsNullOrWhiteSpace(key) || key.Length > 7)
        {
            return false;
        }

        try
        {
            period = key.Length == 4 ? ParseYear(key) : key.Contains('H', StringComparison.OrdinalIgnoreCase) ? ParseHalf(key) : ParseQuarter(key);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static ReportPeriod QuarterOf(DateOnly date) => Quarter(date.Year, (date.Month - 1) / 3 + 1);

    public bool Contains(DateOnly? date) => date is { } d && d >= Start && d <= End;

    /// <summary>
    /// The last day the report's data counts: <paramref name="day"/> of the period's last month (14 by default: 14/3, 14/6,
    /// 14/9, 14/12), clamped to the month's length; 0 means the month's last day.
    /// </summary>
    public DateOnly CutOff(int day)
    {
        var last = DateTime.DaysInMonth(End.Year, End.Month);
        return new DateOnly(End.Year, End.Month, day <= 0 ? last : Math.Min(day, last));
    }

    /// <summary>The period the report's "phương hướng, nhiệm vụ" section looks ahead to.</summary>
    public ReportPeriod Next => Kind switch
    {
        PeriodKind.Year => Year(End.Year + 1),
        PeriodKind.Half => new ReportPeriod(new DateOnly(End.Year, 7, 1), new DateOnly(End.Year, 12, 31), $"6 tháng cuối năm {End.Year}", $"{End.Year}-H2")
        {
            Kind = PeriodKind.Half,
        },
        _ => End.Month == 12 ? Quarter(End.Year + 1, 1) : Quarter(End.Year, End.Month / 3 + 1),
    };

    [GeneratedRegex(@"^(\d{4})-[Qq]([1-4])$")]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"^(\d{4})-[Hh]1$")]
    private static partial Regex HalfPattern();
}
