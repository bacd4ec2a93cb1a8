using CchcBot.Delivery;
using CchcBot.Plan;
using CchcBot.Progress;
using CchcBot.Teams.Identity;

namespace CchcBot.Teams;

/// <summary>
/// Sends the Chief of Office a card the moment a task is reported blocked. It runs inside the card invoke, so it is
/// bounded in time; if it cannot deliver, the blocker still reaches them in the next daily escalation summary.
/// </summary>
public sealed class BlockerNotifier(IProactiveSender sender, ChatCards cards, ILogger<BlockerNotifier> logger) : IBlockerNotifier
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    public async Task NotifyAsync(PlanSnapshot snapshot, BoardItem item, BotUser reporter, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Budget);
        try
        {
            var card = cards.BlockerNotice(snapshot, item, reporter);
            var result = await sender.SendToPersonAsync(snapshot.Plan.Agency, snapshot.Directory.ChiefOfOffice, CardMessages.Of(card, ChatText.Summaries.Blocker), timeout.Token);
            if (!result.Delivered)
            {
                logger.LogWarning("Blocker notice for task {TaskId} not delivered: {Status} {Detail}", item.Task.Id, result.Status, result.Detail);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Blocker notice for task {TaskId} took longer than {Budget}; the daily escalation will carry it", item.Task.Id, Budget);
        }
    }
}
