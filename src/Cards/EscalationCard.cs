using System.Text.Json.Nodes;
using CchcBot.Cards.Views;

namespace CchcBot.Cards;

/// <summary>The Chief of Office's daily summary: long-overdue and blocked milestones, and people the bot cannot reach.</summary>
public static class EscalationCard
{
    public const int MaxItems = 25;

    /// <param name="items">Escalated items; <see cref="TaskItemView.Reason"/> says why ("Quá hạn 5 ngày", "Gặp vướng mắc").</param>
    /// <param name="unreachable">"name or address — reason" lines.</param>
    /// <param name="workingDaysOverdue">The escalation threshold (Reminders:EscalateAfterWorkingDaysOverdue).</param>
    public static JsonObject Build(DateOnly today, IReadOnlyList<TaskItemView> items, IReadOnlyList<string> unreachable, int workingDaysOverdue)
    {
        var body = new List<JsonNode?>
        {
            Ac.Container([Ac.Text(CardStrings.Escalation.Title, size: "Large", weight: "Bolder")], style: "attention"),
            Ac.Text(CardStrings.Escalation.Subtitle(Formats.Date(today), items.Count, workingDaysOverdue), subtle: true, spacing: "None"),
        };
        foreach (var item in items.Take(MaxItems))
        {
            var facts = Ac.Facts(
            [
                (CardStrings.Labels.Deliverable, Markdown.Escape(item.Period is { } period ? $"{item.Deliverable} ({period})" : item.Deliverable)),
                (CardStrings.Labels.LeadDepartment, Markdown.Escape(item.LeadUnits)),
                (CardStrings.Labels.Due, item.Due is { } due ? Formats.Date(due) : CardStrings.Ongoing),
                (CardStrings.Labels.Condition, Markdown.Escape(item.Reason ?? Formats.Status(item.Status))),
                (CardStrings.NoteLabel, string.IsNullOrWhiteSpace(item.Note) ? null : Markdown.Escape(Markdown.Shorten(item.Note, 200))),
            ]);
            body.Add(Ac.Container([Ac.Text(Markdown.Escape(item.Title), weight: "Bolder"), facts], separator: true));
        }

        if (items.Count > MaxItems)
        {
            body.Add(Ac.Text(CardStrings.AndMore(items.Count - MaxItems), subtle: true));
        }

        if (unreachable.Count > 0)
        {
            body.Add(Ac.Container([Ac.Text(CardStrings.Unreachable, weight: "Bolder")], style: "warning", separator: true));
            body.AddRange(unreachable.Select(u => (JsonNode)Ac.Text("• " + Markdown.Escape(u), size: "Small", spacing: "None")));
        }

        return Ac.Card(body, [Ac.SendText(CardStrings.DigestButton, CardStrings.DigestCommand)]);
    }
}
