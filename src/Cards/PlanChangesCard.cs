using System.Text.Json.Nodes;

namespace CchcBot.Cards;

/// <summary>To a lead head after an import: the tasks their department leads that were added, changed or removed.</summary>
public static class PlanChangesCard
{
    public const int MaxShown = 25;

    /// <param name="intro">Who it is for and what happened (<see cref="CardStrings.Import.ChangesNoticeIntro"/>).</param>
    public static JsonObject Build(string intro, IReadOnlyList<ImportTaskView> added, IReadOnlyList<ImportChangeView> changed, IReadOnlyList<ImportChangeView> removed)
    {
        var lines = added.Select(t => $"{CardStrings.Import.AddedMark} {Short(t.Title)} — {string.Join("; ", t.Milestones.Select(m => ImportPreviewCard.Due(m)).Distinct().Take(4))}{(t.Milestones.Select(m => m.Due).Distinct().Count() > 4 ? "…" : string.Empty)}")
            .Concat(changed.Select(c => $"{CardStrings.Import.ChangedMark} {Short(c.Title)} ({string.Join(", ", c.Fields)})"))
            .Concat(removed.Select(r => $"{CardStrings.Import.RemovedMark} {Short(r.Title)}"))
            .ToList();
        return Ac.Card(
            [
                Ac.Text(CardStrings.Import.ChangesNoticeTitle, size: "Medium", weight: "Bolder"),
                Ac.Text(intro),
                .. lines.Take(MaxShown).Select(l => Ac.Text(l, spacing: "Small")),
                lines.Count > MaxShown ? Ac.Text(CardStrings.AndMore(lines.Count - MaxShown, "thay đổi"), subtle: true) : null,
            ],
            [Ac.SendText(CardStrings.MyTasksButton, CardStrings.MyTasksCommand)]);
    }

    private static string Short(string text) => Markdown.Escape(Markdown.Shorten(text, ImportPreviewCard.MaxTitleChars));
}
