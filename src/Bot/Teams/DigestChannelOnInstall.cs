using CchcBot.Storage;
using CchcBot.Teams.Identity;
using Microsoft.Bot.Builder;

namespace CchcBot.Teams;

/// <summary>The first install of the bot in a team registers the channel it was added in as the digest channel.</summary>
public sealed class DigestChannelOnInstall(IUserResolver users, IDirectoryRepository directories) : ITeamInstallObserver
{
    public async Task OnTeamInstalledAsync(ITurnContext turnContext, StoredConversation channel, CancellationToken ct)
    {
        var installer = await users.ResolveAsync(turnContext, ct);
        if (installer is null || await directories.GetDigestChannelAsync(installer.Agency, ct) is not null)
        {
            return;
        }

        await directories.SetDigestChannelAsync(installer.Agency, channel.TenantId, channel.Key, ct);
    }
}
