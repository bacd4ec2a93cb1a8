using CchcBot.Teams.Identity;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace CchcBot.Teams.CardActions;

/// <summary>One Action.Execute verb. Handlers read nothing from the card but ids: rights and state come from storage.</summary>
public interface ICardAction
{
    string Verb { get; }

    Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionRequest request, CancellationToken ct);
}

/// <param name="User">Null when the sender is not in any directory.</param>
/// <param name="Data">The action's data merged with the card's input values.</param>
public sealed record CardActionRequest(ITurnContext<IInvokeActivity> TurnContext, BotUser? User, JObject Data)
{
    public string? GetString(string name) => Data.TryGetValue(name, StringComparison.Ordinal, out var token) && token.Type == JTokenType.String
        ? (string?)token
        : null;

    public int? GetInt(string name) => Data.TryGetValue(name, StringComparison.Ordinal, out var token) && token.Type == JTokenType.Integer
        ? (int)token
        : null;

    /// <summary>The value of an input whose id is "<paramref name="prefix"/>:<paramref name="key"/>" (or plain prefix).</summary>
    public string? GetInput(string prefix, string key) => GetString($"{prefix}:{key}") ?? GetString(prefix);
}
