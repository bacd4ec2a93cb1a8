using CchcBot.Plan;
using Microsoft.Bot.Builder;

namespace CchcBot.Teams.Commands;

/// <summary>One text command. <see cref="Phrases"/> are compared after <see cref="CommandText.Fold"/>.</summary>
public interface IChatCommand
{
    IReadOnlyList<string> Phrases { get; }

    Task ExecuteAsync(ITurnContext turnContext, AgencyUser? user, CancellationToken ct);
}
