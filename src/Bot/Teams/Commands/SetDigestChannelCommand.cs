using CchcBot.Cards;
using CchcBot.Storage;
using CchcBot.Teams.Identity;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema.Teams;

namespace CchcBot.Teams.Commands;

/// <summary>"đặt kênh tổng hợp" in a channel, by the Chief of Office: that channel receives the weekly digest.</summary>
public sealed class SetDigestChannelCommand(IDirectoryRepository directories) : IChatCommand
{
    public IReadOnlyList<string> Phrases { get; } = ["đặt kênh tổng hợp", "set digest channel"];

    public async Task ExecuteAsync(ITurnContext turnContext, BotUser? user, CancellationToken ct)
    {
        var activity = turnContext.Activity;
        var channelId = activity.GetChannelData<TeamsChannelData>()?.Channel?.Id;
        var tenant = TenantGuardMiddleware.TenantOf(turnContext);
        if (activity.Conversation?.ConversationType != "channel" || channelId is null || tenant is null)
        {
            await turnContext.SendActivityAsync("Vui lòng gõ \"đặt kênh tổng hợp\" trong kênh của nhóm Văn phòng (nhắc tên bot), không phải trong trò chuyện riêng.", cancellationToken: ct);
            return;
        }

        if (user is null || !user.IsChiefOfOffice)
        {
            await turnContext.SendActivityAsync("Xin lỗi, chỉ Chánh Văn phòng mới đặt được kênh nhận bản tổng hợp hằng tuần.", cancellationToken: ct);
            return;
        }

        await directories.SetDigestChannelAsync(user.Agency, tenant, channelId, ct);
        await turnContext.SendActivityAsync(CardMessages.Of(InfoCard.Build(
            "Đã đặt kênh tổng hợp",
            "Từ nay bản tổng hợp tiến độ CCHC hằng tuần sẽ được gửi vào kênh này.")), ct);
    }
}
