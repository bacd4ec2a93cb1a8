using System.Text.Json.Nodes;
using CchcBot.Cards.Views;
using CchcBot.Plan;
using CchcBot.Progress;
using CchcBot.Storage;

namespace CchcBot.Teams;

/// <summary>Builds a single task's card with its recent history.</summary>
public sealed class TaskView(IProgressRepository progress, ChatCards cards)
{
    public async Task<JsonObject> RenderAsync(PlanSnapshot snapshot, BoardItem item, CardBanner? banner, CancellationToken ct, FormDraft? draft = null, bool backToList = false)
    {
        var history = await progress.GetHistoryAsync(snapshot.Plan.ProgressScope, item.Task.Id, ct);
        return cards.Task(snapshot, item, history.Where(h => h.MilestoneId == item.Milestone.Id).ToList(), banner, draft, backToList);
    }
}
