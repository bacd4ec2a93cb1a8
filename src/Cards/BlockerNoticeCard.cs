using System.Text.Json.Nodes;
using CchcBot.Cards.Views;

namespace CchcBot.Cards;

/// <summary>To the Chief of Office the moment a head reports a task blocked (Gặp vướng mắc).</summary>
public static class BlockerNoticeCard
{
    public static JsonObject Build(TaskItemView item, string department, string reporter, DateTime reportedAt) => Ac.Card(
        [
            Ac.Container([Ac.Text(CardStrings.Blocker.Title, size: "Large", weight: "Bolder")], style: "warning"),
            Ac.Text(Markdown.Escape(item.Title), weight: "Bolder"),
            Ac.Facts(
            [
                (CardStrings.Labels.LeadDepartment, Markdown.Escape(department)),
                (CardStrings.Labels.Deliverable, Markdown.Escape(item.Deliverable)),
                (CardStrings.Labels.Due, item.Due is { } due ? Formats.Date(due) : CardStrings.Ongoing),
                (CardStrings.Blocker.Reporter, Markdown.Escape(reporter)),
                (CardStrings.Blocker.When, Formats.TimeOnDate(reportedAt)),
            ]),
            Ac.Text(CardStrings.Blocker.Content, spacing: "Medium"),
            Ac.Text(Markdown.Escape(item.Note ?? CardStrings.Blocker.NoNote), spacing: "Small"),
        ],
        [Ac.Execute(CardStrings.BackToTask, ErrorCard.RefreshVerb, new JsonObject { ["taskId"] = item.TaskId, ["milestoneId"] = item.MilestoneId })]);
}
