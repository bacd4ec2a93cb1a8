using System.Globalization;
using CchcBot.Cards;
using CchcBot.Cards.Views;
using CchcBot.Plan;
using CchcBot.Progress;
using CchcBot.Storage;
using Microsoft.Bot.Schema;

namespace CchcBot.Teams.CardActions;

/// <summary>
/// Verb "proposeExtension" (Gia hạn / Đề nghị gia hạn), data { taskId, milestoneId } (+ part), inputs
/// "newDue:proposeExtension.&lt;milestoneId&gt;" (Input.Date, yyyy-MM-dd) and "note:proposeExtension.&lt;milestoneId&gt;" (the
/// reason): the lead head (or the Chief of Office) asks for a new due date. The request waits for the approver
/// (Plan:ExtensionApprover), who gets a decision card; a lead head's request also reaches the Chief of Office.
/// A new request replaces one still pending.
/// </summary>
public sealed class ProposeExtensionAction(BlockerDesk desk, IExtensionRepository extensions, TimeProvider time) : ICardAction
{
    public string Verb => CardContract.Verbs.ProposeExtension;

    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionRequest request, CancellationToken ct)
    {
        var (t, error) = await desk.TargetAsync(request, ct);
        if (t is null)
        {
            return error!;
        }

        if (!BlockerAuthorization.CanPropose(t.User, t.Snapshot.Directory, t.Task, t.Part))
        {
            return desk.Error(BlockerActionStrings.NotLead, (t.Task.Id, t.Milestone.Id));
        }

        // The part asked for: the one on the card, else the proposer's own (a milestone led by several).
        if (t.Part is null && TaskBoard.PartsOf(t.Snapshot.Directory, t.Task).FirstOrDefault(t.User.Heads) is { } own)
        {
            t = t with { Part = own, Item = t.Snapshot.Item(t.Task, t.Milestone, TaskRole.Lead, own) };
        }

        if (t.Milestone.Due is not { } current)
        {
            return desk.Error(BlockerActionStrings.Ongoing, (t.Task.Id, t.Milestone.Id));
        }

        if (TaskBoard.IsDone(t.Item))
        {
            return desk.Error(BlockerActionStrings.AlreadyDone, (t.Task.Id, t.Milestone.Id));
        }

        var typedDue = request.GetString(CardContract.Inputs.Id(CardContract.Inputs.NewDue, BlockerNoticeCard.InputKey(Verb, t.Milestone.Id))) ?? request.GetInput(CardContract.Inputs.NewDue, t.Milestone.Id);
        var (reason, draft) = BlockerDesk.TypedNote(request, Verb, t.Milestone.Id, typedDue);
        var latest = LatestDue(t.Snapshot);
        if (!DateOnly.TryParseExact(typedDue?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var proposed) || proposed <= current || proposed > latest)
        {
            return await desk.RefuseInFormAsync(t, BlockerActionStrings.BadNewDue(Formats.Date(current), Formats.Date(latest)), draft, ct);
        }

        if (reason is null || reason.Length > CardContract.Limits.NoteLength)
        {
            return await desk.RefuseInFormAsync(t, reason is null ? BlockerActionStrings.ReasonRequired : BlockerActionStrings.NoteTooLong, draft, ct);
        }

        var id = BlockerDesk.RequestId(t.OperationKey, t.Milestone.Id);
        var existing = await extensions.GetRequestAsync(t.ProgressScope, t.Milestone.Id, ct);
        if (existing?.Id != id)
        {
            // A re-sent invoke finds its own request (perhaps decided since) and leaves it as it is.
            await extensions.SaveRequestAsync(t.ProgressScope, new ExtensionRequest(
                id, t.Task.Id, t.Milestone.Id, t.Part ?? string.Empty, current, proposed, reason, t.User.Upn, t.User.Name, time.GetUtcNow()), ct);
        }

        var recorded = await desk.RecordAsync(t, HistoryKinds.ExtensionAsked, reason, ct, fromDue: current, toDue: proposed);
        var approver = BlockerAuthorization.Approver(t.Snapshot.Directory, desk.Approver);
        var selfApproves = AgencyDirectory.SamePerson(approver, t.User.Upn);
        if (!recorded.Replayed)
        {
            var notice = await desk.NoticeForAsync(t, ct, NoticeKind.Extension);
            var recipients = new List<string> { approver };
            if (!t.User.IsChiefOfOffice)
            {
                recipients.Add(t.Snapshot.Directory.ChiefOfOffice); // a lead's request reaches the Chief of Office as well
            }

            await desk.SendAsync(t, recipients, notice, BlockerStrings.ExtensionTitle, ct);
        }

        var date = Formats.Date(proposed);
        var banner = (selfApproves ? BlockerActionStrings.ProposedToSelf(date) : BlockerTexts.Proposed(date, desk.Approver)) + (recorded.Replayed ? BlockerActionStrings.Replayed : string.Empty);
        // The approver asking decides at once: the answer is the card with the decision.
        return await desk.AnswerAsync(t, banner, ct, asNotice: selfApproves);
    }

    /// <summary>The latest date that may be asked for: the end of the year after the plan's.</summary>
    public static DateOnly LatestDue(PlanSnapshot snapshot) => new(snapshot.Plan.Year + 1, 12, 31);
}
