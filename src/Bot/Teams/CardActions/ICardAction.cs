using CchcBot.Cards;
using CchcBot.Plan;
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
public sealed record CardActionRequest(ITurnContext<IInvokeActivity> TurnContext, AgencyUser? User, JObject Data)
{
    public string? GetString(string name) => Data.TryGetValue(name, StringComparison.Ordinal, out var token) && token.Type == JTokenType.String
        ? (string?)token
        : null;

    /// <summary>An integer field clamped to [<paramref name="min"/>, <paramref name="max"/>] before any cast (2^40 or a
    /// 100-digit number is the maximum, not an overflow); null when absent or not an integer.</summary>
    public int? GetInt(string name, int min = int.MinValue, int max = int.MaxValue)
    {
        if (!Data.TryGetValue(name, StringComparison.Ordinal, out var token) || token.Type != JTokenType.Integer)
        {
            return null;
        }

        var value = token is JValue { Value: System.Numerics.BigInteger big } ? big : new System.Numerics.BigInteger((long)token);
        return value < min ? min : value > max ? max : (int)value;
    }

    /// <summary>True when the field is absent or null.</summary>
    public bool IsAbsent(string name) => !Data.TryGetValue(name, StringComparison.Ordinal, out var token) || token.Type == JTokenType.Null;

    /// <summary>The value of an input whose id is "<paramref name="prefix"/>:<paramref name="key"/>" (or plain prefix).</summary>
    public string? GetInput(string prefix, string key) => GetString(CardContract.Inputs.Id(prefix, key)) ?? GetString(prefix);
}
