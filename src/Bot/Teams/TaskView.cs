using System.Text.Json.Nodes;
using CchcBot.Cards.Views;
using CchcBot.Plan;
using CchcBot.Progress;
using CchcBot.Storage;
using CchcBot.Teams.Identity;

namespace CchcBot.Teams;

/// <summary>Builds a single task's card with its recent history.</summary>
public sealed class TaskView(IProgressRepository progress, IExtensionRepository extensions, ChatCards cards)
{
    /// <param name="viewer">Who will see the card: it offers them the section IV actions they may use ("Ý kiến chỉ đạo",
    /// "Đề nghị gia hạn"); null: the update form only.</param>
    /// <param name="actionDraft">What the viewer typed into a section IV form, when the card comes back with an error.</param>
    public async Task<JsonObject> RenderAsync(
        PlanSnapshot snapshot, BoardItem item, CardBanner? banner, CancellationToken ct, FormDraft? draft = null, bool backToList = false,
        BotUser? viewer = null, ActionDraft? actionDraft = null)
    {
        var historyTask = progress.GetHistoryAsync(snapshot.Plan.Agency, item.Task.Id, ct);
        TaskExtras? extras = null;
        if (viewer is not null)
        {
            var pending = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var milestone in item.Task.Milestones)
            {
                if (await extensions.GetRequestAsync(snapshot.Plan.Agency, milestone.Id, ct) is { State: ExtensionState.Pending } request)
                {
                    pending[milestone.Id] = Cards.BlockerStrings.PendingLine(Cards.Formats.Date(request.ProposedDue), request.AskedByName);
                }
            }

            extras = new TaskExtras(
                BlockerAuthorization.CanDirect(viewer), BlockerAuthorization.CanPropose(viewer, snapshot.Directory, item.Task, item.Part), pending, actionDraft, item.Milestone.Id);
        }

        var history = await historyTask;
        return cards.Task(snapshot, item, history.Where(h => h.MilestoneId == item.Milestone.Id).ToList(), banner, draft, backToList, extras);
    }
}
