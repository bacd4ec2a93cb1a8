using CchcBot.Cards;
using CchcBot.Digest;
using CchcBot.Hosting;
using CchcBot.Progress;
using CchcBot.Views;
using Microsoft.Bot.Schema;

namespace CchcBot.Teams.CardActions;

/// <summary>
/// Verb "digestDetails": the digest's longer lists, as of now, scoped exactly like the "tổng hợp" summary they expand
/// (<see cref="DigestScope"/>: from the stored directory; whatever the card data says is ignored); "Thu gọn" (view =
/// summary) gives the summary back. In a channel the lists are posted in the digest's thread and the post is left as
/// it was.
/// </summary>
public sealed class DigestDetailsAction(DigestFiguresService digest, ChatCards cards, BotClock clock) : ICardAction
{
    public string Verb => CardContract.Verbs.DigestDetails;

    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionRequest request, CancellationToken ct)
    {
        if (request.User is null || !DigestScope.TryResolve(request.User, out var departmentId))
        {
            return InvokeResponses.Card(cards.Error(CardTexts.Refusal(UpdateRefusal.UnknownUser)));
        }

        var figures = await digest.FiguresAsync(request.User.Agency, clock.Now, departmentId, ct);
        if (figures is null)
        {
            return InvokeResponses.Card(cards.Error(UpdateStrings.NoPlan));
        }

        var details = request.GetString("view") != CardContract.Views.DigestSummary;
        if (details && request.TurnContext.Activity.Conversation?.ConversationType == "channel")
        {
            // The digest in the Office channel is everyone's post: the long lists go into its thread, the post stays.
            await request.TurnContext.SendActivityAsync(CardMessages.Of(DigestCard.Build(DigestViews.Of(figures), details: true)), ct);
            return InvokeResponses.Message(CardStrings.Digest.DetailsInThread);
        }

        return InvokeResponses.Card(DigestCard.Build(DigestViews.Of(figures), details: details));
    }
}
