using CchcBot.Cards;
using CchcBot.Plan;
using Microsoft.Bot.Builder;

namespace CchcBot.Teams.Commands;

/// <summary>"trợ giúp" / "help", and the answer to anything the bot does not understand.</summary>
public sealed class HelpCommand(ChatCards cards) : IChatCommand
{
    public IReadOnlyList<string> Phrases { get; } = ["trợ giúp", "help", "hướng dẫn"];

    public Task ExecuteAsync(ITurnContext turnContext, AgencyUser? user, CancellationToken ct) =>
        turnContext.SendActivityAsync(CardMessages.Of(cards.Help(user), ChatText.Summaries.Help), ct);
}
