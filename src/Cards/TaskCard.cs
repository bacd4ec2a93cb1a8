using System.Text.Json.Nodes;
using CchcBot.Cards.Views;

namespace CchcBot.Cards;

/// <summary>
/// One task in full: state, who and when, note, evidence, the latest cooperating opinions, recent history, the update
/// form, and a refresh.
/// </summary>
public static class TaskCard
{
    public const int HistoryShown = 5;
    public const int OpinionsShown = 3;

    /// <param name="refreshUserIds">Teams user ids whose client refreshes the card automatically; empty = none.</param>
    /// <param name="backToList">Opened from "nhiệm vụ của tôi" or a reminder's list: offer the way back.</param>
    /// <param name="otherMilestones">The task's other milestones (deliverable, due date, state), each with its own form, so a head may
    /// report a later deliverable first.</param>
    /// <param name="files">The milestone's evidence files (tài liệu kiểm chứng) with their download links.</param>
    /// <param name="linkMinutes">How long the files' links are valid.</param>
    public static JsonObject Build(
        TaskItemView item, IReadOnlyList<HistoryItemView> history, CardBanner? banner = null, IReadOnlyList<string>? refreshUserIds = null,
        bool backToList = false, IReadOnlyList<TaskItemView>? otherMilestones = null, JsonObject? direction = null,
        IReadOnlyList<EvidenceFileView>? files = null, int linkMinutes = 0)
    {
        var body = new List<JsonNode?> { BannerBlock.Render(banner) };

        body.Add(TaskItemBlock.Render(item, compact: false, separator: false));
        body.Add(Ac.Facts(
        [
            (CardStrings.Labels.Area, Markdown.Escape(item.Area)),
            (CardStrings.Labels.Lead, Markdown.Escape(item.LeadUnits)),
            (CardStrings.Labels.Cooperating, Markdown.Escape(item.CooperatingUnits)),
        ]));
        body.Add(EvidencePickerCard.Files(files ?? [], linkMinutes));
        var opinions = history.Where(h => h.Kind == "comment" && !string.IsNullOrWhiteSpace(h.Note)).OrderByDescending(h => h.At).Take(OpinionsShown).ToList();
        if (opinions.Count > 0)
        {
            body.Add(Ac.Text(CardStrings.Task.Opinions, weight: "Bolder", separator: true));
            body.AddRange(opinions.Select(h => (JsonNode)Ac.Text(
                $"{Formats.Date(DateOnly.FromDateTime(h.At))} · {Markdown.Escape(h.By)}: {Markdown.Escape(Markdown.Shorten(h.Note!, 300))}", size: "Small", spacing: "Small")));
        }

        if (history.Count > 0)
        {
            body.Add(Ac.Text(CardStrings.Task.History, weight: "Bolder", separator: true));
            body.AddRange(history.OrderByDescending(h => h.At).Take(HistoryShown).Select(h => (JsonNode)Ac.Text(Describe(h), size: "Small", spacing: "Small")));
            if (history.Count > HistoryShown)
            {
                body.Add(Ac.Text(CardStrings.Task.EarlierUpdates(history.Count - HistoryShown), size: "Small", subtle: true, spacing: "None"));
            }
        }

        body.Add(TaskItemBlock.Form(item, CardContract.Views.Task, null));
        body.Add(direction); // "Ý kiến chỉ đạo" (Chief of Office, Chief Inspector); null for everyone else
        body.Add(AssignBlock.Form(item));
        if (otherMilestones is { Count: > 0 })
        {
            body.Add(Ac.Text(CardStrings.Task.OtherMilestones, weight: "Bolder", separator: true, spacing: "Large"));
            foreach (var other in otherMilestones)
            {
                body.Add(TaskItemBlock.Render(MyTasksCard.AsOtherMilestone(other), compact: true, separator: true));
                body.Add(TaskItemBlock.Form(other, CardContract.Views.Task, null));
                body.Add(AssignBlock.Form(other));
            }
        }
        var card = Ac.Card(body, backToList ? [Ac.Execute(CardStrings.BackToList, CardContract.Verbs.MyTasksPage, new JsonObject { ["page"] = 0 })] : null);
        var refresh = new JsonObject
        {
            ["action"] = Ac.Execute(CardStrings.Task.Refresh, CardContract.Verbs.RefreshTask, new JsonObject { ["taskId"] = item.TaskId, ["milestoneId"] = item.MilestoneId }),
        };
        if (refreshUserIds is { Count: > 0 })
        {
            refresh["userIds"] = new JsonArray(refreshUserIds.Select(id => (JsonNode)JsonValue.Create(id)!).ToArray());
        }

        card["refresh"] = refresh;
        return card;
    }

