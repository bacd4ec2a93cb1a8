using CchcBot.Cards;
using CchcBot.Cards.Views;
using CchcBot.Hosting;
using CchcBot.Progress;
using CchcBot.Storage;
using Microsoft.Bot.Schema;

namespace CchcBot.Teams.CardActions;

/// <summary>
/// Verb "updateStatus": the update form of a task (status, note, evidence). Card data gives only ids; rights and the
/// task come from storage. Every card field is checked before anything is written (ids, status, note and evidence in
/// <see cref="StatusUpdater"/>; the view and page here, the page clamped), so nothing can fail after the write. The
/// answer replaces the card the user acted on with its updated version.
/// </summary>
public sealed class UpdateStatusAction(StatusUpdater updater, MyTasksView myTasks, TaskView taskView, ChatCards cards, BotClock clock) : ICardAction
{
    /// <summary>The views the card builders put into the form's data (absent: the task card).</summary>
    private static readonly HashSet<string> Views = new(StringComparer.Ordinal) { CardContract.Views.Task, CardContract.Views.MyTasks, CardContract.Views.Reminder };

    /// <summary>Refusals the user fixes by editing the form: the card comes back with their input, not as an error card.</summary>
    private static readonly HashSet<UpdateRefusal> FixableInTheForm =
    [
        UpdateRefusal.InvalidStatus, UpdateRefusal.NoteRequired, UpdateRefusal.NoteTooLong, UpdateRefusal.EvidenceTooLong,
        UpdateRefusal.CommentRequired, UpdateRefusal.InvalidDoneOn, UpdateRefusal.CorrectionNoteRequired, UpdateRefusal.PartRequired,
        UpdateRefusal.TooManyUpdates,
    ];

    public string Verb => CardContract.Verbs.UpdateStatus;

    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionRequest request, CancellationToken ct)
    {
        var taskId = request.GetString("taskId");
        var milestoneId = request.GetString("milestoneId");
        var view = request.GetString("view");
        var page = request.GetInt("page", 0, CardContract.Limits.MaxPage);
        if ((view is null && !request.IsAbsent("view")) || (view is not null && !Views.Contains(view)) || (page is null && !request.IsAbsent("page")))
        {
            return InvokeResponses.Card(cards.Error(CardTexts.Refusal(UpdateRefusal.InvalidCardData)));
        }

        var key = milestoneId ?? string.Empty;
        var submission = new StatusSubmission(
            taskId,
            milestoneId,
            request.GetInput(CardContract.Inputs.Status, key),
            request.GetInput(CardContract.Inputs.Note, key),
            request.GetInput(CardContract.Inputs.Evidence, key),
            request.TurnContext.Activity.Id ?? Guid.NewGuid().ToString(),
            request.GetInput(CardContract.Inputs.Part, key),
            request.GetInput(CardContract.Inputs.DoneOn, key));

        switch (await updater.ApplyAsync(request.User, submission, ct))
        {
            case UpdateOutcome.Refused { Snapshot: { } seen, Item: { } refusedItem } refused when FixableInTheForm.Contains(refused.Why):
                {
                    // The same card comes back with the message on top and what the user typed still in the form.
                    var error = new CardBanner(CardTexts.Refusal(refused.Why), Error: true);
                    // Text over its limit comes back cut to it, so the card stays within Teams' size and the user can edit on.
                    var draft = new FormDraft(
                        refusedItem.Milestone.Id, FormText.Cut(submission.Status, 32), FormText.Cut(submission.Note, CardContract.Limits.NoteLength),
                        FormText.Cut(submission.Evidence, CardContract.Limits.EvidenceLength), FormText.Cut(submission.DoneOn, 32), FormText.Cut(submission.Part, 64));
                    return InvokeResponses.Card(view == CardContract.Views.MyTasks
                        ? myTasks.Render(request.User!, seen, page ?? 0, error, draft)
                        : await taskView.RenderAsync(seen, refusedItem, error, ct, draft, viewer: request.User));
                }

            case UpdateOutcome.Refused refused:
                return InvokeResponses.Card(cards.Error(CardTexts.Refusal(refused.Why), refused.Item is { } about ? (about.Task.Id, about.Milestone.Id) : null));

            case UpdateOutcome.Recorded recorded:
                {
                    var item = recorded.Item;
                    var banner = CardTexts.Recorded(recorded.NewStatus, recorded.Replayed, item, clock.ToLocal(item.State.UpdatedAt ?? clock.Now));
                    return InvokeResponses.Card(view == CardContract.Views.MyTasks
                        ? myTasks.Render(request.User!, recorded.Snapshot, page ?? 0, banner)
                        : await taskView.RenderAsync(recorded.Snapshot, item, banner, ct, viewer: request.User));
                }

            default:
                throw new InvalidOperationException("An update is either recorded or refused.");
        }
    }
}
