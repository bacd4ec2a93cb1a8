using System.Text.Json.Nodes;
using CchcBot.Cards.Views;

namespace CchcBot.Cards;

/// <summary>
/// Tells one person about one step on a task: an ý kiến chỉ đạo to the lead head, a decision on a request for more time
/// to whoever asked, a blocker closed. One button opens the task.
/// </summary>
public static class StepNoticeCard
{
    public static JsonObject Build(StepNoticeView view)
    {
        var item = view.Item;
        var facts = new List<(string, string?)>
        {
            (CardStrings.Labels.LeadDepartment, Markdown.Escape(item.Part?.Department ?? item.LeadUnits)),
            (CardStrings.Labels.Deliverable, Markdown.Escape(item.Deliverable + (item.Period is { } p ? $" ({p})" : string.Empty))),
            (CardStrings.Labels.Due, BlockerNoticeCard.DueText(item)),
        };
        facts.AddRange(view.Lines.Select(l => (l.Label, (string?)l.Value)));
        var body = new List<JsonNode?>
        {
            Ac.Container([Ac.Text(view.Title, size: "Large", weight: "Bolder")], style: view.Style),
            Ac.Text(Markdown.Escape(item.Title), weight: "Bolder"),
            Ac.Facts(facts),
        };
        if (view.Message is { } message)
        {
            body.Add(Ac.Text(view.MessageLabel ?? BlockerStrings.NoteLabel, spacing: "Medium"));
            body.Add(Ac.Text(Markdown.Escape(message), spacing: "Small"));
        }

        return Ac.Card(body, [Ac.Execute(CardStrings.OpenTask, CardContract.Verbs.RefreshTask, new JsonObject { ["taskId"] = item.TaskId, ["milestoneId"] = item.MilestoneId })]);
    }

    /// <summary>
    /// "Việc chờ đồng chí quyết định" at the top of the Chief Inspector's (or the approving Chief of Office's)
    /// "nhiệm vụ của tôi": each request for more time and each blocker submitted to him, with its actions.
    /// </summary>
    public static JsonObject? Waiting(IReadOnlyList<BlockerNoticeView> items, string view)
    {
        if (items.Count == 0)
        {
            return null;
        }

        var rows = new List<JsonNode?>
        {
            Ac.Text(BlockerStrings.WaitingTitle, size: "Medium", weight: "Bolder"),
            Ac.Text(BlockerStrings.WaitingCount(items.Count), subtle: true, spacing: "None"),
        };
        foreach (var n in items)
        {
            var card = BlockerNoticeCard.Build(n);
            var what = n.Kind == NoticeKind.Extension && n.Extension is { } ext
                ? $"{BlockerStrings.ExtensionTitle}: {Formats.Date(ext.CurrentDue)} → {Formats.Date(ext.ProposedDue)} · {Markdown.Escape(ext.AskedBy)}"
                : $"{BlockerStrings.EscalatedTitle} · {Markdown.Escape(n.EscalatedBy ?? string.Empty)}";
            var detail = n.Kind == NoticeKind.Extension ? n.Extension?.Reason : n.Escalation ?? n.Blocker;
            var actions = (card["actions"]?.AsArray() ?? []).Select(a => a!.DeepClone()).OfType<JsonObject>()
                .Select(a => Retarget(a, view))
                .Append(Ac.Execute(CardStrings.OpenTask, CardContract.Verbs.RefreshTask, new JsonObject { ["taskId"] = n.Item.TaskId, ["milestoneId"] = n.Item.MilestoneId }))
                .Take(5)
                .ToArray();
            rows.Add(Ac.Container(
                [
                    Ac.Text(Markdown.Escape(n.Item.Title), weight: "Bolder", maxLines: 3),
                    Ac.Text(what, size: "Small", spacing: "None"),
                    detail is null ? null : Ac.Text(Markdown.Escape(Markdown.Shorten(detail, 200)), size: "Small", subtle: true, spacing: "None"),
                    Ac.ActionSet(actions),
                ],
                separator: true));
        }

        return Ac.Container(rows, style: "emphasis");
    }

    /// <summary>The notice's actions answer with the list they were used from (data view), not with a notice.</summary>
    private static JsonObject Retarget(JsonObject action, string view)
    {
        if (action["data"] is JsonObject data && data["view"] is not null)
        {
            data["view"] = view;
        }

        if (action["card"]?["actions"] is JsonArray inner)
        {
            foreach (var a in inner.OfType<JsonObject>())
            {
                Retarget(a, view);
            }
        }

        return action;
    }
}
