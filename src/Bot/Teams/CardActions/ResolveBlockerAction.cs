using CchcBot.Cards;
using CchcBot.Cards.Views;
using CchcBot.Plan;
using CchcBot.Progress;
using CchcBot.Storage;
using Microsoft.Bot.Schema;

namespace CchcBot.Teams.CardActions;

/// <summary>
/// Verb "resolveBlocker" (Đã xử lý), data { taskId, milestoneId } (+ part), input "note:resolveBlocker.&lt;milestoneId&gt;":
/// the Chief of Office closes the blocker; the milestone (or the part) returns to Đang thực hiện; the lead head(s), and
/// the Chief Inspector when it was submitted to him, are told.
/// </summary>
public sealed class ResolveBlockerAction(BlockerDesk desk, IEscalationRepository escalations, IProgressRepository progress) : ICardAction
{
    public string Verb => CardContract.Verbs.ResolveBlocker;

    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionRequest request, CancellationToken ct)
    {
        var (t, error) = await desk.TargetAsync(request, ct);
        if (t is null)
        {
            return error!;
        }

        if (!BlockerAuthorization.CanResolve(t.User))
        {
            return desk.Error(BlockerActionStrings.NotOffice, (t.Task.Id, t.Milestone.Id));
        }

        // A milestone led by several: the part that is blocked (the card names it; else the only blocked part).
        if (t.Part is null && t.Item.Parts is { Count: > 0 } parts)
        {
            var blockedParts = parts.Where(p => p.State.Status == MilestoneStatus.Blocked).ToList();
            if (blockedParts.Count == 1)
            {
                t = t with { Part = blockedParts[0].DepartmentId, Item = t.Snapshot.Item(t.Task, t.Milestone, TaskRole.Lead, blockedParts[0].DepartmentId) };
            }
        }

        var (note, draft) = BlockerDesk.TypedNote(request, Verb, t.Milestone.Id);
        if (t.Item.State.Status != MilestoneStatus.Blocked && await ResolvedByAsync(t, ct))
        {
            // Teams re-sent the invoke (or the card was used again): the blocker is closed already, by this user.
            return await desk.AnswerAsync(t, BlockerActionStrings.Resolved + BlockerActionStrings.Replayed, ct);
        }

        if (t.Item.State.Status != MilestoneStatus.Blocked || (t.Part is null && t.Item.Parts is { Count: > 0 }))
        {
            return await desk.AnswerAsync(t, new CardBanner(t.Item.State.Status == MilestoneStatus.Blocked ? CardTexts.Refusal(UpdateRefusal.PartRequired) : BlockerActionStrings.NotBlocked, Error: true), ct);
        }

        if (note is null || note.Length > CardContract.Limits.NoteLength)
        {
            return await desk.RefuseInFormAsync(t, note is null ? BlockerActionStrings.NoteRequired : BlockerActionStrings.NoteTooLong, draft, ct);
        }

        var escalation = await escalations.GetAsync(t.ProgressScope, t.Milestone.Id, ct);
        var recorded = await desk.RecordAsync(t, HistoryKinds.Resolved, note, ct, newStatus: MilestoneStatus.InProgress);
        await escalations.CloseAsync(t.ProgressScope, t.Milestone.Id, ct);
        if (!recorded.Replayed)
        {
            var item = await desk.ItemViewAsync(t, ct);
            var recipients = BlockerDesk.LeadHeads(t).ToList();
            if (escalation is not null)
            {
                recipients.Add(t.Snapshot.Directory.ChiefInspector);
            }

            var card = StepNoticeCard.Build(new StepNoticeView(
                BlockerStrings.ResolvedTitle, item, [(BlockerStrings.ResolvedBy, Markdown.Escape(BlockerDesk.Who(t.User)))], BlockerStrings.NoteLabel, note, "good"));
            await desk.SendAsync(t, recipients, _ => card, BlockerStrings.ResolvedTitle, ct);
        }

        return await desk.AnswerAsync(t, BlockerActionStrings.Resolved + (recorded.Replayed ? BlockerActionStrings.Replayed : string.Empty), ct);
    }

    /// <summary>Whether the milestone's (part's) latest step is this user's "Đã xử lý".</summary>
    private async Task<bool> ResolvedByAsync(BlockerTarget t, CancellationToken ct)
    {
        var part = t.Part ?? string.Empty;
        var last = (await progress.GetHistoryAsync(t.ProgressScope, t.Task.Id, ct))
            .LastOrDefault(h => h.MilestoneId == t.Milestone.Id && h.Kind != HistoryKinds.Comment && (part.Length == 0 || string.Equals(h.Part, part, StringComparison.OrdinalIgnoreCase)));
        return last is { Kind: HistoryKinds.Resolved } && Plan.AgencyDirectory.SamePerson(last.By, t.User.Upn);
    }
}
