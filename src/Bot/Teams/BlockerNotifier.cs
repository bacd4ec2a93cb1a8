using CchcBot.Cards;
using CchcBot.Delivery;
using CchcBot.Plan;
using CchcBot.Progress;
using CchcBot.Storage;
using CchcBot.Teams.Delivery;

namespace CchcBot.Teams;

/// <summary>
/// Sends the Chief of Office a card the moment a task is reported blocked. It runs inside the card invoke, so it is
/// bounded in time; if it cannot deliver, the blocker still reaches them in the next daily escalation summary.
/// The change into Blocked is always told; a changed note on a milestone already blocked at most once per milestone
/// per <see cref="NoteChangeInterval"/> (a ledger record per milestone, shared by every instance). The card offers the
/// Chief of Office what he may do about it (<see cref="NoticeBuilder"/>): Ý kiến chỉ đạo, Trình Chánh Thanh tra, Gia hạn,
/// Đã xử lý.
/// </summary>
public sealed class BlockerNotifier(
    IProactiveSender sender, NoticeBuilder notices, ISendLedger ledger, TimeProvider time, ILogger<BlockerNotifier> logger) : IBlockerNotifier
{
    public static readonly TimeSpan NoteChangeInterval = TimeSpan.FromHours(1);
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    public async Task NotifyAsync(PlanSnapshot snapshot, BoardItem item, AgencyUser reporter, BlockerChange change, CancellationToken ct)
    {
        if (reporter.IsChiefOfOffice)
        {
            return; // He reported it himself: a notice about it would tell him nothing.
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Budget);
        try
        {
            var agency = snapshot.Plan.Agency;
            var chief = snapshot.Directory.ChiefOfOffice;
            var key = $"blocker|{item.Task.Id}|{item.Milestone.Id}";

            // The change into Blocked is always told (and starts the hour); a note change only when the hour is over.
            var window = change == BlockerChange.BecameBlocked ? TimeSpan.Zero : NoteChangeInterval;
            if (!await ledger.TryOncePerWindowAsync(agency, chief, key, time.GetUtcNow(), window, timeout.Token) && change != BlockerChange.BecameBlocked)
            {
                logger.LogInformation("Blocker note of task {TaskId} milestone {MilestoneId} changed within {Interval} of the last notice; not sent again",
                    item.Task.Id, item.Milestone.Id, NoteChangeInterval);
                return;
            }

            var view = await notices.BuildAsync(snapshot, item, NoticeBuilder.Person(snapshot.Directory, chief), timeout.Token, Cards.Views.NoticeKind.Blocker);
            var card = Cards.BlockerNoticeCard.Build(view with { Reporter = reporter.Name });
            var result = await sender.SendToPersonAsync(agency, chief, CardMessages.Of(card, ChatText.Summaries.Blocker), timeout.Token);
            if (!result.Delivered)
            {
                logger.LogWarning("Blocker notice for task {TaskId} not delivered: {Status} {Detail}", item.Task.Id, result.Status, result.Detail);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Blocker notice for task {TaskId} took longer than {Budget}; the daily escalation will carry it", item.Task.Id, Budget);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The update is already recorded: the user's answer must not turn into an error card.
            logger.LogWarning(e, "Blocker notice for task {TaskId} failed; the daily escalation will carry it", item.Task.Id);
        }
    }
}
