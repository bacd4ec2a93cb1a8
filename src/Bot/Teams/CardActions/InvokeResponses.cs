using System.Text.Json.Nodes;
using CchcBot.Cards;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace CchcBot.Teams.CardActions;

/// <summary>The adaptiveCard/action invoke answers Teams understands.</summary>
public static class InvokeResponses
{
    /// <summary>HTTP 200 with a card that replaces the one the user acted on.</summary>
    public static AdaptiveCardInvokeResponse Card(JsonObject card) => new()
    {
        StatusCode = 200,
        Type = CardSchema.ContentType,
        Value = JObject.Parse(card.ToJsonString()),
    };

    /// <summary>HTTP 200 with a short message Teams shows the user; the card they acted on stays as it was.</summary>
    public static AdaptiveCardInvokeResponse Message(string text) => new()
    {
        StatusCode = 200,
        Type = "application/vnd.microsoft.activity.message",
        Value = text,
    };
}
