using Azure;
using CchcBot.Cards;
using CchcBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace CchcBot.Teams;

/// <summary>The Bot Framework's CloudAdapter with our middleware and a turn error handler that never crashes.</summary>
public sealed class AdapterWithErrorHandler : CloudAdapter
{
    public AdapterWithErrorHandler(
        BotFrameworkAuthentication auth,
        ILogger<AdapterWithErrorHandler> logger,
        TenantGuardMiddleware tenantGuard,
        ConversationTrackingMiddleware tracking)
        : base(auth, logger)
    {
        Use(tenantGuard);
        Use(tracking);
        OnTurnError = async (turnContext, exception) =>
        {
            var activity = turnContext.Activity;
            logger.LogError(exception, "Turn failed: activity {ActivityId} ({Type}) from user {UserObjectId}",
                activity?.Id, activity?.Type, activity?.From?.AadObjectId);
            if (activity?.Type is not ActivityTypes.Message)
            {
                return;
            }

            var text = StorageOutage.Is(exception) ? ChatText.StorageDown : ChatText.Unexpected;
            try
            {
                await turnContext.SendActivityAsync(MessageFactory.Text(text));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not tell the user about the failure of activity {ActivityId}", activity.Id);
            }
        };
    }
}
