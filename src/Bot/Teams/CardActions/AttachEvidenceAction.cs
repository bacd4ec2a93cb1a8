using CchcBot.Cards;
using CchcBot.Cards.Views;
using CchcBot.Evidence;
using CchcBot.Plan;
using CchcBot.Progress;
using CchcBot.Teams;
using Microsoft.Bot.Schema;

namespace CchcBot.Teams.CardActions;

/// <summary>
/// Verb "attachEvidence", data <c>{ uploadId, taskId, milestoneId }</c>: attaches the sender's pending upload to a
/// milestone. The card gives only ids: the upload is looked up in the user's agency and must be theirs, still within
/// its 24 hours and not attached yet; the right to attach is decided from the stored plan and directory. The answer is
/// the milestone's task card, listing the file.
/// </summary>
public sealed class AttachEvidenceAction(ISnapshotLoader snapshots, EvidenceStore store, TaskView taskView, ChatCards cards, ILogger<AttachEvidenceAction> logger)
    : ICardAction
{
    public string Verb => CardContract.Verbs.AttachEvidence;

    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionRequest request, CancellationToken ct)
    {
        var user = request.User;
        if (user is null)
        {
            return Error(CardTexts.Refusal(UpdateRefusal.UnknownUser));
        }

        var uploadId = request.GetString("uploadId");
        if (!EvidenceStore.IsUploadId(uploadId) || await store.GetUploadAsync(user.Agency, uploadId!, ct) is not { } upload)
        {
            return Error(EvidenceStrings.UnknownUpload);
        }

        if (!string.Equals(upload.By, user.Upn, StringComparison.OrdinalIgnoreCase))
        {
            return Error(EvidenceStrings.NotYours);
        }

        var snapshot = await snapshots.LoadAsync(user, ct);
        if (upload.Attached)
        {
            return Error(EvidenceStrings.AlreadyAttached(upload.FileName, AttachedTo(snapshot, upload)));
        }

        if (snapshot?.Find(request.GetString("taskId"), request.GetString("milestoneId")) is not var (task, milestone))
        {
            return Error(CardTexts.Refusal(UpdateRefusal.UnknownTask));
        }

        if (!EvidenceRights.CanAttach(user, snapshot.Directory, task))
        {
            return Error(EvidenceStrings.NotLead);
        }

        switch (await store.AttachAsync(upload, snapshot.Plan.ProgressScope, task.Id, milestone.Id, ct))
        {
            case AttachOutcome.Expired:
                return Error(EvidenceStrings.Expired(upload.FileName, (int)EvidenceStore.PendingLifetime.TotalHours));
            case AttachOutcome.AlreadyAttached:
                var now = await store.GetUploadAsync(user.Agency, upload.Id, ct);
                return Error(EvidenceStrings.AlreadyAttached(upload.FileName, now is null ? null : AttachedTo(snapshot, now)));
        }

        logger.LogInformation("Evidence upload {UploadId} attached to {TaskId}/{MilestoneId} by user {UserObjectId}", upload.Id, task.Id, milestone.Id, user.ObjectId);
        var part = TaskBoard.PartsOf(snapshot.Directory, task).FirstOrDefault(user.Heads);
        var banner = new CardBanner(EvidenceStrings.Attached(upload.FileName, milestone.Deliverable), Error: false);
        return InvokeResponses.Card(await taskView.RenderAsync(snapshot, snapshot.Item(task, milestone, TaskRole.Lead, part), banner, ct));
    }

    private AdaptiveCardInvokeResponse Error(string message) => InvokeResponses.Card(cards.Error(message));

    /// <summary>The deliverable the upload was attached to, when that was in the plan year the user sees now.</summary>
    private static string? AttachedTo(PlanSnapshot? snapshot, EvidenceUpload upload) =>
        snapshot is not null && upload.Scope == snapshot.Plan.ProgressScope ? snapshot.Find(upload.TaskId, upload.MilestoneId)?.Milestone.Deliverable : null;
}
