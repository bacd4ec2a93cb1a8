using System.Globalization;
using System.Text.RegularExpressions;

namespace CchcBot.Reports;

/// <summary>A reporting period: a quarter ("2026-Q4") or a year ("2026").</summary>
public sealed partial record ReportPeriod(DateOnly Start, DateOnly End, string Label, string Key)
{
    private static readonly string[] Roman = ["I", "II", "III", "IV"];

    public static ReportPeriod Quarter(int year, int quarter) => new(
        new DateOnly(year, quarter * 3 - 2, 1),
        new DateOnly(year, quarter * 3, DateTime.DaysInMonth(year, quarter * 3)),
        $"quý {Roman[quarter - 1]}/{year}",
        $"{year}-Q{quarter}");

    public static ReportPeriod Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), $"năm {year}", $"{year}");

    public static ReportPeriod ParseQuarter(string text)
    {
        var m = QuarterPattern().Match(text.Trim());
        return m.Success && int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100
            ? Quarter(year, m.Groups[2].Value[0] - '0')
            : throw new FormatException($"--quarter must look like YYYY-Qn (e.g. 2026-Q4), not '{text}'.");
    }

    public static ReportPeriod ParseYear(string text) =>
        int.TryParse(text.Trim(), CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100
            ? Year(year)
            : throw new FormatException($"--year must be a year between 2000 and 2100, not '{text}'.");

    public static ReportPeriod QuarterOf(DateOnly date) => Quarter(date.Year, (date.Month - 1) / 3 + 1);

    public bool Contains(DateOnly? date) => date is { } d && d >= Start && d <= End;

    [GeneratedRegex(@"^(\d{4})-[Qq]([1-4])$")]
    private static partial Regex QuarterPattern();
}
