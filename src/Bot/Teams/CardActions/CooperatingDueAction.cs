using System.Globalization;
using CchcBot.Cards;
using CchcBot.Plan;
using CchcBot.Progress;
using Microsoft.Bot.Schema;

namespace CchcBot.Teams.CardActions;

/// <summary>
/// Verb "cooperatingDue" (from a reminder's "Phối hợp: N nhiệm vụ đến hạn …" line): the user's cooperating tasks due on
/// that date, each opening its task. Who cooperates on what comes from storage; the card gives only the date.
/// </summary>
public sealed class CooperatingDueAction(ISnapshotLoader snapshots, ChatCards cards) : ICardAction
{
    public string Verb => CardContract.Verbs.CooperatingDue;

    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionRequest request, CancellationToken ct)
    {
        if (request.User is not { } user)
        {
            return InvokeResponses.Card(cards.Error(CardTexts.Refusal(UpdateRefusal.UnknownUser)));
        }

        var text = request.GetString("due");
        DateOnly? due = null;
        if (text != ReminderCard.OngoingDue)
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return InvokeResponses.Card(cards.Error(CardTexts.Refusal(UpdateRefusal.InvalidCardData)));
            }

            due = date;
        }

        var snapshot = await snapshots.LoadAsync(user, ct);
        if (snapshot is null)
        {
            return InvokeResponses.Card(cards.Error(UpdateStrings.NoPlan));
        }

        var departments = user.Departments.Select(d => d.Id).ToList();
        var items = snapshot.Plan.Tasks
            .Where(t => departments.Any(d => TaskBoard.Involves(snapshot.Directory, t.Cooperating, d)) && !departments.Any(d => TaskBoard.Involves(snapshot.Directory, t.Lead, d)))
            .SelectMany(t => t.Milestones.Where(m => m.Due == due).Select(m => cards.Item(snapshot, snapshot.Item(t, m, TaskRole.Cooperating))))
            .ToList();
        var title = CardStrings.Reminder.CooperatingListTitle(due is { } d ? Formats.Date(d) : CardStrings.Ongoing);
        return InvokeResponses.Card(CooperatingListCard.Build(title, items));
    }
}
