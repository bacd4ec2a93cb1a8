using System.Text.Json.Nodes;

namespace CchcBot.Cards;

/// <summary>One milestone of a previewed task: its deliverable, due date (null: ongoing) and period label.</summary>
public sealed record ImportMilestoneView(string Deliverable, DateOnly? Due, string? Period);

/// <param name="Lead">The lead units' names.</param>
public sealed record ImportTaskView(string Id, string Title, string Lead, IReadOnlyList<ImportMilestoneView> Milestones);

public sealed record ImportAreaView(string Name, int TaskCount);

/// <summary>A task added, changed or removed; <paramref name="Fields"/> the Vietnamese names of what changed.</summary>
public sealed record ImportChangeView(string Id, string Title, IReadOnlyList<string> Fields);

/// <param name="Problems">Each "Dòng 5, cột 'Thời gian thực hiện': không hiểu 'Tháng 13/2025'"; none = the plan can be imported.</param>
/// <param name="Stored">Whether a plan is stored for the agency and year (otherwise there are no differences to list).</param>
/// <param name="ImportId">The pending import the buttons act on (null when there are problems).</param>
/// <param name="ExpiresAt">Local time until which the import can be confirmed ("HH:mm ngày dd/MM/yyyy").</param>
public sealed record ImportPreviewView(
    string FileName,
    string? Title,
    int? Year,
    IReadOnlyList<ImportAreaView> Areas,
    IReadOnlyList<ImportTaskView> Tasks,
    bool Stored,
    IReadOnlyList<ImportTaskView> Added,
    IReadOnlyList<ImportChangeView> Changed,
    IReadOnlyList<ImportChangeView> Removed,
    IReadOnlyList<string> Problems,
    string? ImportId,
    string? ExpiresAt);

/// <summary>
/// The preview of a plan the Chief of Office sent: year, areas with their task counts, tasks with their dated
/// milestones, the differences from the stored plan and every problem. With no problem it offers
/// <see cref="ConfirmVerb"/> ("Nhập kế hoạch") and <see cref="CancelVerb"/> ("Hủy"), data <c>{ importId }</c>.
/// Long lists are cut (a Teams card holds about 28 KB); the counts are always whole.
/// </summary>
public static class ImportPreviewCard
{
    public const int MaxTasksShown = 20;
    public const int MaxChangesShown = 15;

    /// <summary>Titles in the lists are cut to this many characters (the whole title is in the plan).</summary>
    public const int MaxTitleChars = 160;
    public const int MaxProblemsShown = 30;

