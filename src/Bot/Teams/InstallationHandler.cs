using CchcBot.Cards;
using CchcBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Newtonsoft.Json;

namespace CchcBot.Teams;

/// <summary>The bot added to (or removed from) a personal chat or a team.</summary>
public sealed class InstallationHandler(
    IConversationRepository conversations,
    IEnumerable<ITeamInstallObserver> observers,
    Identity.IUserResolver users,
    TimeProvider time,
    ILogger<InstallationHandler> logger)
{
    public async Task OnBotAddedAsync(ITurnContext turnContext, CancellationToken ct)
    {
        var conversation = ConversationTrackingMiddleware.Describe((Activity)turnContext.Activity, time.GetUtcNow());
        if (conversation is not null)
        {
            await conversations.SaveAsync(conversation with { Active = true }, ct);
            if (conversation.Kind == ConversationKind.Channel && conversation.TeamId is not null)
            {
                await RecordTeamChannelsAsync(turnContext, conversation, ct);
                foreach (var observer in observers)
                {
                    await observer.OnTeamInstalledAsync(turnContext, conversation, ct);
                }
            }
            else if (conversation.Kind == ConversationKind.Personal)
            {
                await users.ResolveAsync(turnContext, ct); // who installed it is known, and reachable, from now on
            }
        }

        await turnContext.SendActivityAsync(CardMessages.Of(WelcomeCard.Build()), ct);
    }

    public async Task OnBotRemovedAsync(ITurnContext turnContext, CancellationToken ct)
    {
        var conversation = ConversationTrackingMiddleware.Describe((Activity)turnContext.Activity, time.GetUtcNow());
        if (conversation is not null)
        {
            await conversations.SetActiveAsync(conversation.Kind, conversation.TenantId, conversation.Key, false, ct);
            logger.LogInformation("Bot removed from {Kind} conversation {Key}", conversation.Kind, conversation.Key);
        }
    }

    public async Task OnChannelCreatedAsync(ITurnContext turnContext, ChannelInfo channel, TeamInfo team, CancellationToken ct)
    {
        var tenant = TenantGuardMiddleware.TenantOf(turnContext);
        if (tenant is null || channel.Id is null)
        {
            return;
        }

        var activity = (Activity)turnContext.Activity;
        await conversations.SaveAsync(ChannelRecord(activity, tenant, team.Id, channel.Id, channel.Name), ct);
    }

    /// <summary>Stores every channel Teams tells about, so any of them can become the digest channel.</summary>
    private async Task RecordTeamChannelsAsync(ITurnContext turnContext, StoredConversation installedIn, CancellationToken ct)
    {
        try
        {
            var channels = await Microsoft.Bot.Builder.Teams.TeamsInfo.GetTeamChannelsAsync(turnContext, installedIn.TeamId, ct);
            foreach (var channel in channels.Where(c => c.Id != installedIn.Key))
            {
                await conversations.SaveAsync(ChannelRecord((Activity)turnContext.Activity, installedIn.TenantId, installedIn.TeamId!, channel.Id, channel.Name), ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not list the channels of team {TeamId}", installedIn.TeamId);
        }
    }

    private StoredConversation ChannelRecord(Activity activity, string tenant, string teamId, string channelId, string? name)
    {
        var reference = activity.GetConversationReference();
        reference.Conversation = new ConversationAccount(isGroup: true, conversationType: "channel", id: channelId, tenantId: tenant);
        reference.ActivityId = null;
        return new StoredConversation(ConversationKind.Channel, tenant, channelId, JsonConvert.SerializeObject(reference), activity.ServiceUrl,
            true, time.GetUtcNow(), teamId, name);
    }
}
