using System.Text.Json.Nodes;
using CchcBot.Cards.Views;

namespace CchcBot.Cards;

/// <summary>The tasks a unit cooperates on that fall due on one date (opened from a reminder), each one click away.</summary>
public static class CooperatingListCard
{
    public const int MaxItems = 40;

    public static JsonObject Build(string title, IReadOnlyList<TaskItemView> items)
    {
        var body = new List<JsonNode?> { Ac.Text(Markdown.Escape(title), size: "Large", weight: "Bolder") };
        if (items.Count == 0)
        {
            body.Add(Ac.Text(CardStrings.NoTasks));
        }

        body.AddRange(items.Take(MaxItems).Select(i => (JsonNode)TaskItemBlock.CompactRow(i)));
        if (items.Count > MaxItems)
        {
            body.Add(Ac.Text(CardStrings.MyTasks.MoreCooperating(items.Count - MaxItems), size: "Small", subtle: true));
        }

        return Ac.Card(body, [Ac.SendText(CardStrings.MyTasksButton, CardStrings.MyTasksCommand)]);
    }
}
