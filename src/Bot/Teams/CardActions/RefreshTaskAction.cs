using CchcBot.Cards;
using CchcBot.Plan;
using CchcBot.Progress;
using Microsoft.Bot.Schema;

namespace CchcBot.Teams.CardActions;

/// <summary>Verb "refreshTask": the current state of one task, for whoever opens its card (Teams' card refresh).</summary>
public sealed class RefreshTaskAction(ISnapshotLoader snapshots, TaskView taskView, ChatCards cards) : ICardAction
{
    public string Verb => CardContract.Verbs.RefreshTask;

    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionRequest request, CancellationToken ct)
    {
        if (request.User is null || (!TaskAuthorization.CanView(request.User) && !request.User.IsStaff))
        {
            return InvokeResponses.Card(cards.Error(CardTexts.Refusal(UpdateRefusal.UnknownUser)));
        }

        var snapshot = await snapshots.LoadAsync(request.User, ct);
        if (snapshot?.Find(request.GetString("taskId"), request.GetString("milestoneId")) is not var (task, milestone))
        {
            return InvokeResponses.Card(cards.Error(CardTexts.Refusal(UpdateRefusal.UnknownTask)));
        }

        if (!TaskAuthorization.CanViewTask(request.User, snapshot.Assignments, task))
        {
            return InvokeResponses.Card(cards.Error(StaffStrings.StaffOnlyAssigned));
        }

        var role = TaskAuthorization.CanChangeStatus(request.User, snapshot.Directory, task) || !TaskAuthorization.CanComment(request.User, snapshot.Directory, task)
            ? TaskRole.Lead
            : TaskRole.Cooperating;
        // A head of one of several lead departments sees their own part; anyone else the whole milestone.
        var part = TaskBoard.PartsOf(snapshot.Directory, task).FirstOrDefault(request.User.Heads);
        if (request.User.IsStaff)
        {
            // Staff open the milestone they hold (another milestone of the task: the one of theirs), their part.
            var held = TaskAuthorization.Held(request.User, snapshot.Assignments, task, milestone)
                ?? snapshot.Assignments.Of(request.User.Upn).First(a => a.TaskId == task.Id);
            milestone = task.Milestones.First(m => m.Id == held.MilestoneId);
            part = held.Part.Length == 0 ? null : held.Part;
        }

        var fromList = request.GetString("back") == CardContract.Views.BackToMyTasks;
        return InvokeResponses.Card(await taskView.RenderAsync(snapshot, snapshot.Item(task, milestone, role, part), banner: null, ct, backToList: fromList, viewer: request.User));
    }
}