    /// <summary>History's kind for a file attached as evidence (Evidence holds its name).</summary>
    public const string EvidenceKind = "evidence";

    private static string Describe(HistoryItemView h)
    {
        if (h.Kind == AssignBlock.HistoryKind)
        {
            return $"{Formats.DateTime(h.At)} · {Markdown.Escape(h.By)}: {Markdown.Escape(h.Note)}";
        }

        if (h.Kind == EvidenceKind)
        {
            return $"{Formats.DateTime(h.At)} · {Markdown.Escape(h.By)}: đính kèm tài liệu kiểm chứng “{Markdown.Escape(h.Evidence)}”";
        }

        if (SectionFour(h) is { } step)
        {
            var line = $"{Formats.DateTime(h.At)} · {Markdown.Escape(h.By)}: {step}";
            return string.IsNullOrWhiteSpace(h.Note) ? line : line + $" — {Markdown.Escape(Markdown.Shorten(h.Note, 200))}";
        }

        var correction = h.Kind != "comment" && h.From is StatusView.Done or StatusView.DoneLate && h.To is not (StatusView.Done or StatusView.DoneLate);
        var what = h.Kind == "comment"
            ? CardStrings.CommentKind
            : (correction ? CardStrings.Task.Correction : string.Empty) + $"{Formats.Status(h.From)} → {Formats.Status(h.To)}";
        if (h.DoneOn is { } doneOn)
        {
            what += CardStrings.Task.DoneOn(Formats.Date(doneOn));
        }
        var text = $"{Formats.DateTime(h.At)} · {Markdown.Escape(h.By)}: {what}";
        if (!string.IsNullOrWhiteSpace(h.Note))
        {
            text += $" — {Markdown.Escape(Markdown.Shorten(h.Note, 200))}";
        }

        if (!string.IsNullOrWhiteSpace(h.Evidence))
        {
            text += CardStrings.Task.HistoryEvidence(Markdown.Escape(h.Evidence));
        }

        return text;
    }

    /// <summary>The section IV steps in words ("đề nghị gia hạn 30/06/2026 → 31/07/2026"); null for a status change or an opinion.</summary>
    public static string? SectionFour(HistoryItemView h)
    {
        string D(DateOnly? d) => d is { } x ? Formats.Date(x) : CardStrings.Ongoing;
        return h.Kind switch
        {
            HistoryKinds.Direction => BlockerStrings.History.Direction,
            HistoryKinds.Escalation => BlockerStrings.History.Escalation,
            HistoryKinds.Resolved => $"{BlockerStrings.History.Resolved} ({Formats.Status(h.From)} → {Formats.Status(h.To)})",
            HistoryKinds.ExtensionAsked => BlockerStrings.History.Asked(D(h.FromDue), D(h.ToDue)),
            HistoryKinds.ExtensionApproved => BlockerStrings.History.Approved(D(h.FromDue), D(h.ToDue)),
            HistoryKinds.ExtensionRefused => BlockerStrings.History.Refused(D(h.FromDue), D(h.ToDue)),
            _ => null,
        };
    }
}
