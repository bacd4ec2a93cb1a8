using System.Text.Json.Nodes;
using CchcBot.Cards;
using CchcBot.Delivery;
using CchcBot.Digest;
using CchcBot.Plan;
using CchcBot.Reminders;
using CchcBot.Views;
using Microsoft.Bot.Schema;

namespace CchcBot.Teams.Delivery;

/// <summary>A card made here, at the edge, sent as it is (a notice with no data of the domain's to show).</summary>
public sealed record ReadyCard(JsonObject Card, string Summary) : MessageContent;

/// <summary>Turns what the domain wants said (<see cref="MessageContent"/>) into the Teams message that says it.</summary>
public sealed class OutgoingCards(ChatCards cards)
{
    public IMessageActivity Build(MessageContent content) => content switch
    {
        ReminderContent r => CardMessages.Of(
            ReminderCard.Build(
                CardStrings.Reminder.Addressee(r.Name, r.Position),
                r.Snapshot.Today,
                r.Lines.Select(l => cards.Item(r.Snapshot, l.Item, Reason(l.Reminder, r.Snapshot.Today))).ToList()),
            ChatText.Summaries.Reminder),
        EscalationContent e => CardMessages.Of(
            EscalationCard.Build(
                e.Snapshot.Today,
                e.Items.Select(i => cards.Item(e.Snapshot, i, EscalationReason(i))).ToList(),
                e.Unreachable.Select(u => CardStrings.Unreached.Line(u.Recipient, u.Why)).ToList(),
                e.EscalateAfterWorkingDays),
            ChatText.Summaries.Escalation),
        DigestContent d => CardMessages.Of(
            DigestCard.Build(
                DigestViews.Of(d.Figures),
                d.ChiefInspector?.TeamsUserId is { } id ? (id, d.ChiefInspector.Name ?? ChatText.ChiefInspector) : null,
                d.NoChannel ? ChatText.NoDigestChannel : null),
            $"{ChatText.Summaries.Digest} tuần {d.Figures.Week.Number}"),
        ReadyCard c => CardMessages.Of(c.Card, c.Summary),
        _ => throw new ArgumentOutOfRangeException(nameof(content), content.GetType().Name, "No Teams message is made for this content."),
    };

    /// <summary>"Còn 7 ngày", "Đến hạn hôm nay", "Quá hạn 5 ngày", "Kiểm tra định kỳ tháng 11/2026".</summary>
    public static string Reason(DueReminder reminder, DateOnly today) => reminder.Kind switch
    {
        ReminderKind.DueToday => ChatText.DueToday,
        ReminderKind.BeforeDue => ChatText.DaysLeft(reminder.CalendarDays),
        ReminderKind.Overdue => ChatText.OverdueDays(-reminder.CalendarDays),
        _ => ChatText.MonthlyCheckIn(today),
    };

    private static string EscalationReason(BoardItem item) => item.State.Status == MilestoneStatus.Blocked
        ? ChatText.Blocked
        : ChatText.OverdueDays(-(item.DaysLeft ?? 0));
}
