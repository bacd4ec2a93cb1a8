using CchcBot.Cards;
using CchcBot.Progress;
using CchcBot.Storage;
using CchcBot.Teams.Files;
using Microsoft.Bot.Schema;

namespace CchcBot.Teams.CardActions;

/// <summary>Verb "cancelImport", data <c>{ importId }</c> ("Hủy" on the preview card): the plan as previewed is not
/// imported. Only the Chief of Office (from storage); an import already confirmed cannot be cancelled.</summary>
public sealed class CancelImportAction(IPendingImportRepository pending, IDirectoryRepository directories, ChatCards cards) : ICardAction
{
    public string Verb => CardContract.Verbs.CancelImport;

    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionRequest request, CancellationToken ct)
    {
        if (request.User is not { } user)
        {
            return InvokeResponses.Card(cards.Error(CardTexts.Refusal(UpdateRefusal.UnknownUser)));
        }

        if (!user.IsChiefOfOffice)
        {
            return InvokeResponses.Card(cards.Error(await ConfirmImportAction.RefusalAsync(directories, user, ct)));
        }

        var id = request.GetString("importId");
        if (!ConfirmImportAction.IsImportId(id))
        {
            return InvokeResponses.Card(cards.Error(CardTexts.Refusal(UpdateRefusal.InvalidCardData)));
        }

        var import = await pending.GetAsync(user.Agency, id!, ct);
        switch (import?.State)
        {
            case null:
                return InvokeResponses.Card(cards.Error(PlanImportTexts.NotFound));
            case PendingImportState.Confirmed or PendingImportState.Importing:
                return InvokeResponses.Card(cards.Error(PlanImportTexts.CannotCancelDone));
            case PendingImportState.Pending when !await pending.TryMoveAsync(user.Agency, id!, PendingImportState.Pending, PendingImportState.Cancelled, ct):
                return InvokeResponses.Card(cards.Error(PlanImportTexts.CannotCancelDone));
            default:
                return InvokeResponses.Card(InfoCard.Build(CardStrings.Import.CancelledTitle, CardStrings.Import.CancelledText, style: "default"));
        }
    }
}
