using CchcBot.Progress;
using CchcBot.Teams.Identity;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace CchcBot.Teams.Commands;

/// <summary>Finds the command a message names (mention removed, text folded); anything unknown gets help.</summary>
public sealed class CommandRouter(IEnumerable<IChatCommand> commands, HelpCommand help, IUserResolver users, ISnapshotLoader snapshots)
{
    public const int MaxTextLength = 2000;

    private readonly Dictionary<string, IChatCommand> _byPhrase = commands
        .SelectMany(c => c.Phrases.Select(p => (Phrase: CommandText.Fold(p), Command: c)))
        .ToDictionary(x => x.Phrase, x => x.Command);

    public async Task RouteAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken ct)
    {
        var activity = turnContext.Activity;
        var text = activity.RemoveRecipientMention() ?? activity.Text ?? string.Empty;
        var folded = text.Length > MaxTextLength ? string.Empty : CommandText.Fold(text);
        if (folded.Length == 0 && activity.Value is not null)
        {
            return; // A card's Action.Submit without text: nothing to answer.
        }

        var command = _byPhrase.GetValueOrDefault(folded) ?? help;
        var user = await users.ResolveAsync(turnContext, ct, !command.ReadsSnapshot ? null : agency =>
        {
            if (turnContext.TurnState.Get<SnapshotReads>() is null)
            {
                turnContext.TurnState.Add(snapshots.StartReads(agency, ct));
            }
        });
        if (user?.IsStaff == true && command is not (MyTasksCommand or HelpCommand))
        {
            // Staff see only what is assigned to them: no digest, no reports, no directory.
            await turnContext.SendActivityAsync(Cards.StaffStrings.StaffOnlyAssigned, cancellationToken: ct);
            return;
        }

        await command.ExecuteAsync(turnContext, user, ct);
    }
}
