using System.Runtime.ExceptionServices;
using CchcBot.Delivery;
using CchcBot.Hosting;
using CchcBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;

namespace CchcBot.Teams.Delivery;

public interface IProactiveSender
{
    /// <summary>Sends to a person's personal chat with the bot, creating the chat (or installing the app) if needed.</summary>
    /// <param name="known">Their identity when the caller has just read it from storage; null: read here.</param>
    Task<DeliveryResult> SendToPersonAsync(string agency, string upnOrEmail, IMessageActivity message, CancellationToken ct, PersonIdentity? known = null);

    /// <summary>Starts a new thread in a channel.</summary>
    Task<DeliveryResult> SendToChannelAsync(StoredConversation channel, IMessageActivity message, CancellationToken ct);
}

/// <summary>
/// Proactive messages through the Bot Framework adapter (the real connector client). Order: stored chat → continue;
/// none → create the 1:1 chat from the Entra object id; not installed → install through Graph, then create; a chat that
/// vanished (404 ConversationNotFound) is dropped and recreated once. In anonymous mode only loopback service URLs are
/// called: a stored conversation elsewhere is refused (logged, reported as unreachable), with no request made.
/// </summary>
public sealed class ProactiveSender(
    IBotFrameworkHttpAdapter adapter,
    IConfiguration configuration,
    IDirectoryRepository directories,
    IConversationRepository conversations,
    ITeamsAppInstaller installer,
    RetryingSend retrying,
    TimeProvider time,
    IOptions<DeliveryOptions> options,
    AnonymousMode anonymous,
    ILogger<ProactiveSender> logger) : IProactiveSender
{
    private string AppId => configuration["MicrosoftAppId"] ?? string.Empty;

    private CloudAdapter Adapter => (CloudAdapter)adapter;

    public async Task<DeliveryResult> SendToPersonAsync(string agency, string upnOrEmail, IMessageActivity message, CancellationToken ct, PersonIdentity? known = null)
    {
        anonymous.EnsureAllowed();
        var identity = known ?? await directories.GetIdentityAsync(agency, upnOrEmail, ct) ?? await installer.ResolveAsync(agency, upnOrEmail, ct);
        if (identity is null)
        {
            return new DeliveryResult(DeliveryStatus.NoConversation, Detail: $"{upnOrEmail}: unknown to Teams here (never opened the bot; Graph is off or does not know them)", Why: UnreachableReason.NeverOpened);
        }

        var stored = await conversations.GetAsync(ConversationKind.Personal, identity.TenantId, identity.ObjectId, ct);
        if (stored is { Active: true })
        {
            var result = await ContinueAsync(stored, message, ct);
            if (result.Failure != FailureKind.ConversationGone)
            {
                return ToResult(result);
            }

            logger.LogInformation("Chat with {UserObjectId} is gone; recreating it once", identity.ObjectId);
            await conversations.SetActiveAsync(ConversationKind.Personal, identity.TenantId, identity.ObjectId, false, ct);
        }

        var serviceUrl = stored?.ServiceUrl
            ?? await conversations.LatestServiceUrlAsync(identity.TenantId, ct)
            ?? options.Value.DefaultServiceUrl;
        var created = await CreateAsync(identity, serviceUrl, ct);
        if (created is null && await installer.InstallAsync(identity, ct) is { } chatId)
        {
            created = await RememberChatAsync(identity, serviceUrl, chatId, ct);
        }

        if (created is null)
        {
            return new DeliveryResult(DeliveryStatus.Unreachable, Detail: $"{upnOrEmail}: no chat with the bot could be created (app not installed for them)", Why: UnreachableReason.NotInstalled);
        }

        var sent = await ContinueAsync(created, message, ct);
        return sent.Failure == FailureKind.ConversationGone
            ? new DeliveryResult(DeliveryStatus.Unreachable, Detail: $"{upnOrEmail}: the new chat vanished too ({sent.Detail})", Why: UnreachableReason.NotInstalled)
            : ToResult(sent);
    }

    public async Task<DeliveryResult> SendToChannelAsync(StoredConversation channel, IMessageActivity message, CancellationToken ct)
    {
        anonymous.EnsureAllowed();
        var result = await ContinueAsync(channel, message, ct);
        if (result.Failure is FailureKind.ConversationGone)
        {
            await conversations.SetActiveAsync(ConversationKind.Channel, channel.TenantId, channel.Key, false, ct);
            return new DeliveryResult(DeliveryStatus.Unreachable, Detail: $"channel {channel.Name ?? channel.Key}: {result.Detail}", Why: UnreachableReason.ChannelGone);
        }

        return ToResult(result);
    }

    private static DeliveryResult ToResult(SendOutcome outcome) => outcome.Failure switch
    {
        null => new DeliveryResult(DeliveryStatus.Sent, outcome.ActivityId),
        FailureKind.Terminal => new DeliveryResult(DeliveryStatus.Unreachable, Detail: outcome.Detail, Why: UnreachableReason.Blocked),
        _ => new DeliveryResult(DeliveryStatus.Failed, Detail: outcome.Detail),
    };

    private Task<SendOutcome> ContinueAsync(StoredConversation conversation, IMessageActivity message, CancellationToken ct)
    {
        var reference = JsonConvert.DeserializeObject<ConversationReference>(conversation.ReferenceJson)!;
        if (!anonymous.Allows(reference.ServiceUrl) || !anonymous.Allows(conversation.ServiceUrl))
        {
            return Task.FromResult(Refused(reference.ServiceUrl ?? conversation.ServiceUrl));
        }

        return retrying.RunAsync(conversation.TenantId, reference.Conversation.Id, async token =>
        {
            string? id = null;
            Exception? failure = null;
            await Adapter.ContinueConversationAsync(
                AppId,
                reference,
                async (turnContext, t) =>
                {
                    // Caught here, inside the turn, so the failure reaches this caller (retry, unreachable…) and not
                    // the adapter's turn error handler, which is for turns that users started.
                    try
                    {
                        id = (await turnContext.SendActivityAsync(message, t))?.Id;
                    }
                    catch (Exception e)
                    {
                        failure = e;
                    }
                },
                token);
            if (failure is not null)
            {
                ExceptionDispatchInfo.Throw(failure);
            }

            return id;
        }, ct);
    }

    private SendOutcome Refused(string? serviceUrl)
    {
        var host = Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) ? uri.Host : "(none)";
        logger.LogWarning("Refused a proactive send to service URL host {Host}: anonymous mode (no MicrosoftAppId) calls loopback service URLs only", host);
        return new SendOutcome(FailureKind.Terminal, null, $"refused: anonymous mode calls loopback service URLs only, not {host}", 0);
    }

    /// <summary>Creates the 1:1 chat (Teams accepts the Entra object id as the member id in personal scope).</summary>
    private async Task<StoredConversation?> CreateAsync(PersonIdentity identity, string serviceUrl, CancellationToken ct)
    {
        if (!anonymous.Allows(serviceUrl))
        {
            Refused(serviceUrl);
            return null;
        }

        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Members = [new ChannelAccount(identity.ObjectId)],
            TenantId = identity.TenantId,
            ChannelData = new { tenant = new { id = identity.TenantId } },
        };
        ConversationReference? reference = null;
        var outcome = await retrying.RunAsync(identity.TenantId, "create:" + identity.ObjectId, async token =>
        {
            await Adapter.CreateConversationAsync(
                AppId,
                Channels.Msteams,
                serviceUrl,
                AuthenticationConstants.ToChannelFromBotOAuthScope,
                parameters,
                (turnContext, _) =>
                {
                    reference = turnContext.Activity.GetConversationReference();
                    return Task.CompletedTask;
                },
                token);
            return reference?.Conversation?.Id;
        }, ct);

        if (!outcome.Sent || reference is null)
        {
            logger.LogInformation("Could not create a chat with {UserObjectId}: {Detail}", identity.ObjectId, outcome.Detail);
            return null;
        }

        if (reference.Conversation is { } conversation)
        {
            conversation.TenantId ??= identity.TenantId;
        }

        return await SaveAsync(identity, serviceUrl, reference, ct);
    }

    /// <summary>The chat Graph's install created: a reference built from its id.</summary>
    private Task<StoredConversation> RememberChatAsync(PersonIdentity identity, string serviceUrl, string chatId, CancellationToken ct)
    {
        var reference = new ConversationReference
        {
            ChannelId = Channels.Msteams,
            ServiceUrl = serviceUrl,
            Conversation = new ConversationAccount(isGroup: false, conversationType: "personal", id: chatId, tenantId: identity.TenantId),
            User = new ChannelAccount(identity.TeamsUserId ?? identity.ObjectId, identity.Name, aadObjectId: identity.ObjectId),
            Bot = new ChannelAccount(AppId),
        };
        return SaveAsync(identity, serviceUrl, reference, ct);
    }

    private async Task<StoredConversation> SaveAsync(PersonIdentity identity, string serviceUrl, ConversationReference reference, CancellationToken ct)
    {
        var stored = new StoredConversation(ConversationKind.Personal, identity.TenantId, identity.ObjectId,
            JsonConvert.SerializeObject(reference), serviceUrl, true, time.GetUtcNow(), Name: identity.Name);
        await conversations.SaveAsync(stored, ct);
        return stored;
    }
}
