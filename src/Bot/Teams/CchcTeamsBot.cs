using CchcBot.Teams.CardActions;
using CchcBot.Teams.Commands;
using CchcBot.Teams.Files;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;

namespace CchcBot.Teams;

/// <summary>The activity handler: thin on purpose — every command, card verb and install event has its own class.</summary>
public sealed class CchcTeamsBot(CommandRouter commands, CardActionRouter cardActions, IncomingFileRouter files, InstallationHandler installation) : TeamsActivityHandler
{
    protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) =>
        IncomingFileRouter.CarriesFiles(turnContext.Activity)
            ? files.RouteAsync(turnContext, cancellationToken)
            : commands.RouteAsync(turnContext, cancellationToken);

    protected override Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(
        ITurnContext<IInvokeActivity> turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken) =>
        cardActions.RouteAsync(turnContext, invokeValue, cancellationToken);

    protected override Task OnTeamsMembersAddedAsync(
        IList<TeamsChannelAccount> teamsMembersAdded, TeamInfo teamInfo, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        teamsMembersAdded.Any(m => m.Id == turnContext.Activity.Recipient?.Id)
            ? installation.OnBotAddedAsync(turnContext, cancellationToken)
            : Task.CompletedTask;

    protected override Task OnTeamsMembersRemovedAsync(
        IList<TeamsChannelAccount> teamsMembersRemoved, TeamInfo teamInfo, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        teamsMembersRemoved.Any(m => m.Id == turnContext.Activity.Recipient?.Id)
            ? installation.OnBotRemovedAsync(turnContext, cancellationToken)
            : Task.CompletedTask;

    protected override Task OnInstallationUpdateRemoveAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        installation.OnBotRemovedAsync(turnContext, cancellationToken);

    /// <summary>A channel event without its team or channel (never from Teams) is answered 200 and ignored.</summary>
    protected override Task OnTeamsChannelCreatedAsync(
        ChannelInfo channelInfo, TeamInfo teamInfo, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(teamInfo?.Id) || string.IsNullOrEmpty(channelInfo?.Id)
            ? Task.CompletedTask
            : installation.OnChannelCreatedAsync(turnContext, channelInfo, teamInfo, cancellationToken);
}
