using CchcBot.Cards;
using CchcBot.Storage;
using CchcBot.Teams.Identity;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace CchcBot.Teams.CardActions;

/// <summary>Dispatches an Action.Execute invoke to the handler of its verb; failures become an error card, never a 5xx.</summary>
public sealed class CardActionRouter(IEnumerable<ICardAction> actions, IUserResolver users, ILogger<CardActionRouter> logger)
{
    /// <summary>What a member of staff may do: open, page through and update what is assigned to them.</summary>
    private static readonly HashSet<string> StaffVerbs = new(StringComparer.Ordinal) { CardContract.Verbs.UpdateStatus, CardContract.Verbs.RefreshTask, CardContract.Verbs.MyTasksPage };

    private readonly Dictionary<string, ICardAction> _byVerb = actions.ToDictionary(a => a.Verb, StringComparer.Ordinal);

    public async Task<AdaptiveCardInvokeResponse> RouteAsync(ITurnContext<IInvokeActivity> turnContext, AdaptiveCardInvokeValue value, CancellationToken ct)
    {
        var verb = value.Action?.Verb;
        if (string.IsNullOrEmpty(verb) || !_byVerb.TryGetValue(verb, out var action))
        {
            logger.LogWarning("Unknown card verb {Verb} in activity {ActivityId}", verb, turnContext.Activity.Id);
            return InvokeResponses.Card(ErrorCard.Build(CardStrings.ErrorTitle, CardStrings.UnknownAction));
        }

        var data = value.Action!.Data switch
        {
            JObject o => o,
            null => [],
            var other => JToken.FromObject(other) as JObject ?? [],
        };
        try
        {
            var user = await users.ResolveAsync(turnContext, ct);
            if (user?.IsStaff == true && !StaffVerbs.Contains(verb))
            {
                return InvokeResponses.Card(ErrorCard.Build(CardStrings.ErrorTitle, StaffStrings.StaffOnlyAssigned));
            }

            return await action.ExecuteAsync(new CardActionRequest(turnContext, user, data), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Card action {Verb} failed: activity {ActivityId} from user {UserObjectId}",
                verb, turnContext.Activity.Id, turnContext.Activity.From?.AadObjectId);
            var message = StorageOutage.Is(e) ? ChatText.StorageDown : ChatText.Unexpected;
            return InvokeResponses.Card(ErrorCard.Build(CardStrings.ErrorTitle, message));
        }
    }
}
