using System.Text.Json.Nodes;
using CchcBot.Cards;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace CchcBot.Teams;

/// <summary>Wraps our System.Text.Json cards as Bot Framework attachments.</summary>
public static class CardMessages
{
    public static Attachment Attachment(JsonObject card) => new()
    {
        ContentType = CardSchema.ContentType,
        Content = JObject.Parse(card.ToJsonString()),
    };

    public static IMessageActivity Of(JsonObject card, string? summary = null)
    {
        var message = MessageFactory.Attachment(Attachment(card));
        message.Summary = summary;
        return message;
    }
}
