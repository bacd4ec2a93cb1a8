using CchcBot.Cards;
using CchcBot.Cards.Views;
using CchcBot.Progress;
using CchcBot.Storage;
using Microsoft.Bot.Schema;

namespace CchcBot.Teams.CardActions;

/// <summary>
/// Verb "giveDirection" (Ý kiến chỉ đạo), data { taskId, milestoneId } (+ part), input "note:giveDirection.&lt;milestoneId&gt;":
/// the Chief of Office or the Chief Inspector sends a direction to the lead head(s), who get it as a card; recorded in
/// the task's history. The Chief Inspector's direction is also told to the Chief of Office.
/// </summary>
public sealed class GiveDirectionAction(BlockerDesk desk) : ICardAction
{
    public string Verb => CardContract.Verbs.GiveDirection;

    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionRequest request, CancellationToken ct)
    {
        var (t, error) = await desk.TargetAsync(request, ct);
        if (t is null)
        {
            return error!;
        }

        if (!BlockerAuthorization.CanDirect(t.User))
        {
            return desk.Error(BlockerActionStrings.NotDirector, (t.Task.Id, t.Milestone.Id));
        }

        var (note, draft) = BlockerDesk.TypedNote(request, Verb, t.Milestone.Id);
        if (note is null || note.Length > CardContract.Limits.NoteLength)
        {
            return await desk.RefuseInFormAsync(t, note is null ? BlockerActionStrings.NoteRequired : BlockerActionStrings.NoteTooLong, draft, ct);
        }

        var recorded = await desk.RecordAsync(t, HistoryKinds.Direction, note, ct);
        var to = BlockerDesk.LeadNames(t);
        if (!recorded.Replayed)
        {
            var item = await desk.ItemViewAsync(t, ct);
            var recipients = BlockerDesk.LeadHeads(t).ToList();
            if (t.User.IsChiefInspector)
            {
                recipients.Add(t.Snapshot.Directory.ChiefOfOffice);
            }

            var card = StepNoticeCard.Build(new StepNoticeView(
                BlockerStrings.DirectionTitle, item, [(BlockerStrings.GivenBy, Markdown.Escape(BlockerDesk.Who(t.User)))], BlockerStrings.NoteLabel, note));
            await desk.SendAsync(t, recipients, _ => card, BlockerStrings.DirectionTitle, ct);
        }

        return await desk.AnswerAsync(t, BlockerActionStrings.DirectionSent(Markdown.Escape(to)) + (recorded.Replayed ? BlockerActionStrings.Replayed : string.Empty), ct);
    }
}
