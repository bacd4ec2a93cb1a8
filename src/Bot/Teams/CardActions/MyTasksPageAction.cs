using CchcBot.Cards;
using CchcBot.Progress;
using Microsoft.Bot.Schema;

namespace CchcBot.Teams.CardActions;

/// <summary>Verb "myTasksPage": another page of "nhiệm vụ của tôi" ("Xem thêm" / "Trang trước").</summary>
public sealed class MyTasksPageAction(MyTasksView view, ChatCards cards) : ICardAction
{
    /// <summary>Pages beyond the list show its last page; the bound keeps the arithmetic far from overflow.</summary>
    public const int MaxPage = 1000;

    public string Verb => MyTasksCard.PageVerb;

    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionRequest request, CancellationToken ct)
    {
        if (request.User is null)
        {
            return InvokeResponses.Card(cards.Error(CardTexts.Refusal(UpdateRefusal.UnknownUser)));
        }

        var page = request.GetInt("page", 0, MaxPage) ?? 0;
        return InvokeResponses.Card(await view.RenderAsync(request.User, page, banner: null, ct));
    }
}
