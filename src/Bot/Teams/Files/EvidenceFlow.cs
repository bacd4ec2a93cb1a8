using CchcBot.Cards;
using CchcBot.Cards.Views;
using CchcBot.Evidence;
using CchcBot.Hosting;
using CchcBot.Plan;
using CchcBot.Progress;
using CchcBot.Storage;
using CchcBot.Teams;
using Microsoft.Bot.Builder;

namespace CchcBot.Teams.Files;

/// <summary>
/// A file sent in the personal chat as evidence (tài liệu kiểm chứng): taken from anyone who may update a milestone
/// (others' files are left to the next flow). A PDF, .docx or image is stored at once (Blob first, then its pending
/// record, kept <see cref="EvidenceStore.PendingLifetime"/>), and the sender gets a card of the milestones it can be
/// attached to: those not done and those done in the last <see cref="RecentlyDone"/>; the one they updated within
/// <see cref="RightAfterUpdate"/> before sending comes first.
/// </summary>
public sealed class EvidenceFlow(ISnapshotLoader snapshots, IProgressRepository progress, EvidenceStore store, BotClock clock, ILogger<EvidenceFlow> logger)
    : IIncomingFileFlow
{
    public static readonly TimeSpan RightAfterUpdate = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan RecentlyDone = TimeSpan.FromDays(30);
    public const int MaxChoices = 15;

    public async Task<bool> TryHandleAsync(ITurnContext turnContext, AgencyUser user, ReceivedFile file, CancellationToken ct)
    {
        var snapshot = await snapshots.LoadAsync(user, ct);
        if (snapshot is null || !snapshot.Plan.Tasks.Any(t => EvidenceRights.CanAttach(user, snapshot.Directory, t)))
        {
            return false;
        }

        if (!EvidenceTypes.IsEvidenceExtension(file.FileType) || file.Content.LongLength > EvidenceTypes.MaxBytes)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(EvidenceStrings.WrongType(file.Name, (int)(EvidenceTypes.MaxBytes / 1024 / 1024))), ct);
            return true;
        }

        if (EvidenceTypes.ContentTypeOf(file.FileType, file.Content) is not { } contentType)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(EvidenceStrings.NotWhatItsNameSays(file.Name)), ct);
            return true;
        }

        var choices = await ChoicesAsync(user, snapshot, ct);
        if (choices.Count == 0)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(EvidenceStrings.NoMilestone(file.Name)), ct);
            return true;
        }

        EvidenceUpload upload;
        try
        {
            upload = await store.StorePendingAsync(user.Agency, user.Upn, user.Name, EvidenceDownloads.SafeName(file.Name, file.FileType), contentType, file.Content, ct);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or AggregateException)
        {
            logger.LogWarning(e, "Blob or table storage refused an evidence upload of user {UserObjectId}", user.ObjectId);
            await turnContext.SendActivityAsync(MessageFactory.Text(EvidenceStrings.StorageDown), ct);
            return true;
        }

        logger.LogInformation("Evidence upload {UploadId} ({Bytes} bytes, {ContentType}) stored for user {UserObjectId}", upload.Id, upload.Size, contentType, user.ObjectId);
        var card = EvidencePickerCard.Build(upload.Id, upload.FileName, upload.Size, clock.ToLocal(upload.Expires), choices);
        await turnContext.SendActivityAsync(CardMessages.Of(card, EvidencePickerCard.Title), ct);
        return true;
    }

    private async Task<IReadOnlyList<EvidenceChoiceView>> ChoicesAsync(AgencyUser user, PlanSnapshot snapshot, CancellationToken ct)
    {
        var now = clock.Now;
        var recent = (await progress.GetHistorySinceAsync(snapshot.Plan.ProgressScope, now - RightAfterUpdate, ct))
            .Where(h => h.Kind == ProgressRepository.StatusKind && string.Equals(h.By, user.Upn, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(h => h.At)
            .Select(h => (h.TaskId, h.MilestoneId))
            .FirstOrDefault();

        var choices = new List<(EvidenceChoiceView View, DateOnly? Due, int Order)>();
        foreach (var task in snapshot.Plan.Tasks.Where(t => EvidenceRights.CanAttach(user, snapshot.Directory, t)))
        {
            foreach (var milestone in task.Milestones)
            {
                var item = snapshot.Item(task, milestone, TaskRole.Lead);
                var isRecent = recent.TaskId == task.Id && recent.MilestoneId == milestone.Id;
                var done = TaskBoard.IsDone(item);
                if (done && !isRecent && !(item.State.CompletedAt is { } at && now - at <= RecentlyDone))
                {
                    continue;
                }

                choices.Add((
                    new EvidenceChoiceView(task.Id, milestone.Id, task.Title, milestone.Period is { } p ? $"{milestone.Deliverable} ({p})" : milestone.Deliverable,
                        milestone.Due, (StatusView)(int)item.Display, isRecent),
                    milestone.Due,
                    task.Order));
            }
        }

        return choices
            .OrderByDescending(c => c.View.Recent)
            .ThenBy(c => c.Due ?? DateOnly.MaxValue)
            .ThenBy(c => c.Order)
            .Take(MaxChoices)
            .Select(c => c.View)
            .ToList();
    }
}
