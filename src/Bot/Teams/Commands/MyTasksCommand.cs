using CchcBot.Cards;
using CchcBot.Plan;
using CchcBot.Progress;
using Microsoft.Bot.Builder;

namespace CchcBot.Teams.Commands;

/// <summary>"nhiệm vụ của tôi" / "my tasks": the user's department's tasks (the Chief Inspector: the whole plan).</summary>
public sealed class MyTasksCommand(MyTasksView view) : IChatCommand
{
    public IReadOnlyList<string> Phrases { get; } = ["nhiệm vụ của tôi", "my tasks", "nhiệm vụ"];

    public bool ReadsSnapshot => true;

    public async Task ExecuteAsync(ITurnContext turnContext, AgencyUser? user, CancellationToken ct)
    {
        if (user is null)
        {
            await turnContext.SendActivityAsync(ChatText.UnknownUser, cancellationToken: ct);
            return;
        }

        var card = await view.RenderAsync(user, page: 0, banner: null, ct, turnContext.TurnState.Get<SnapshotReads>());
        await turnContext.SendActivityAsync(CardMessages.Of(card, ChatText.Summaries.MyTasks), ct);
    }
}
