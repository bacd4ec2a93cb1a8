using System.Text.Json.Nodes;
using CchcBot.Cards.Views;
using CchcBot.Plan;
using CchcBot.Progress;
using CchcBot.Storage;

namespace CchcBot.Teams;

/// <summary>Builds a single task's card with its recent history.</summary>
public sealed class TaskView(IProgressRepository progress, IAssignmentRepository assignments, ChatCards cards)
{
    /// <param name="viewer">Who opens the card (the assignment form for a head; only their own milestones for staff).</param>
    public async Task<JsonObject> RenderAsync(
        PlanSnapshot snapshot, BoardItem item, CardBanner? banner, CancellationToken ct, FormDraft? draft = null, bool backToList = false, Identity.BotUser? viewer = null)
    {
        var historyTask = progress.GetHistoryAsync(snapshot.Plan.Agency, item.Task.Id, ct);
        var assignedTask = assignments.GetHistoryAsync(snapshot.Plan.Agency, item.Task.Id, ct);
        var history = await historyTask;
        var assigned = await assignedTask;
        return cards.Task(snapshot, item, history.Where(h => h.MilestoneId == item.Milestone.Id).ToList(), banner, draft, backToList, assigned, viewer);
    }
}
