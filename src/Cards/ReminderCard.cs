using System.Text.Json.Nodes;
using CchcBot.Cards.Views;

namespace CchcBot.Cards;

/// <summary>
/// One message per head per sweep: the items due for them, lead ones first, then "Phối hợp", each with why
/// (<see cref="TaskItemView.Reason"/>: "Còn 7 ngày", "Quá hạn 3 ngày"…) and the same update form as in chat.
/// </summary>
public static class ReminderCard
{
    public const string View = "reminder";

    /// <summary>Items with forms are large; beyond this many the card points to "nhiệm vụ của tôi".</summary>
    public const int MaxItems = 10;

    /// <param name="addressee">How the letter addresses the recipient: their position(s) ("Trưởng phòng Nghiệp vụ 1").</param>
    public static JsonObject Build(string addressee, DateOnly today, IReadOnlyList<TaskItemView> items)
    {
        var body = new List<JsonNode?>
        {
            Ac.Text(CardStrings.Reminder.Title, size: "Large", weight: "Bolder"),
            Ac.Text(CardStrings.Reminder.Subtitle(Markdown.Escape(addressee), Formats.Date(today)), subtle: true, spacing: "None"),
        };
        var shown = items.OrderBy(i => i.Role).Take(MaxItems).ToList();
        var lead = shown.Where(i => i.Role == RoleView.Lead).ToList();
        var cooperating = shown.Where(i => i.Role == RoleView.Cooperating).ToList();
        if (lead.Count > 0)
        {
            body.Add(Ac.Text(CardStrings.Reminder.LeadSection, weight: "Bolder", spacing: "Medium"));
            AddItems(body, lead);
        }

        if (cooperating.Count > 0)
        {
            body.Add(Ac.Text(CardStrings.Reminder.CooperatingSection, weight: "Bolder", spacing: "Large"));
            AddItems(body, cooperating);
        }

        if (items.Count > shown.Count)
        {
            body.Add(Ac.Text(CardStrings.Reminder.More(items.Count - shown.Count), subtle: true, separator: true));
        }

        return Ac.Card(body, [Ac.SendText(CardStrings.MyTasksButton, CardStrings.MyTasksCommand)]);
    }

    private static void AddItems(List<JsonNode?> body, List<TaskItemView> items)
    {
        foreach (var item in items)
        {
            body.Add(TaskItemBlock.Render(item, compact: true, separator: true));
            body.Add(TaskItemBlock.Form(item, View, null));
        }
    }
}
