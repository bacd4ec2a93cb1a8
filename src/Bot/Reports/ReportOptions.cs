namespace CchcBot.Reports;

/// <summary>Settings under "Reports": the periodic report's cut-off day and the Word document's closing.</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>The default recipients ("Nơi nhận"), each shown as "- item;" and the last as "- item.".</summary>
    public static readonly IReadOnlyList<string> DefaultRecipients = ["Sở Nội vụ", "Lưu: VT, VP"];

    /// <summary>Day of the period's last month the data runs to (1–31, clamped to the month); 0 = the month's last day.</summary>
    public int CutOffDay { get; set; } = 14;

    /// <summary>"Nơi nhận" lines; null or empty keeps <see cref="DefaultRecipients"/> (a list bound onto defaults would append).</summary>
    public string[]? Recipients { get; set; }

    /// <summary>The signer's position above the signature ("CHÁNH THANH TRA").</summary>
    public string SignerTitle { get; set; } = "CHÁNH THANH TRA";

    /// <summary>Letterhead overrides until the directory carries them; each empty field keeps <see cref="ReportLetterhead.Sample"/>.</summary>
    public string? ParentAgency { get; set; }

    public string? Agency { get; set; }

    public string? Place { get; set; }

    public string? DocumentCode { get; set; }

    public IReadOnlyList<string> EffectiveRecipients => Recipients is { Length: > 0 } list
        ? list.Select(r => r.Trim().TrimEnd(';', '.').Trim()).Where(r => r.Length > 0).ToList()
        : DefaultRecipients;

    public ReportLetterhead Letterhead => new(
        Or(ParentAgency, ReportLetterhead.Sample.ParentAgency),
        Or(Agency, ReportLetterhead.Sample.Agency),
        Or(Place, ReportLetterhead.Sample.Place),
        Or(DocumentCode, ReportLetterhead.Sample.DocumentCode));

    public IEnumerable<string> Validate()
    {
        if (CutOffDay is < 0 or > 31)
        {
            yield return $"Reports:CutOffDay must be between 1 and 31, or 0 for the month's last day (not {CutOffDay}).";
        }

        foreach (var (line, i) in (Recipients ?? []).Select((r, i) => (r, i)))
        {
            if (line is null || line.Trim().Length is 0 or > 200)
            {
                yield return $"Reports:Recipients:{i} must be a non-empty line of at most 200 characters.";
            }
        }

        if (string.IsNullOrWhiteSpace(SignerTitle) || SignerTitle.Length > 100)
        {
            yield return "Reports:SignerTitle must be a non-empty text of at most 100 characters.";
        }

        foreach (var (name, value) in new[] { ("ParentAgency", ParentAgency), ("Agency", Agency), ("Place", Place), ("DocumentCode", DocumentCode) })
        {
            if (value is { Length: > 200 })
            {
                yield return $"Reports:{name} must be at most 200 characters.";
            }
        }
    }

    private static string Or(string? value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value.Trim();
}

/// <summary>
/// Who the report is from, as its heading block prints it: the parent body ("UBND TỈNH SÓC TRĂNG"), the agency ("THANH
/// TRA TỈNH"), the place of the date line ("Sóc Trăng") and the document code after "/BC-" ("TTr").
/// </summary>
public sealed record ReportLetterhead(string ParentAgency, string Agency, string Place, string DocumentCode)
{
    /// <summary>The sample agency's letterhead (the bundled plan's Inspectorate): the one place this default lives.</summary>
    public static readonly ReportLetterhead Sample = new("UBND TỈNH SÓC TRĂNG", "THANH TRA TỈNH", "Sóc Trăng", "TTr");
}
