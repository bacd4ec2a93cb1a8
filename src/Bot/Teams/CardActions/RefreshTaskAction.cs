using CchcBot.Cards;
using CchcBot.Plan;
using CchcBot.Progress;
using Microsoft.Bot.Schema;

namespace CchcBot.Teams.CardActions;

/// <summary>Verb "refreshTask": the current state of one task, for whoever opens its card (Teams' card refresh).</summary>
public sealed class RefreshTaskAction(ISnapshotLoader snapshots, TaskView taskView, ChatCards cards) : ICardAction
{
    public string Verb => ErrorCard.RefreshVerb;

    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionRequest request, CancellationToken ct)
    {
        if (request.User is null || !TaskAuthorization.CanView(request.User))
        {
            return InvokeResponses.Card(cards.Error(CardTexts.Refusal(UpdateRefusal.UnknownUser)));
        }

        var snapshot = await snapshots.LoadAsync(request.User, ct);
        if (snapshot?.Find(request.GetString("taskId"), request.GetString("milestoneId")) is not var (task, milestone))
        {
            return InvokeResponses.Card(cards.Error(CardTexts.Refusal(UpdateRefusal.UnknownTask)));
        }

        var role = TaskAuthorization.CanChangeStatus(request.User, snapshot.Directory, task) || !TaskAuthorization.CanComment(request.User, snapshot.Directory, task)
            ? TaskRole.Lead
            : TaskRole.Cooperating;
        // A head of one of several lead departments sees their own part; anyone else the whole milestone.
        var part = TaskBoard.PartsOf(snapshot.Directory, task).FirstOrDefault(request.User.Heads);
        var fromList = request.GetString("back") == TaskCard.BackToList;
        return InvokeResponses.Card(await taskView.RenderAsync(snapshot, snapshot.Item(task, milestone, role, part), banner: null, ct, backToList: fromList, viewer: request.User));
    }
}
