using CchcBot.Cards;
using CchcBot.Cards.Views;
using CchcBot.Plan;
using CchcBot.Progress;
using CchcBot.Storage;
using Microsoft.Bot.Schema;

namespace CchcBot.Teams.CardActions;

/// <summary>
/// Verb "escalateBlocker" (Trình Chánh Thanh tra), data { taskId, milestoneId } (+ part), input
/// "note:escalateBlocker.&lt;milestoneId&gt;": the Chief of Office submits a blocker to the Chief Inspector, who gets a card
/// with the task, the blocker, the note and the actions he may use. Open until the blocker is resolved.
/// </summary>
public sealed class EscalateBlockerAction(BlockerDesk desk, IEscalationRepository escalations, TimeProvider time) : ICardAction
{
    public string Verb => CardContract.Verbs.EscalateBlocker;

    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionRequest request, CancellationToken ct)
    {
        var (t, error) = await desk.TargetAsync(request, ct);
        if (t is null)
        {
            return error!;
        }

        if (!BlockerAuthorization.CanEscalate(t.User))
        {
            return desk.Error(BlockerActionStrings.NotOffice, (t.Task.Id, t.Milestone.Id));
        }

        var (note, draft) = BlockerDesk.TypedNote(request, Verb, t.Milestone.Id);
        if (t.Item.State.Status != MilestoneStatus.Blocked)
        {
            return await desk.AnswerAsync(t, new CardBanner(BlockerActionStrings.NotBlocked, Error: true), ct);
        }

        if (note is null || note.Length > CardContract.Limits.NoteLength)
        {
            return await desk.RefuseInFormAsync(t, note is null ? BlockerActionStrings.NoteRequired : BlockerActionStrings.NoteTooLong, draft, ct);
        }

        await escalations.SaveAsync(t.ProgressScope, new BlockerEscalation(t.Task.Id, t.Milestone.Id, t.Part ?? string.Empty, note, t.User.Upn, t.User.Name, time.GetUtcNow()), ct);
        var recorded = await desk.RecordAsync(t, HistoryKinds.Escalation, note, ct);
        if (!recorded.Replayed)
        {
            var notice = await desk.NoticeForAsync(t, ct, NoticeKind.Escalated);
            await desk.SendAsync(t, [t.Snapshot.Directory.ChiefInspector], notice, BlockerStrings.EscalatedTitle, ct);
        }

        return await desk.AnswerAsync(t, BlockerActionStrings.Escalated + (recorded.Replayed ? BlockerActionStrings.Replayed : string.Empty), ct);
    }
}
