using CchcBot.Cards;
using CchcBot.Cards.Views;
using CchcBot.Progress;
using CchcBot.Storage;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace CchcBot.Teams.CardActions;

/// <summary>
/// Verb "decideExtension", data { taskId, milestoneId } (+ part) with "approve" true/false (and the request's id),
/// input "note:decideExtension.&lt;milestoneId&gt;" (required to refuse): the approver (Plan:ExtensionApprover) decides the
/// pending request. Approval changes the milestone's due date at once (the plan's own date kept); a refusal is told
/// to the asker with its note. Anyone else is refused, whatever the card says.
/// </summary>
public sealed class DecideExtensionAction(BlockerDesk desk, IExtensionRepository extensions, TimeProvider time) : ICardAction
{
    public string Verb => CardContract.Verbs.DecideExtension;

    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionRequest request, CancellationToken ct)
    {
        var (t, error) = await desk.TargetAsync(request, ct);
        if (t is null)
        {
            return error!;
        }

        if (!BlockerAuthorization.CanDecide(t.User, desk.Approver))
        {
            return desk.Error(BlockerTexts.NotApprover(desk.Approver), (t.Task.Id, t.Milestone.Id));
        }

        if (!request.Data.TryGetValue("approve", StringComparison.Ordinal, out var approveToken) || approveToken.Type != JTokenType.Boolean
            || (request.GetString("request") is null && !request.IsAbsent("request")))
        {
            return desk.Error(CardTexts.Refusal(UpdateRefusal.InvalidCardData), (t.Task.Id, t.Milestone.Id));
        }

        var approve = (bool)approveToken;
        var requestId = request.GetString("request");
        var stored = await extensions.GetRequestAsync(t.ProgressScope, t.Milestone.Id, ct);
        if (stored is { State: not ExtensionState.Pending } && stored.DecisionKey == t.OperationKey)
        {
            // Teams re-sent the invoke: the decision is taken; make sure its history entry is there, tell no one again.
            await RecordAsync(t, stored, ct);
            return await desk.AnswerAsync(t, Banner(stored) + BlockerActionStrings.Replayed, ct);
        }

        if (stored is not { State: ExtensionState.Pending } pending || (requestId is not null && requestId != pending.Id))
        {
            return await desk.AnswerAsync(t, new CardBanner(BlockerActionStrings.NoPending, Error: true), ct);
        }

        var (note, draft) = BlockerDesk.TypedNote(request, Verb, t.Milestone.Id);
        if ((!approve && note is null) || note?.Length > CardContract.Limits.NoteLength)
        {
            return await desk.RefuseInFormAsync(t, note is null ? BlockerActionStrings.RefusalNoteRequired : BlockerActionStrings.NoteTooLong, draft, ct);
        }

        var decided = pending with
        {
            State = approve ? ExtensionState.Approved : ExtensionState.Refused,
            DecidedBy = t.User.Upn,
            DecidedByName = t.User.Name,
            DecidedAt = time.GetUtcNow(),
            DecisionNote = note,
            DecisionKey = t.OperationKey,
        };
        var original = t.Milestone.OriginalDue ?? t.Milestone.Due ?? pending.CurrentDue;
        var approved = approve ? new ApprovedDue(t.Task.Id, t.Milestone.Id, pending.ProposedDue, original) : null;
        if (!await extensions.DecideAsync(t.ProgressScope, decided, approved, ct))
        {
            return await desk.AnswerAsync(t, new CardBanner(BlockerActionStrings.NoPending, Error: true), ct);
        }

        await RecordAsync(t, decided, ct);
        var item = await desk.ItemViewAsync(t, ct);
        var lines = new List<(string, string)>
        {
            (BlockerStrings.DecidedBy, Markdown.Escape(BlockerDesk.Who(t.User))),
            (BlockerStrings.ProposedDue, Formats.Date(pending.ProposedDue)),
        };
        var card = StepNoticeCard.Build(new StepNoticeView(
            approve ? BlockerStrings.ApprovedTitle : BlockerStrings.RefusedTitle, item, lines, BlockerStrings.DecisionNoteLabel, note, approve ? "good" : "attention"));
        var recipients = new List<string> { pending.AskedBy };
        if (approve)
        {
            recipients.AddRange(BlockerDesk.LeadHeads(t with { Part = pending.Part.Length == 0 ? t.Part : pending.Part }));
        }

        if (!t.User.IsChiefOfOffice)
        {
            recipients.Add(t.Snapshot.Directory.ChiefOfOffice);
        }

        await desk.SendAsync(t, recipients, _ => card, approve ? BlockerStrings.ApprovedTitle : BlockerStrings.RefusedTitle, ct);
        return await desk.AnswerAsync(t, Banner(decided), ct);
    }

    private static string Banner(ExtensionRequest decided) =>
        decided.State == ExtensionState.Approved ? BlockerActionStrings.Approved(Formats.Date(decided.ProposedDue)) : BlockerActionStrings.Refused;

    private Task<RecordResult> RecordAsync(BlockerTarget t, ExtensionRequest decided, CancellationToken ct) =>
        desk.RecordAsync(
            t,
            decided.State == ExtensionState.Approved ? HistoryKinds.ExtensionApproved : HistoryKinds.ExtensionRefused,
            decided.DecisionNote,
            ct,
            fromDue: decided.CurrentDue,
            toDue: decided.ProposedDue,
            part: decided.Part);
}
