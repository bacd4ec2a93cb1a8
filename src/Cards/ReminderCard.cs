using System.Text.Json.Nodes;
using CchcBot.Cards.Views;

namespace CchcBot.Cards;

/// <summary>
/// One message per head per sweep: the items they lead in full, each with why (<see cref="TaskItemView.Reason"/>:
/// "Còn 7 ngày", "Quá hạn 3 ngày"…) and the same update form as in chat; where they only cooperate, one line per due
/// date ("Phối hợp: 30 nhiệm vụ đến hạn 31/12/2024") with a button that opens that list.
/// </summary>
public static class ReminderCard
{
    /// <summary>Items with forms are large; beyond this many the card points to "nhiệm vụ của tôi".</summary>
    public const int MaxItems = 10;

    public const string OngoingDue = "ongoing";

    /// <param name="addressee">How the letter addresses the recipient: their position(s) ("Trưởng phòng Nghiệp vụ 1").</param>
    public static JsonObject Build(string addressee, DateOnly today, IReadOnlyList<TaskItemView> items)
    {
        var body = new List<JsonNode?>
        {
            Ac.Text(CardStrings.Reminder.Title, size: "Large", weight: "Bolder"),
            Ac.Text(CardStrings.Reminder.Subtitle(Markdown.Escape(addressee), Formats.Date(today)), subtle: true, spacing: "None"),
        };
        var allLead = items.Where(i => i.Role == RoleView.Lead).ToList();
        var lead = allLead.Take(MaxItems).ToList();
        if (lead.Count > 0)
        {
            body.Add(Ac.Text(CardStrings.Reminder.LeadSection, weight: "Bolder", spacing: "Medium"));
            AddItems(body, lead);
        }

        // Where the unit only cooperates: one line per due date, with a button that opens that list.
        var cooperatingByDue = items.Where(i => i.Role == RoleView.Cooperating).GroupBy(i => i.Due).OrderBy(g => g.Key ?? DateOnly.MaxValue).ToList();
        if (cooperatingByDue.Count > 0)
        {
            body.Add(Ac.Text(CardStrings.Reminder.CooperatingSection, weight: "Bolder", spacing: "Large", separator: true));
            foreach (var group in cooperatingByDue)
            {
                var due = group.Key is { } d ? Formats.Date(d) : CardStrings.Ongoing;
                body.Add(Ac.Columns(
                    Ac.Column("stretch", Ac.Text(CardStrings.Reminder.CooperatingDue(group.Count(), due))),
                    Ac.Column("auto", Ac.ActionSet(Ac.Execute(CardStrings.Reminder.OpenList, CardContract.Verbs.CooperatingDue,
                        new JsonObject { ["due"] = group.Key is { } date ? Formats.IsoDate(date) : OngoingDue })))));
            }
        }

        if (allLead.Count > lead.Count)
        {
            body.Add(Ac.Text(CardStrings.Reminder.More(allLead.Count - lead.Count), subtle: true, separator: true));
        }

        return Ac.Card(body, [Ac.SendText(CardStrings.MyTasksButton, CardStrings.MyTasksCommand)]);
    }

    private static void AddItems(List<JsonNode?> body, List<TaskItemView> items)
    {
        foreach (var item in items)
        {
            body.Add(TaskItemBlock.Render(item, compact: true, separator: true));
            body.Add(TaskItemBlock.Form(item, CardContract.Views.Reminder, null));
        }
    }
}
