using CchcBot.Cards;
using CchcBot.Digest;
using CchcBot.Hosting;
using CchcBot.Progress;
using Microsoft.Bot.Schema;

namespace CchcBot.Teams.CardActions;

/// <summary>Verb "digestDetails": the digest's full lists, as of now, for anyone in the directory.</summary>
public sealed class DigestDetailsAction(DigestService digest, ChatCards cards, BotClock clock) : ICardAction
{
    public string Verb => DigestCard.DetailsVerb;

    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionRequest request, CancellationToken ct)
    {
        if (request.User is null)
        {
            return InvokeResponses.Card(cards.Error(CardTexts.Refusal(UpdateRefusal.UnknownUser)));
        }

        var figures = await digest.FiguresAsync(request.User.Agency, clock.Now, null, ct);
        return InvokeResponses.Card(figures is null ? cards.Error(CardTexts.NoPlan) : DigestCard.Build(figures, details: true));
    }
}
