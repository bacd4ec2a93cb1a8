using CchcBot.Cards;
using CchcBot.Plan;
using CchcBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema.Teams;

namespace CchcBot.Teams.Commands;

/// <summary>"đặt kênh tổng hợp" in a channel, by the Chief of Office: that channel receives the weekly digest.</summary>
public sealed class SetDigestChannelCommand(IDirectoryRepository directories) : IChatCommand
{
    public IReadOnlyList<string> Phrases { get; } = ["đặt kênh tổng hợp", "set digest channel"];

    public async Task ExecuteAsync(ITurnContext turnContext, AgencyUser? user, CancellationToken ct)
    {
        var activity = turnContext.Activity;
        var channelId = activity.GetChannelData<TeamsChannelData>()?.Channel?.Id;
        var tenant = TenantGuardMiddleware.TenantOf(turnContext);
        if (activity.Conversation?.ConversationType != "channel" || channelId is null || tenant is null)
        {
            await turnContext.SendActivityAsync(ChatText.SetChannelOnlyInChannel, cancellationToken: ct);
            return;
        }

        if (user is null || !user.IsChiefOfOffice)
        {
            await turnContext.SendActivityAsync(ChatText.SetChannelOnlyChiefOfOffice, cancellationToken: ct);
            return;
        }

        await directories.SetDigestChannelAsync(user.Agency, tenant, channelId, ct);
        await turnContext.SendActivityAsync(CardMessages.Of(InfoCard.Build(
            ChatText.ChannelSetTitle,
            ChatText.ChannelSetText)), ct);
    }
}
