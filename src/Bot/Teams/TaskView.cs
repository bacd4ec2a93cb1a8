using System.Text.Json.Nodes;
using CchcBot.Cards;
using CchcBot.Cards.Views;
using CchcBot.Evidence;
using CchcBot.Hosting;
using CchcBot.Plan;
using CchcBot.Progress;
using CchcBot.Storage;

namespace CchcBot.Teams;

/// <summary>
/// Builds a single task's card with its recent history and the evidence files of every milestone of the task the viewer
/// may see (staff: the milestones they hold). Every card is built for someone the caller has checked may view the task;
/// each file gets a fresh download link (/files/{token}).
/// </summary>
public sealed class TaskView(
    IProgressRepository progress, IExtensionRepository extensions, IAssignmentRepository assignments, ChatCards cards, EvidenceStore evidence, PublicAddress address, BotClock clock)
{
    /// <param name="viewer">Who will see the card: it offers them the section IV actions they may use ("Ý kiến chỉ đạo",
    /// "Đề nghị gia hạn"), a head the assignment form, staff only their own milestones; null: the update form only.</param>
    /// <param name="actionDraft">What the viewer typed into a section IV form, when the card comes back with an error.</param>
    public async Task<JsonObject> RenderAsync(
        PlanSnapshot snapshot, BoardItem item, CardBanner? banner, CancellationToken ct, FormDraft? draft = null, bool backToList = false,
        AgencyUser? viewer = null, ActionDraft? actionDraft = null)
    {
        var agency = snapshot.Plan.Agency;
        var scope = snapshot.Plan.ProgressScope;
        var historyTask = progress.GetHistoryAsync(scope, item.Task.Id, ct);
        var filesTask = evidence.FilesOfTaskAsync(agency, scope, item.Task.Id, ct);
        var assignedTask = assignments.GetHistoryAsync(scope, item.Task.Id, ct);
        TaskExtras? extras = null;
        if (viewer is not null)
        {
            var pending = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var milestone in item.Task.Milestones)
            {
                if (await extensions.GetRequestAsync(scope, milestone.Id, ct) is { State: ExtensionState.Pending } request)
                {
                    pending[milestone.Id] = Cards.BlockerStrings.PendingLine(Cards.Formats.Date(request.ProposedDue), request.AskedByName);
                }
            }

            extras = new TaskExtras(
                BlockerAuthorization.CanDirect(viewer), BlockerAuthorization.CanPropose(viewer, snapshot.Directory, item.Task, item.Part), pending, actionDraft, item.Milestone.Id);
        }

        var history = (await historyTask).Where(h => h.MilestoneId == item.Milestone.Id).ToList();
        // The files of every milestone the viewer may see (staff: the ones they hold), this milestone's first, then the
        // others by due date as the card lists them.
        var milestones = item.Task.Milestones
            .Where(m => m.Id == item.Milestone.Id || viewer?.IsStaff != true || snapshot.Assignments.HeldBy(viewer.Upn, item.Task.Id, m.Id) is not null)
            .OrderBy(m => m.Id == item.Milestone.Id ? 0 : 1).ThenBy(m => m.Due ?? DateOnly.MaxValue)
            .ToList();
        var order = milestones.Select((m, i) => (m.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var allFiles = (await filesTask).Where(f => order.ContainsKey(f.MilestoneId)).OrderBy(f => order[f.MilestoneId]).ThenBy(f => f.At).ToList();
        var files = allFiles.Where(f => f.MilestoneId == item.Milestone.Id).ToList();
        var links = await evidence.IssueLinksAsync(agency, allFiles, ct);
        var baseUrl = address.BaseUrl;
        var labelled = item.Task.Milestones.Count > 1 && allFiles.Any(f => f.MilestoneId != item.Milestone.Id);
        string? Label(string milestoneId) => labelled && milestones.FirstOrDefault(m => m.Id == milestoneId) is { } m
            ? $"{m.Deliverable} · Hạn: {(m.Due is { } d ? Cards.Formats.Date(d) : Cards.CardStrings.Ongoing)}"
            : null;
        var views = allFiles
            .Select(f => new EvidenceFileView(
                f.FileName, f.Size, f.ByName, clock.ToLocal(f.At), links.TryGetValue(f.UploadId, out var token) ? $"{baseUrl}/files/{token}" : null, Label(f.MilestoneId)))
            .ToList();
        // The milestone's history links each file attached to it: an entry of its own, beside the status changes.
        history.AddRange(files.Select(f => new HistoryEntry(
            f.TaskId, f.MilestoneId, f.At, f.By, f.ByName, TaskCard.EvidenceKind, item.State.Status, item.State.Status, null, f.FileName)));
        var assigned = await assignedTask;
        return cards.Task(snapshot, item, history, banner, draft, backToList, extras, views, (int)EvidenceStore.LinkLifetime.TotalMinutes, assigned, viewer);
    }
}
