namespace CchcBot.Delivery;

public enum DeliveryStatus
{
    Sent,

    /// <summary>No chat exists and none could be created (the person is unknown to Teams here, Graph is off).</summary>
    NoConversation,

    /// <summary>Teams refused for good (bot blocked or disabled, chat gone twice): retrying will not help.</summary>
    Unreachable,

    /// <summary>A transient failure outlasted the retries; a later sweep may succeed.</summary>
    Failed,
}

/// <summary>Why a person cannot be reached, in words a user can act on (shown in Vietnamese, never the English detail).</summary>
public enum UnreachableReason
{
    /// <summary>Teams here does not know them: they never opened the bot and Graph could not find or install it.</summary>
    NeverOpened,

    /// <summary>No chat could be created: the app is not installed for them.</summary>
    NotInstalled,

    /// <summary>They blocked the bot, or an administrator disabled it.</summary>
    Blocked,

    /// <summary>The channel is gone or the bot was removed from the team.</summary>
    ChannelGone,
}

/// <param name="Why">For <see cref="DeliveryStatus.Unreachable"/> and <see cref="DeliveryStatus.NoConversation"/>.</param>
public sealed record DeliveryResult(DeliveryStatus Status, string? ActivityId = null, string? Detail = null, UnreachableReason? Why = null)
{
    public bool Delivered => Status == DeliveryStatus.Sent;
}
