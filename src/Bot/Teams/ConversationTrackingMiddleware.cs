using System.Collections.Concurrent;
using CchcBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Newtonsoft.Json;

namespace CchcBot.Teams;

/// <summary>
/// Keeps the stored ConversationReference of every personal chat and channel fresh: Teams may move a conversation
/// to another serviceUrl, and proactive messages must follow. Writes only when something changed, and only for what
/// Teams sent (never for the bot's own proactive turns).
/// </summary>
public sealed class ConversationTrackingMiddleware(
    IConversationRepository conversations, TimeProvider time, ILogger<ConversationTrackingMiddleware> logger) : Microsoft.Bot.Builder.IMiddleware
{
    private readonly ConcurrentDictionary<string, string> _lastSeen = new();

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        try
        {
            await TrackAsync(turnContext.Activity, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Tracking must never stop the user's request; the next activity tries again.
            logger.LogWarning(e, "Could not store the conversation of activity {ActivityId}", turnContext.Activity.Id);
        }

        await next(cancellationToken);
    }

    public static StoredConversation? Describe(Activity activity, DateTimeOffset now)
    {
        var tenant = activity.Conversation?.TenantId ?? activity.GetChannelData<TeamsChannelData>()?.Tenant?.Id;
        if (string.IsNullOrEmpty(tenant) || string.IsNullOrEmpty(activity.ServiceUrl) || activity.Conversation is null)
        {
            return null;
        }

        var reference = activity.GetConversationReference();
        var json = JsonConvert.SerializeObject(reference);
        var conversationType = activity.Conversation.ConversationType;
        if (conversationType is "personal" && !string.IsNullOrEmpty(activity.From?.AadObjectId))
        {
            return new StoredConversation(ConversationKind.Personal, tenant, activity.From.AadObjectId, json, activity.ServiceUrl, true, now,
                Name: activity.From.Name);
        }

        if (conversationType is "channel")
        {
            var data = activity.GetChannelData<TeamsChannelData>();
            var channelId = data?.Channel?.Id ?? activity.Conversation.Id.Split(';')[0];

            // A channel reference must start new threads in the channel, not reply inside one message's thread.
            reference.Conversation = new ConversationAccount(isGroup: true, conversationType: "channel", id: channelId, tenantId: tenant);
            reference.ActivityId = null;
            return new StoredConversation(ConversationKind.Channel, tenant, channelId, JsonConvert.SerializeObject(reference), activity.ServiceUrl, true, now,
                TeamId: data?.Team?.Id, Name: data?.Channel?.Name);
        }

        return null;
    }

    private async Task TrackAsync(Activity activity, CancellationToken ct)
    {
        if (activity.Type is ActivityTypes.InstallationUpdate or ActivityTypes.ConversationUpdate && IsBotRemoval(activity))
        {
            return; // The handler marks the conversation inactive.
        }

        if (IsProactive(activity))
        {
            // The adapter made this activity from the stored reference (a reminder, a digest): it is no news from Teams,
            // and writing it back would stamp an old service URL as the tenant's latest.
            return;
        }

        var conversation = Describe(activity, time.GetUtcNow());
        if (conversation is null)
        {
            return;
        }

        var cacheKey = $"{conversation.Kind}|{conversation.TenantId}|{conversation.Key}";
        var fingerprint = conversation.ServiceUrl + "|" + conversation.Name + "|" + conversation.TeamId;
        if (_lastSeen.TryGetValue(cacheKey, out var seen) && seen == fingerprint)
        {
            return;
        }

        await conversations.SaveAsync(conversation, ct);
        _lastSeen[cacheKey] = fingerprint;
    }

    private static bool IsProactive(Activity activity) =>
        activity.Type == ActivityTypes.Event && activity.Name is ActivityEventNames.ContinueConversation or ActivityEventNames.CreateConversation;

    private static bool IsBotRemoval(Activity activity) =>
        activity.Action is "remove" or "remove-upgrade" ||
        activity.MembersRemoved?.Any(m => m.Id == activity.Recipient?.Id) == true;
}
