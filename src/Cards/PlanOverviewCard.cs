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
            Ac.Text("Tiến độ Kế hoạch CCHC theo phòng", size: "Large", weight: "Bolder"),
            Ac.Text($"{Markdown.Escape(planTitle)} · tính đến {Formats.Date(today)}", subtle: true, spacing: "None"),
            Ac.Text($"Toàn kế hoạch: {total.Done}/{total.Total} mốc hoàn thành ({Formats.Percent(total.Done, total.Total)}) · {total.Overdue} quá hạn · {total.Blocked} gặp vướng mắc",
                weight: "Bolder", spacing: "Medium"),
            Header(),
        };
        body.AddRange(departments.Select(d => (JsonNode)Row(d.Name, d, separator: false)));
        return Ac.Card(body, [Ac.SendText("Tổng hợp tuần", CardStrings.DigestCommand)]);
    }

    private static JsonObject Header() => Ac.Columns(
        Ac.Column("stretch", Ac.Text("Phòng", weight: "Bolder")),
        Ac.Column("60px", Ac.Text("Xong", weight: "Bolder")),
        Ac.Column("60px", Ac.Text("Đang", weight: "Bolder")),
        Ac.Column("60px", Ac.Text("Chưa", weight: "Bolder")),
        Ac.Column("60px", Ac.Text("Quá hạn", weight: "Bolder", color: "Attention")),
        Ac.Column("60px", Ac.Text("Vướng", weight: "Bolder", color: "Warning")));

    private static JsonObject Row(string name, DepartmentSummaryView d, bool separator)
    {
        var row = Ac.Columns(
            Ac.Column("stretch", Ac.Text(Markdown.Escape(name))),
            Ac.Column("60px", Ac.Text($"{d.Done}")),
            Ac.Column("60px", Ac.Text($"{d.InProgress}")),
            Ac.Column("60px", Ac.Text($"{d.NotStarted}")),
            Ac.Column("60px", Ac.Text($"{d.Overdue}", color: d.Overdue > 0 ? "Attention" : null)),
            Ac.Column("60px", Ac.Text($"{d.Blocked}", color: d.Blocked > 0 ? "Warning" : null)));
        if (separator)
        {
            row["separator"] = true;
        }

        return row;
    }
}
