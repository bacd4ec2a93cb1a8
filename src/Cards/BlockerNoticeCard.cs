using System.Text.Json.Nodes;
using CchcBot.Cards.Views;

namespace CchcBot.Cards;

/// <summary>To the Chief of Office the moment a head reports a task blocked (Gặp vướng mắc).</summary>
public static class BlockerNoticeCard
{
    public static JsonObject Build(TaskItemView item, string department, string reporter, DateTime reportedAt) => Ac.Card(
        [
            Ac.Container([Ac.Text("⚠ Nhiệm vụ gặp vướng mắc", size: "Large", weight: "Bolder", color: "Warning")], style: "warning"),
            Ac.Text(Markdown.Escape(item.Title), weight: "Bolder"),
            Ac.Facts(
            [
                ("Phòng chủ trì", Markdown.Escape(department)),
                ("Sản phẩm", Markdown.Escape(item.Deliverable)),
                ("Hạn", item.Due is { } due ? Formats.Date(due) : "Thường xuyên"),
                ("Người báo", Markdown.Escape(reporter)),
                ("Thời điểm", Formats.DateTime(reportedAt)),
            ]),
            Ac.Text("**Nội dung vướng mắc:**", spacing: "Medium"),
            Ac.Text(Markdown.Escape(item.Note ?? "(không có)"), spacing: "Small"),
        ],
        [Ac.Execute(CardStrings.BackToTask, ErrorCard.RefreshVerb, new JsonObject { ["taskId"] = item.TaskId, ["milestoneId"] = item.MilestoneId })]);
}
