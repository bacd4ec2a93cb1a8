using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CchcBot.Plan;

/// <summary>When periodic deliverables fall due. Defaults: the last day of the period.</summary>
public sealed record TimeframeOptions
{
    /// <summary>Day of the quarter's last month a quarterly report is due; null = the month's last day.</summary>
    public int? QuarterDueDay { get; init; }

    /// <summary>Day of December a yearly deliverable is due; null = 31.</summary>
    public int? YearDueDay { get; init; }
}

/// <summary>One date a phrase yields, with its period label for periodic phrases ("Quý I/2024", "Năm 2024").</summary>
public sealed record TimeframeDate(DateOnly? Due, string? Period);

/// <summary>
/// Turns the plan's timeframe text into dates. Rules (see docs/timeframes.md): "Năm Y" → 31/12/Y; "Tháng M/Y" → the
/// month's last day; "Quý Q/Y" → the quarter's last day; "(Định kỳ) hàng quý và năm Y" → each quarter's last day plus
/// the year; "Thường xuyên" → ongoing (no due date). A cell may hold several phrases separated by ";", line breaks,
/// dashes or "- " bullets. Anything else is an error naming the phrase — never a guess.
/// </summary>
public sealed partial class TimeframeParser(TimeframeOptions? options = null)
{
    private static readonly string[] RomanQuarters = ["I", "II", "III", "IV"];
    private readonly TimeframeOptions _options = options ?? new TimeframeOptions();

    /// <summary>Splits a cell into its phrases (trimmed, NFC, empty ones dropped).</summary>
    public static IReadOnlyList<string> SplitPhrases(string text) =>
        Separators().Split(text.Normalize(NormalizationForm.FormC))
            .Select(p => p.Trim().Trim('-', '–', '—', ' ', '.', ',').Trim())
            .Where(p => p.Length > 0)
            .ToList();

    /// <summary>The dates of one phrase, or null when the phrase is not one the parser knows.</summary>
    public IReadOnlyList<TimeframeDate>? ParsePhrase(string phrase)
    {
        var folded = VietnameseText.Fold(phrase).Replace(" / ", "/", StringComparison.Ordinal);
        if (folded == "thuong xuyen")
        {
            return [new TimeframeDate(null, null)];
        }

        if (YearPhrase().Match(folded) is { Success: true } y && Year(y.Groups["y"].Value) is { } year)
        {
            return [new TimeframeDate(YearEnd(year), null)];
        }

        if (MonthPhrase().Match(folded) is { Success: true } m && Year(m.Groups["y"].Value) is { } my &&
            int.TryParse(m.Groups["m"].Value, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
        {
            return [new TimeframeDate(MonthEnd(my, month), null)];
        }

        if (QuarterPhrase().Match(folded) is { Success: true } q && Year(q.Groups["y"].Value) is { } qy && Quarter(q.Groups["q"].Value) is { } quarter)
        {
            return [new TimeframeDate(QuarterEnd(qy, quarter), null)];
        }

        if (QuarterlyAndYearPhrase().Match(folded) is { Success: true } qa && Year(qa.Groups["y"].Value) is { } qay)
        {
            return
            [
                .. Enumerable.Range(1, 4).Select(n => new TimeframeDate(QuarterEnd(qay, n), $"Quý {RomanQuarters[n - 1]}/{qay}")),
                new TimeframeDate(YearEnd(qay), $"Năm {qay}"),
            ];
        }

        return null;
    }

    /// <summary>
    /// Pairs the phrases with the deliverables, in order: equal counts pair one to one; fewer phrases → the first for the
    /// first deliverable, the last for every other; more phrases → the extra ones go to the last deliverable.
    /// </summary>
    public static IReadOnlyList<(int Deliverable, int Phrase)> Pair(int deliverables, int phrases)
    {
        var pairs = new List<(int, int)>();
        if (deliverables == 0 || phrases == 0)
        {
            return pairs;
        }

        for (var d = 0; d < deliverables; d++)
        {
            if (phrases >= deliverables)
            {
                pairs.Add((d, d));
                if (d == deliverables - 1)
                {
                    pairs.AddRange(Enumerable.Range(deliverables, phrases - deliverables).Select(p => (d, p)));
                }
            }
            else
            {
                pairs.Add((d, d == 0 ? 0 : phrases - 1));
            }
        }

        return pairs;
    }

    private DateOnly YearEnd(int year) => new(year, 12, Math.Min(_options.YearDueDay ?? 31, 31));

    private static DateOnly MonthEnd(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    private DateOnly QuarterEnd(int year, int quarter)
    {
        var month = quarter * 3;
        var last = DateTime.DaysInMonth(year, month);
        return new DateOnly(year, month, Math.Min(_options.QuarterDueDay ?? last, last));
    }

    private static int? Year(string text) =>
        int.TryParse(text, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100 ? y : null;

    private static int? Quarter(string text) => text switch
    {
        "1" or "i" => 1,
        "2" or "ii" => 2,
        "3" or "iii" => 3,
        "4" or "iv" => 4,
        _ => null,
    };

    [GeneratedRegex(@"\s*(?:;|\n|\r|–|—|(?:^|\s)-\s)\s*")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^nam (?<y>\d{4})$")]
    private static partial Regex YearPhrase();

    [GeneratedRegex(@"^thang (?<m>\d{1,2}) ?/ ?(?<y>\d{4})$")]
    private static partial Regex MonthPhrase();

    [GeneratedRegex(@"^quy (?<q>[1-4]|iv|iii|ii|i) ?(?:/|nam) ?(?<y>\d{4})$")]
    private static partial Regex QuarterPhrase();

    [GeneratedRegex(@"^(?:dinh ky )?hang quy va (?:ca )?nam (?<y>\d{4})$")]
    private static partial Regex QuarterlyAndYearPhrase();
}
