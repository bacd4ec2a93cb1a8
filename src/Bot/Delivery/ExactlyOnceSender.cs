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
public sealed class ExactlyOnceSender(ILedgerRepository ledger, ILogger<ExactlyOnceSender> logger)
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
        var claimed = new List<string>();
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            if (await ledger.TryClaimAsync(agency, recipient, key, _owner, now, lease, ct) == ClaimOutcome.Claimed)
            {
                claimed.Add(key);
            }
        }

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
                foreach (var key in claimed)
                {
                    await ledger.MarkDoneAsync(agency, recipient, key, LedgerRepository.Sent, result.ActivityId, now, ct);
                }

                await ledger.ClearUnreachableAsync(agency, recipient, ct);
                break;
            case DeliveryStatus.Unreachable or DeliveryStatus.NoConversation:
                // Released, not closed: every later sweep of the day tries again (the person may install the app or
                // write to the bot meanwhile); tomorrow's slots are other keys.
                foreach (var key in claimed)
                {
                    await ledger.ReleaseAsync(agency, recipient, key, ct);
                }

                await ledger.SetUnreachableAsync(agency, recipient, result.Detail ?? result.Status.ToString(), now, result.Why?.ToString(), ct);
                break;
            default:
                foreach (var key in claimed)
                {
                    await ledger.ReleaseAsync(agency, recipient, key, ct);
                }

                break;
        }

        return new OnceOutcome(claimed, result);
    }
}
