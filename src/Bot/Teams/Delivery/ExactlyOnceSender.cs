using CchcBot.Delivery;
using CchcBot.Storage;

namespace CchcBot.Teams.Delivery;

/// <summary>
/// Sends one message for a set of ledger keys exactly once: claims every key, builds the message from the claimed
/// ones, sends it, then records the outcome — sent; undeliverable (Teams refused for good: the recipient is recorded
/// as unreachable, the slot is not retried); or released after a transient failure so the next sweep retries.
/// </summary>
public sealed class ExactlyOnceSender(
    ISendLedger ledger, IUnreachableRecipients unreachableRecipients, IProactiveSender sender, OutgoingCards cards, ILogger<ExactlyOnceSender> logger) : IOutbox
{
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public async Task<OnceOutcome> SendOnceAsync(OutgoingMessage message, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        var claimed = await ClaimAsync(message, now, lease, ct);
        if (claimed.Count == 0)
        {
            return new OnceOutcome(claimed, null);
        }

        var result = await DeliverAsync(message, claimed, ct);
        // Once sent, the record is written even when the caller stops now (Ctrl+C, shutdown): an open claim would be
        // taken over after its lease and the message sent again.
        await RecordAsync(message, claimed, result, now, CancellationToken.None);
        return new OnceOutcome(claimed, result);
    }

    /// <summary>Every key of the message in one transaction (key by key when another sweep holds one of them).</summary>
    private Task<IReadOnlyList<string>> ClaimAsync(OutgoingMessage message, DateTimeOffset now, TimeSpan lease, CancellationToken ct) =>
        ledger.TryClaimAllAsync(message.Agency, message.LedgerName, message.Keys, _owner, now, lease, ct);

    /// <summary>Builds the card of what was claimed and sends it; never throws but for cancellation (a failure is a result).</summary>
    private async Task<DeliveryResult> DeliverAsync(OutgoingMessage message, IReadOnlyList<string> claimed, CancellationToken ct)
    {
        try
        {
            var activity = cards.Build(message.Content.Only(claimed.ToHashSet(StringComparer.Ordinal)));
            return message.To switch
            {
                MessageTarget.Channel channel => await sender.SendToChannelAsync(channel.Conversation, activity, ct),
                MessageTarget.Person person => await sender.SendToPersonAsync(message.Agency, person.UpnOrEmail, activity, ct, person.Known),
                _ => throw new ArgumentOutOfRangeException(nameof(message), message.To.GetType().Name, "Unknown message target."),
            };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Sending to {Recipient} failed unexpectedly", message.LedgerName);
            return new DeliveryResult(DeliveryStatus.Failed, Detail: e.Message);
        }
    }

    private async Task RecordAsync(OutgoingMessage message, IReadOnlyList<string> claimed, DeliveryResult result, DateTimeOffset now, CancellationToken ct)
    {
        var (agency, recipient) = (message.Agency, message.LedgerName);
        switch (result.Status)
        {
            case DeliveryStatus.Sent:
                // Two rows of their own (the claims' partition and the unreachable list's): written side by side, as
                // each recipient's chain of round trips is what bounds a sweep's pace.
                await Task.WhenAll(
                    ledger.MarkAllDoneAsync(agency, recipient, claimed, SendLedger.Sent, result.ActivityId, now, ct),
                    unreachableRecipients.ClearAsync(agency, recipient, ct));
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
    }
}
