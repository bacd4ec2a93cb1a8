using System.Text.Json.Nodes;
using CchcBot.Cards.Views;

namespace CchcBot.Cards;

/// <summary>The Chief Inspector's "nhiệm vụ của tôi": the whole plan summarised by department.</summary>
public static class PlanOverviewCard
{
    public static JsonObject Build(string planTitle, DateOnly today, IReadOnlyList<DepartmentSummaryView> departments, DepartmentSummaryView total)
    {
        var body = new List<JsonNode?>
        {
            Ac.Text(CardStrings.Overview.Title, size: "Large", weight: "Bolder"),
            Ac.Text(CardStrings.AsOf(Markdown.Escape(planTitle), Formats.Date(today)), subtle: true, spacing: "None"),
            Ac.Text(CardStrings.Overview.Total(total.Done, total.Total, Formats.Percent(total.Done, total.Total), total.Overdue, total.Blocked),
                weight: "Bolder", spacing: "Medium"),
            Header(),
        };
        body.AddRange(departments.Select(d => (JsonNode)Row(d)));
        return Ac.Card(body, [Ac.SendText(CardStrings.Overview.DigestButton, CardStrings.DigestCommand)]);
    }

    private static JsonObject Header() => Ac.Columns(
        Ac.Column("stretch", Ac.Text(CardStrings.Columns.Department, weight: "Bolder")),
        Ac.Column("60px", Ac.Text(CardStrings.Columns.Done, weight: "Bolder")),
        Ac.Column("60px", Ac.Text(CardStrings.Columns.InProgress, weight: "Bolder")),
        Ac.Column("60px", Ac.Text(CardStrings.Columns.NotStarted, weight: "Bolder")),
        Ac.Column("60px", Ac.Text(CardStrings.Columns.Overdue, weight: "Bolder", color: "Attention")),
        Ac.Column("60px", Ac.Text(CardStrings.Columns.Blocked, weight: "Bolder", color: "Warning")));

    private static JsonObject Row(DepartmentSummaryView d) =>
        Ac.Columns(
            Ac.Column("stretch", Ac.Text(Markdown.Escape(d.Name))),
            Ac.Column("60px", Ac.Text($"{d.Done}")),
            Ac.Column("60px", Ac.Text($"{d.InProgress}")),
            Ac.Column("60px", Ac.Text($"{d.NotStarted}")),
            Ac.Column("60px", Ac.Text($"{d.Overdue}", color: d.Overdue > 0 ? "Attention" : null)),
            Ac.Column("60px", Ac.Text($"{d.Blocked}", color: d.Blocked > 0 ? "Warning" : null)));
}
