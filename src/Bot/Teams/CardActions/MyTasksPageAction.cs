using CchcBot.Cards;
using CchcBot.Progress;
using Microsoft.Bot.Schema;

namespace CchcBot.Teams.CardActions;

/// <summary>Verb "myTasksPage": another page of "nhiệm vụ của tôi" ("Xem thêm" / "Trang trước").</summary>
public sealed class MyTasksPageAction(MyTasksView view, ChatCards cards) : ICardAction
{

    public string Verb => CardContract.Verbs.MyTasksPage;

    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionRequest request, CancellationToken ct)
    {
        if (request.User is null)
        {
            return InvokeResponses.Card(cards.Error(CardTexts.Refusal(UpdateRefusal.UnknownUser)));
        }

        var page = request.GetInt("page", 0, CardContract.Limits.MaxPage) ?? 0;
        return InvokeResponses.Card(await view.RenderAsync(request.User, page, banner: null, ct));
    }
}