    public static JsonObject Build(ImportPreviewView view)
    {
        var body = new List<JsonNode?>
        {
            Ac.Text(CardStrings.Import.PreviewTitle, size: "Large", weight: "Bolder"),
            Ac.Text(CardStrings.Import.FileLine(Markdown.Escape(view.FileName)), subtle: true, spacing: "None"),
        };
        if (view.Title is not null)
        {
            body.Add(Ac.Text(Markdown.Escape(view.Title), weight: "Bolder"));
        }

        body.Add(Ac.Facts(
        [
            (CardStrings.Import.Year, view.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (CardStrings.Import.Tasks, view.Problems.Count == 0 ? view.Tasks.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) : null),
            (CardStrings.Import.Milestones, view.Problems.Count == 0 ? view.Tasks.Sum(t => t.Milestones.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : null),
        ]));

        if (view.Problems.Count > 0)
        {
            body.Add(Ac.Container(
                [
                    Ac.Text(CardStrings.Import.ProblemsTitle(view.Problems.Count), weight: "Bolder"),
                    .. view.Problems.Take(MaxProblemsShown).Select(p => Ac.Text("• " + Markdown.Escape(Markdown.Shorten(p, 300)), spacing: "Small")),
                    view.Problems.Count > MaxProblemsShown ? Ac.Text(CardStrings.AndMore(view.Problems.Count - MaxProblemsShown, "vấn đề"), subtle: true) : null,
                    Ac.Text(CardStrings.Import.FixAndResend, spacing: "Medium"),
                ],
                style: "attention"));
            return Ac.Card(body);
        }

        body.Add(Ac.Text(CardStrings.Import.AreasTitle, weight: "Bolder", separator: true));
        body.Add(Ac.Facts(view.Areas.Select(a => (Markdown.Escape(a.Name), (string?)CardStrings.Import.TaskCount(a.TaskCount)))));
        body.Add(Ac.Text(CardStrings.Import.ChangesTitle, weight: "Bolder", separator: true));
        body.AddRange(Changes(view));
        body.Add(Ac.Text(CardStrings.Import.TasksTitle, weight: "Bolder", separator: true));
        body.AddRange(view.Tasks.Take(MaxTasksShown).Select(Task));
        if (view.Tasks.Count > MaxTasksShown)
        {
            body.Add(Ac.Text(CardStrings.AndMore(view.Tasks.Count - MaxTasksShown, "nhiệm vụ"), subtle: true));
        }

        if (view.ExpiresAt is not null)
        {
            body.Add(Ac.Text(CardStrings.Import.ConfirmBy(view.ExpiresAt), subtle: true, spacing: "Medium"));
        }

        var data = new JsonObject { ["importId"] = view.ImportId };
        return Ac.Card(
            body,
            view.ImportId is null ? [] :
            [
                Ac.Execute(CardStrings.Import.Confirm, CardContract.Verbs.ConfirmImport, data, style: "positive"),
                Ac.Execute(CardStrings.Import.Cancel, CardContract.Verbs.CancelImport, (JsonObject)data.DeepClone()),
            ]);
    }

    /// <summary>The card after "Nhập kế hoạch": what was stored.</summary>
    public static JsonObject Done(string title, string text) => InfoCard.Build(title, text);

    private static IEnumerable<JsonNode?> Changes(ImportPreviewView view)
    {
        if (!view.Stored)
        {
            yield return Ac.Text(CardStrings.Import.NoStoredPlan(view.Year ?? 0), spacing: "Small");
            yield break;
        }

        if (view.Added.Count + view.Changed.Count + view.Removed.Count == 0)
        {
            yield return Ac.Text(CardStrings.Import.NoChanges, spacing: "Small");
            yield break;
        }

        yield return Ac.Text(CardStrings.Import.ChangeCounts(view.Added.Count, view.Changed.Count, view.Removed.Count), spacing: "Small");
        var shown = 0;
        foreach (var added in view.Added.Take(MaxChangesShown))
        {
            shown++;
            yield return Ac.Text($"{CardStrings.Import.AddedMark} {Short(added.Title)}", spacing: "Small");
        }

        foreach (var changed in view.Changed.Take(Math.Max(0, MaxChangesShown - shown)))
        {
            shown++;
            yield return Ac.Text($"{CardStrings.Import.ChangedMark} {Short(changed.Title)} ({string.Join(", ", changed.Fields)})", spacing: "Small");
        }

        foreach (var removed in view.Removed.Take(Math.Max(0, MaxChangesShown - shown)))
        {
            shown++;
            var note = removed.Fields.Count > 0 ? $" ({string.Join(", ", removed.Fields)})" : string.Empty;
            yield return Ac.Text($"{CardStrings.Import.RemovedMark} {Short(removed.Title)}{note}", spacing: "Small");
        }

        var total = view.Added.Count + view.Changed.Count + view.Removed.Count;
        if (total > shown)
        {
            yield return Ac.Text(CardStrings.AndMore(total - shown, "thay đổi"), subtle: true);
        }
    }

    private static JsonObject Task(ImportTaskView task) => Ac.Container(
        [
            Ac.Text(Short(task.Title), weight: "Bolder", spacing: "Small"),
            Ac.Text(CardStrings.Import.LeadLine(Markdown.Escape(task.Lead)), subtle: true, spacing: "None"),
            .. task.Milestones.Take(6).Select(m => Ac.Text($"• {Short(m.Deliverable)} — {Due(m)}", spacing: "None")),
            task.Milestones.Count > 6 ? Ac.Text(CardStrings.AndMore(task.Milestones.Count - 6), subtle: true, spacing: "None") : null,
        ],
        spacing: "Small");

    private static string Short(string text) => Markdown.Escape(Markdown.Shorten(text, MaxTitleChars));

    /// <summary>"31/03/2025 (Quý I)" · "Thường xuyên (kiểm tra hằng tháng)".</summary>
    public static string Due(ImportMilestoneView m) =>
        m.Due is { } due ? Formats.Date(due) + (m.Period is { } p ? $" ({p})" : string.Empty) : CardStrings.OngoingDue;
}
