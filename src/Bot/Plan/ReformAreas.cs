namespace CchcBot.Plan;

/// <summary>One of the seven reform areas of the national CCHC programme, with the names plans use for it.</summary>
/// <param name="Number">Its place in the programme (1–7), which reports keep.</param>
/// <param name="ShortName">A short form for sheet names and narrow columns ("Thể chế").</param>
/// <param name="Aliases">Other names plans give it; matched folded (case, diacritics, spaces).</param>
public sealed record NationalArea(int Number, string Name, string ShortName, IReadOnlyList<string> Aliases);

/// <summary>The seven reform areas (Nghị quyết 76/NQ-CP and the programme that follows it), recognised by name.</summary>
public static class ReformAreas
{
    public static readonly IReadOnlyList<NationalArea> All =
    [
        new(1, "Cải cách thể chế", "Thể chế", []),
        new(2, "Cải cách thủ tục hành chính", "Thủ tục hành chính", ["Cải cách TTHC"]),
        new(3, "Cải cách tổ chức bộ máy", "Tổ chức bộ máy", ["Cải cách tổ chức bộ máy hành chính nhà nước"]),
        new(4, "Cải cách chế độ công vụ", "Công vụ", ["Cải cách công vụ", "Cải cách chế độ công vụ, công chức"]),
        new(5, "Cải cách tài chính công", "Tài chính công", []),
        new(6, "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số", "Chính quyền số",
            ["Chính phủ điện tử, chính quyền số", "Xây dựng và phát triển Chính phủ điện tử, Chính phủ số", "Chính quyền điện tử, Chính quyền số",
             "Xây dựng Chính quyền điện tử, Chính quyền số", "Hiện đại hóa hành chính"]),
        new(7, "Công tác chỉ đạo điều hành", "Chỉ đạo điều hành", ["Công tác chỉ đạo, điều hành", "Chỉ đạo, điều hành"]),
    ];

    /// <summary>The national area a plan's area name stands for; null when it matches none.</summary>
    public static NationalArea? Match(string name)
    {
        var folded = Key(name);
        return All.FirstOrDefault(a => Key(a.Name) == folded || a.Aliases.Any(alias => Key(alias) == folded));
    }

    /// <summary>"1. Thể chế" for a known area; the area's own name, numbered by its place in the plan, otherwise.</summary>
    public static string SheetTitle(string name, int placeInPlan) =>
        Match(name) is { } area ? $"{area.Number}. {area.ShortName}" : $"{placeInPlan}. {name}";

    // Folded, and without the punctuation that plans write differently ("chỉ đạo, điều hành" / "chỉ đạo điều hành").
    private static string Key(string name) =>
        string.Concat(VietnameseText.Fold(name).Where(c => char.IsLetterOrDigit(c) || c == ' ')).Replace("  ", " ", StringComparison.Ordinal).Trim();
}
