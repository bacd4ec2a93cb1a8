using CchcBot.Cards;
using CchcBot.Digest;
using CchcBot.Hosting;
using CchcBot.Progress;
using Microsoft.Bot.Schema;

namespace CchcBot.Teams.CardActions;

/// <summary>
/// Verb "digestDetails": the digest's longer lists, as of now, scoped exactly like the "tổng hợp" summary they expand
/// (<see cref="DigestScope"/>: from the stored directory; whatever the card data says is ignored).
/// </summary>
public sealed class DigestDetailsAction(DigestService digest, ChatCards cards, BotClock clock) : ICardAction
{
    public string Verb => DigestCard.DetailsVerb;

    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionRequest request, CancellationToken ct)
    {
        if (request.User is null || !DigestScope.TryResolve(request.User, out var departmentId))
        {
            return InvokeResponses.Card(cards.Error(CardTexts.Refusal(UpdateRefusal.UnknownUser)));
        }

        var figures = await digest.FiguresAsync(request.User.Agency, clock.Now, departmentId, ct);
        return InvokeResponses.Card(figures is null ? cards.Error(CardTexts.NoPlan) : DigestCard.Build(figures, details: true));
    }
}
