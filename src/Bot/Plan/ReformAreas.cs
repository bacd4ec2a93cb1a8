namespace CchcBot.Plan;

/// <summary>One of the seven reform areas of the national CCHC programme, with the names plans use for it.</summary>
/// <param name="Number">Its place in the programme (1–7), which reports keep.</param>
/// <param name="ShortName">A short form for sheet names and narrow columns ("Thể chế").</param>
/// <param name="Aliases">Other names plans give it; matched folded (case, diacritics, spaces).</param>
public sealed record NationalArea(int Number, string Name, string ShortName, IReadOnlyList<string> Aliases)
{
    /// <summary>The area id a plan read from a Word document gets ("the-che"), as in the bundled plan.</summary>
    public string Id { get; init; } = $"area-{Number}";

    /// <summary>The prefix of the ids of its tasks ("TC" → "TC-1", "TC-2" …), as in the bundled plan.</summary>
    public string TaskPrefix { get; init; } = $"A{Number}";
}

/// <summary>The seven reform areas (Nghị quyết 76/NQ-CP and the programme that follows it), recognised by name.</summary>
public static class ReformAreas
{
    public static readonly IReadOnlyList<NationalArea> All =
    [
        new(1, "Cải cách thể chế", "Thể chế", ["Thể chế"]) { Id = "the-che", TaskPrefix = "TC" },
        new(2, "Cải cách thủ tục hành chính", "Thủ tục hành chính", ["Cải cách TTHC", "Thủ tục hành chính"]) { Id = "tthc", TaskPrefix = "TTHC" },
        new(3, "Cải cách tổ chức bộ máy", "Tổ chức bộ máy",
            ["Cải cách tổ chức bộ máy hành chính nhà nước", "Cải cách tổ chức bộ máy hành chính", "Tổ chức bộ máy"])
        { Id = "to-chuc-bo-may", TaskPrefix = "BM" },
        new(4, "Cải cách chế độ công vụ", "Công vụ", ["Cải cách công vụ", "Cải cách chế độ công vụ, công chức", "Cải cách công vụ, công chức"])
        { Id = "cong-vu", TaskPrefix = "CV" },
        new(5, "Cải cách tài chính công", "Tài chính công", ["Tài chính công"]) { Id = "tai-chinh-cong", TaskPrefix = "TCC" },
        new(6, "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số", "Chính quyền số",
            ["Chính phủ điện tử, chính quyền số", "Xây dựng và phát triển Chính phủ điện tử, Chính phủ số", "Chính quyền điện tử, Chính quyền số",
             "Xây dựng Chính quyền điện tử, Chính quyền số", "Hiện đại hóa hành chính", "Xây dựng và phát triển Chính phủ điện tử, Chính quyền số",
             "Xây dựng Chính phủ điện tử, Chính phủ số", "Chính phủ điện tử, Chính phủ số", "Hiện đại hóa nền hành chính"])
        { Id = "chinh-quyen-so", TaskPrefix = "CQS" },
        new(7, "Công tác chỉ đạo điều hành", "Chỉ đạo điều hành",
            ["Công tác chỉ đạo, điều hành", "Chỉ đạo, điều hành", "Công tác chỉ đạo, điều hành cải cách hành chính", "Công tác chỉ đạo điều hành cải cách hành chính"])
        { Id = "chi-dao-dieu-hanh", TaskPrefix = "CDDH" },
    ];

    /// <summary>The national area a plan's area name stands for; null when it matches none.</summary>
    public static NationalArea? Match(string name) => Keys.Value.GetValueOrDefault(Key(name));

    private static readonly Lazy<Dictionary<string, NationalArea>> Keys = new(() =>
        All.SelectMany(a => a.Aliases.Prepend(a.Name).Select(n => (Key: Key(n), Area: a))).DistinctBy(k => k.Key).ToDictionary(k => k.Key, k => k.Area, StringComparer.Ordinal));

    /// <summary>"1. Thể chế" for a known area; the area's own name, numbered by its place in the plan, otherwise.</summary>
    public static string SheetTitle(string name, int placeInPlan) =>
        Match(name) is { } area ? $"{area.Number}. {area.ShortName}" : $"{placeInPlan}. {name}";

    // Folded, and without the punctuation that plans write differently ("chỉ đạo, điều hành" / "chỉ đạo điều hành").
    private static string Key(string name) =>
        string.Concat(VietnameseText.Fold(name).Where(c => char.IsLetterOrDigit(c) || c == ' ')).Replace("  ", " ", StringComparison.Ordinal).Trim();
}
