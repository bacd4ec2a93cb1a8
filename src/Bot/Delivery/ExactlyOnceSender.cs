using CchcBot.Storage;
using Microsoft.Bot.Schema;

namespace CchcBot.Delivery;

/// <param name="Claimed">The keys this call sent (or tried to send); the others were sent before or are in another sweep's hands.</param>
public sealed record OnceOutcome(IReadOnlyList<string> Claimed, DeliveryResult? Result)
{
    public bool NothingToDo => Claimed.Count == 0;
}

/// <summary>
/// Sends one message for a set of ledger keys exactly once: claims every key, builds the message from the claimed ones,
/// sends it, then closes the claims — sent; undeliverable (Teams refused for good: the recipient is recorded as
/// unreachable, the slot is not retried); or released after a transient failure so the next sweep retries.
/// <c>now</c> is the sweep's instant (leases are judged on the same clock as the schedule).
/// </summary>
public sealed class ExactlyOnceSender(ISendLedger ledger, IUnreachableRecipients unreachableRecipients, ILogger<ExactlyOnceSender> logger)
{
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public async Task<OnceOutcome> SendAsync(
        string agency,
        string recipient,
        IReadOnlyList<string> keys,
        DateTimeOffset now,
        TimeSpan lease,
        Func<IReadOnlyList<string>, IMessageActivity> build,
        Func<IMessageActivity, CancellationToken, Task<DeliveryResult>> send,
        CancellationToken ct)
    {
        var claimed = await ledger.TryClaimAllAsync(agency, recipient, keys, _owner, now, lease, ct);
        if (claimed.Count == 0)
        {
            return new OnceOutcome(claimed, null);
        }

        DeliveryResult result;
        try
        {
            result = await send(build(claimed), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Sending to {Recipient} failed unexpectedly", recipient);
            result = new DeliveryResult(DeliveryStatus.Failed, Detail: e.Message);
        }

        switch (result.Status)
        {
            case DeliveryStatus.Sent:
                await ledger.MarkAllDoneAsync(agency, recipient, claimed, SendLedger.Sent, result.ActivityId, now, ct);
                await unreachableRecipients.ClearAsync(agency, recipient, ct);
                break;
            case DeliveryStatus.Unreachable or DeliveryStatus.NoConversation:
                // Released, not closed: every later sweep of the day tries again (the person may install the app or
                // write to the bot meanwhile); tomorrow's slots are other keys.
                await ledger.ReleaseAllAsync(agency, recipient, claimed, ct);
                await unreachableRecipients.SetAsync(agency, recipient, result.Detail ?? result.Status.ToString(), now, result.Why?.ToString(), ct);
                break;
            default:
                await ledger.ReleaseAllAsync(agency, recipient, claimed, ct);

                break;
        }

        return new OnceOutcome(claimed, result);
    }
}
