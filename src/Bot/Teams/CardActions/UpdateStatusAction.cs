using CchcBot.Cards;
using CchcBot.Hosting;
using CchcBot.Progress;
using CchcBot.Storage;
using Microsoft.Bot.Schema;

namespace CchcBot.Teams.CardActions;

/// <summary>
/// Verb "updateStatus": the update form of a task (status, note, evidence). Card data gives only ids; rights and the
/// task come from storage. The answer replaces the card the user acted on with its updated version.
/// </summary>
public sealed class UpdateStatusAction(StatusUpdater updater, MyTasksView myTasks, TaskView taskView, ChatCards cards, BotClock clock) : ICardAction
{
    public string Verb => TaskItemBlock.UpdateVerb;

    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionRequest request, CancellationToken ct)
    {
        var taskId = request.GetString("taskId");
        var milestoneId = request.GetString("milestoneId");
        var key = milestoneId ?? string.Empty;
        var submission = new StatusSubmission(
            taskId,
            milestoneId,
            request.GetInput("status", key),
            request.GetInput("note", key),
            request.GetInput("evidence", key),
            request.TurnContext.Activity.Id ?? Guid.NewGuid().ToString());

        var outcome = await updater.ApplyAsync(request.User, submission, ct);
        if (outcome.Refused)
        {
            return InvokeResponses.Card(cards.Error(CardTexts.Refusal(outcome.Refusal), outcome.Item is null ? null : (outcome.Item.Task.Id, outcome.Item.Milestone.Id)));
        }

        var item = outcome.Item!;
        var banner = CardTexts.Recorded(outcome.NewStatus, outcome.Replayed, item, clock.ToLocal(item.State.UpdatedAt ?? clock.Now));
        if (request.GetString("view") == MyTasksCard.View)
        {
            var card = myTasks.Render(request.User!, outcome.Snapshot, request.GetInt("page") ?? 0, banner);
            return InvokeResponses.Card(card);
        }

        return InvokeResponses.Card(await taskView.RenderAsync(outcome.Snapshot!, outcome.Item!, banner, ct));
    }
}
