using System.Text.Json.Nodes;
using CchcBot.Cards.Views;

namespace CchcBot.Cards;

/// <summary>The Chief of Office's daily summary: long-overdue and blocked milestones, and people the bot cannot reach.</summary>
public static class EscalationCard
{
    public const int MaxItems = 25;

    /// <param name="items">Escalated items; <see cref="TaskItemView.Reason"/> says why ("Quá hạn 5 ngày", "Gặp vướng mắc").</param>
    /// <param name="unreachable">"name or address — reason" lines.</param>
    public static JsonObject Build(DateOnly today, IReadOnlyList<TaskItemView> items, IReadOnlyList<string> unreachable)
    {
        var body = new List<JsonNode?>
        {
            Ac.Text("Tổng hợp nhiệm vụ cần chỉ đạo", size: "Large", weight: "Bolder", color: "Attention"),
            Ac.Text($"Ngày {Formats.Date(today)} · {items.Count} nhiệm vụ quá hạn từ 3 ngày làm việc trở lên hoặc gặp vướng mắc", subtle: true, spacing: "None"),
        };
        foreach (var item in items.Take(MaxItems))
        {
            var facts = Ac.Facts(
            [
                ("Phòng chủ trì", Markdown.Escape(item.LeadUnits)),
                ("Hạn", item.Due is { } due ? Formats.Date(due) : "Thường xuyên"),
                ("Tình trạng", Markdown.Escape(item.Reason ?? Formats.Status(item.Status))),
                ("Ghi chú", string.IsNullOrWhiteSpace(item.Note) ? null : Markdown.Escape(Markdown.Shorten(item.Note, 200))),
            ]);
            body.Add(Ac.Container([Ac.Text(Markdown.Escape(item.Title), weight: "Bolder"), facts], separator: true));
        }

        if (items.Count > MaxItems)
        {
            body.Add(Ac.Text($"và {items.Count - MaxItems} nhiệm vụ khác", subtle: true));
        }

        if (unreachable.Count > 0)
        {
            body.Add(Ac.Text("Không liên lạc được", weight: "Bolder", color: "Warning", separator: true));
            body.AddRange(unreachable.Select(u => (JsonNode)Ac.Text("• " + Markdown.Escape(u), size: "Small", spacing: "None")));
        }

        return Ac.Card(body, [Ac.SendText("Tổng hợp", CardStrings.DigestCommand)]);
    }
}
