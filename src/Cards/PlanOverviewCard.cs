using System.Text.Json.Nodes;
using CchcBot.Cards.Views;

namespace CchcBot.Cards;

/// <summary>The Chief Inspector's "nhiệm vụ của tôi": the whole plan summarised by department.</summary>
public static class PlanOverviewCard
{
    public static JsonObject Build(string planTitle, DateOnly today, IReadOnlyList<TallyRow> departments, TallyRow total)
    {
        var body = new List<JsonNode?>
        {
            Ac.Text(CardStrings.Overview.Title, size: "Large", weight: "Bolder"),
            Ac.Text(CardStrings.AsOf(Markdown.Escape(planTitle), Formats.Date(today)), subtle: true, spacing: "None"),
            Ac.Text(CardStrings.Overview.Total(TallyTable.Summary(total.Tally)), weight: "Bolder", spacing: "Medium"),
            TallyTable.Build(CardStrings.Columns.Department, departments, total),
        };
        return Ac.Card(body, [Ac.SendText(CardStrings.Overview.DigestButton, CardStrings.DigestCommand)]);
    }
}
