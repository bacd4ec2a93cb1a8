using CchcBot.Storage;

namespace CchcBot.Delivery;

/// <summary>Where a proactive message goes.</summary>
public abstract record MessageTarget
{
    /// <summary>A person's personal chat with the bot (created, or the app installed, when needed).</summary>
    /// <param name="Known">Their Teams identity when the sender already read it (saves reading it again); null: look it up.</param>
    public sealed record Person(string UpnOrEmail, PersonIdentity? Known = null) : MessageTarget;

    /// <summary>A new thread in a team's channel.</summary>
    public sealed record Channel(StoredConversation Conversation) : MessageTarget;
}

/// <summary>What a message says, as data: the edge that delivers it (Teams) turns it into a card.</summary>
public abstract record MessageContent
{
    /// <summary>The content to send when only these keys were claimed (a reminder drops the parts sent before).</summary>
    public virtual MessageContent Only(IReadOnlySet<string> claimed) => this;
}

/// <summary>One message to send exactly once: for each key, at most one delivery ever.</summary>
/// <param name="LedgerName">Whom the ledger records the keys under: the person, or a name such as "digest".</param>
public sealed record OutgoingMessage(string Agency, MessageTarget To, string LedgerName, IReadOnlyList<string> Keys, MessageContent Content);

/// <param name="Claimed">The keys this call sent (or tried to send); the others were sent before or are in another sweep's hands.</param>
/// <param name="Result">Null when nothing was claimed (nothing to do).</param>
public sealed record OnceOutcome(IReadOnlyList<string> Claimed, DeliveryResult? Result)
{
    public bool NothingToDo => Claimed.Count == 0;
}

/// <summary>Delivers outgoing messages exactly once per key, through the ledger.</summary>
public interface IOutbox
{
    /// <param name="now">The sender's instant: leases are judged on the same clock as the schedule.</param>
    Task<OnceOutcome> SendOnceAsync(OutgoingMessage message, DateTimeOffset now, TimeSpan lease, CancellationToken ct);
}
