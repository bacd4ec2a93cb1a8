using CchcBot.Storage;
using Microsoft.Bot.Builder;

namespace CchcBot.Teams;

/// <summary>Told when the bot is added to a team, with the channel it was added in.</summary>
public interface ITeamInstallObserver
{
    Task OnTeamInstalledAsync(ITurnContext turnContext, StoredConversation channel, CancellationToken ct);
}
