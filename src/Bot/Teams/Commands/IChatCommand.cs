using CchcBot.Plan;
using Microsoft.Bot.Builder;

namespace CchcBot.Teams.Commands;

/// <summary>One text command. <see cref="Phrases"/> are compared after <see cref="CommandText.Fold"/>.</summary>
public interface IChatCommand
{
    IReadOnlyList<string> Phrases { get; }

    /// <summary>True when the command reads the sender's plan snapshot: its reads start as soon as the sender's agency
    /// is known, alongside the directory read (<see cref="Progress.SnapshotReads"/> in the turn state).</summary>
    bool ReadsSnapshot => false;

    Task ExecuteAsync(ITurnContext turnContext, AgencyUser? user, CancellationToken ct);
}
