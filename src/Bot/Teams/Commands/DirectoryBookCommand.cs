using CchcBot.Cards;
using CchcBot.Plan;
using Microsoft.Bot.Builder;

namespace CchcBot.Teams.Commands;

/// <summary>"danh bạ": the directory card with its edit forms, for the Chief of Office; anyone else a polite refusal naming them.</summary>
public sealed class DirectoryBookCommand : IChatCommand
{
    public IReadOnlyList<string> Phrases { get; } = ["danh bạ", "danh bạ đơn vị", "directory"];

    public async Task ExecuteAsync(ITurnContext turnContext, AgencyUser? user, CancellationToken ct)
    {
        if (user is null)
        {
            await turnContext.SendActivityAsync(ChatText.UnknownUser, cancellationToken: ct);
            return;
        }

        if (!user.IsChiefOfOffice)
        {
            await turnContext.SendActivityAsync(Cards.StaffStrings.DirectoryRefusal(user.Directory.ChiefOfOffice), cancellationToken: ct);
            return;
        }

        await turnContext.SendActivityAsync(CardMessages.Of(DirectoryEditor.Card(user.Directory), Cards.StaffStrings.DirectoryTitle(user.Agency)), ct);
    }
}
