using CchcBot.Cards;
using CchcBot.Digest;
using CchcBot.Hosting;
using CchcBot.Plan;
using CchcBot.Progress;
using CchcBot.Views;
using Microsoft.Bot.Builder;

namespace CchcBot.Teams.Commands;

/// <summary>"tổng hợp": the digest as of now, to the requester only; a department head sees their department's part.</summary>
public sealed class DigestCommand(DigestFiguresService digest, BotClock clock) : IChatCommand
{
    public IReadOnlyList<string> Phrases { get; } = ["tổng hợp", "tổng hợp tuần", "digest"];

    public async Task ExecuteAsync(ITurnContext turnContext, AgencyUser? user, CancellationToken ct)
    {
        if (user is null)
        {
            await turnContext.SendActivityAsync(ChatText.UnknownUser, cancellationToken: ct);
            return;
        }

        if (!DigestScope.TryResolve(user, out var departmentId))
        {
            await turnContext.SendActivityAsync(ChatText.UnknownUser, cancellationToken: ct);
            return;
        }

        var figures = await digest.FiguresAsync(user.Agency, clock.Now, departmentId, ct);
        var card = figures is null ? ErrorCard.Build(CardStrings.ErrorTitle, UpdateStrings.NoPlan) : DigestCard.Build(DigestViews.Of(figures));
        await turnContext.SendActivityAsync(CardMessages.Of(card, ChatText.Summaries.Digest), ct);
    }
}
