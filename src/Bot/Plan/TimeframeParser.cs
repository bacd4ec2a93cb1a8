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
/// Turns the plan's timeframe text into dates. Rules (see README "Timeframe rules"): "Năm Y" → 31/12/Y; "Tháng M/Y" → the
/// month's last day; "Quý Q/Y" → the quarter's last day; "(Trước) ngày D/M/Y" → that day; "6 tháng đầu/cuối năm Y" →
/// 30/06 or 31/12; "(Định kỳ) hàng quý và năm Y" → each quarter's last day plus the year; "Hằng quý", "Hằng tháng",
/// "Hằng năm" → every quarter's, month's or the year's end of the plan's year; "Thường xuyên" → ongoing (no due date).
/// "Trong năm/tháng/quý …" reads as the phrase without "Trong"; a phrase without its year takes the plan's year. A cell
/// may hold several phrases separated by ";", line breaks, dashes or "- " bullets. Anything else (an unknown phrase, a
/// date that does not exist) is an error naming the phrase — never a guess.
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

    /// <summary>One example of each phrase the parser understands (each parses, with a plan year for the year-less
    /// ones), as a problem about an unknown phrase lists them.</summary>
    public static readonly IReadOnlyList<string> KnownPhrases =
    [
        "Năm 2025", "Tháng 6/2025", "Quý I/2025", "Quý 4/2025", "Trước ngày 15/12/2025", "Trước 15/12/2025", "Ngày 15/12/2025",
        "6 tháng đầu năm 2025", "6 tháng cuối năm 2025", "Định kỳ hàng quý và năm 2025", "Hàng quý và năm 2025",
        "Hằng quý", "Hàng quý", "Hằng tháng", "Hàng tháng", "Hằng năm", "Hàng năm", "Thường xuyên", "Tháng 6", "Quý I", "Trước ngày 15/12",
    ];

    /// <summary>The known phrases in one line, for a problem's message.</summary>
    public static string KnownPhrasesText => "known, e.g.: " + string.Join(", ", KnownPhrases) + "; a phrase without a year takes the plan's year";

    /// <summary>The dates of one phrase, or null when the phrase is not one the parser knows (year-less phrases need a plan year).</summary>
    public IReadOnlyList<TimeframeDate>? ParsePhrase(string phrase) => ParsePhrase(phrase, null);

    /// <summary>
    /// The dates of one phrase, or null when the phrase is unknown or names a date that does not exist ("Tháng 13/2025",
    /// "Ngày 31/02/2025"). A phrase without a year ("Hằng quý", "Quý I", "Trước ngày 15/12") takes <paramref name="planYear"/>;
    /// without a plan year it is unknown.
    /// </summary>
    public IReadOnlyList<TimeframeDate>? ParsePhrase(string phrase, int? planYear)
    {
        var folded = VietnameseText.Fold(phrase).Replace(" / ", "/", StringComparison.Ordinal).Replace(" /", "/", StringComparison.Ordinal)
            .Replace("/ ", "/", StringComparison.Ordinal);
        if (folded == "thuong xuyen")
        {
            return [new TimeframeDate(null, null)];
        }

        if (YearPhrase().Match(folded) is { Success: true } y && Year(y.Groups["y"].Value) is { } year)
        {
            return [new TimeframeDate(YearEnd(year), null)];
        }

        if (MonthPhrase().Match(folded) is { Success: true } m && YearOr(m.Groups["y"], planYear) is { } my &&
            Number(m.Groups["m"].Value) is { } month && month is >= 1 and <= 12)
        {
            return [new TimeframeDate(MonthEnd(my, month), null)];
        }

        if (QuarterPhrase().Match(folded) is { Success: true } q && YearOr(q.Groups["y"], planYear) is { } qy && Quarter(q.Groups["q"].Value) is { } quarter)
        {
            return [new TimeframeDate(QuarterEnd(qy, quarter), null)];
        }

        var d = DatePhrase().Match(folded) is { Success: true } shortDate ? shortDate : LongDatePhrase().Match(folded);
        if (d.Success &&
            YearOr(d.Groups["y"], planYear) is { } dy && Number(d.Groups["m"].Value) is { } dm && dm is >= 1 and <= 12 &&
            Number(d.Groups["d"].Value) is { } day && day >= 1 && day <= DateTime.DaysInMonth(dy, dm))
        {
            return [new TimeframeDate(new DateOnly(dy, dm, day), null)];
        }

        if (HalfYearPhrase().Match(folded) is { Success: true } h && YearOr(h.Groups["y"], planYear) is { } hy)
        {
            return [new TimeframeDate(h.Groups["h"].Value == "dau" ? new DateOnly(hy, 6, 30) : new DateOnly(hy, 12, 31), null)];
        }

        if (QuarterlyAndYearPhrase().Match(folded) is { Success: true } qa && YearOr(qa.Groups["y"], planYear) is { } qay)
        {
            return [.. Quarters(qay), new TimeframeDate(YearEnd(qay), $"Năm {qay}")];
        }

        if (QuarterlyPhrase().Match(folded) is { Success: true } qp && YearOr(qp.Groups["y"], planYear) is { } qpy)
        {
            return Quarters(qpy);
        }

        if (MonthlyPhrase().Match(folded) is { Success: true } mp && YearOr(mp.Groups["y"], planYear) is { } mpy)
        {
            return Enumerable.Range(1, 12).Select(n => new TimeframeDate(MonthEnd(mpy, n), $"Tháng {n:00}/{mpy}")).ToList();
        }

        if (YearlyPhrase().IsMatch(folded) && planYear is { } yy and >= 2000 and <= 2100)
        {
            return [new TimeframeDate(YearEnd(yy), $"Năm {yy}")];
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

    private List<TimeframeDate> Quarters(int year) =>
        Enumerable.Range(1, 4).Select(n => new TimeframeDate(QuarterEnd(year, n), $"Quý {RomanQuarters[n - 1]}/{year}")).ToList();

    private static int? YearOr(Group written, int? planYear) =>
        written.Success ? Year(written.Value) : planYear is >= 2000 and <= 2100 ? planYear : null;

    private static int? Number(string text) => int.TryParse(text, CultureInfo.InvariantCulture, out var n) ? n : null;

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

    [GeneratedRegex(@"^(?:trong )?nam (?<y>\d{4})$")]
    private static partial Regex YearPhrase();

    [GeneratedRegex(@"^(?:trong )?thang (?<m>\d{1,2})(?:/(?<y>\d{4})| nam (?<y>\d{4}))?$")]
    private static partial Regex MonthPhrase();

    [GeneratedRegex(@"^(?:trong )?quy (?<q>[1-4]|iv|iii|ii|i)(?: ?(?:/|,? nam) ?(?<y>\d{4}))?$")]
    private static partial Regex QuarterPhrase();

    // "Trước ngày 15/12/2025", "Trước 15/12/2025", "Chậm nhất ngày 15/12", "Ngày 15/12/2025", "15/12/2025".
    [GeneratedRegex(@"^(?:(?:truoc|cham nhat) )?(?:ngay )?(?<d>\d{1,2})/(?<m>\d{1,2})(?:/(?<y>\d{4}))?$")]
    private static partial Regex DatePhrase();

    // "Trước ngày 15 tháng 12 năm 2025".
    [GeneratedRegex(@"^(?:(?:truoc|cham nhat) )?ngay (?<d>\d{1,2}) thang (?<m>\d{1,2})(?: nam (?<y>\d{4}))?$")]
    private static partial Regex LongDatePhrase();

    [GeneratedRegex(@"^6 thang (?<h>dau|cuoi) nam(?: (?<y>\d{4}))?$")]
    private static partial Regex HalfYearPhrase();

    [GeneratedRegex(@"^(?:dinh ky )?hang quy va (?:ca )?nam(?: (?<y>\d{4}))?$")]
    private static partial Regex QuarterlyAndYearPhrase();

    [GeneratedRegex(@"^(?:dinh ky )?hang quy(?: nam (?<y>\d{4}))?$")]
    private static partial Regex QuarterlyPhrase();

    [GeneratedRegex(@"^(?:dinh ky )?hang thang(?: nam (?<y>\d{4}))?$")]
    private static partial Regex MonthlyPhrase();

    [GeneratedRegex(@"^(?:dinh ky )?hang nam$")]
    private static partial Regex YearlyPhrase();
}
