using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CchcBot.Cards;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace CchcBot.Teams;

/// <summary>
/// Wraps our System.Text.Json cards as Bot Framework attachments. The card goes as its JSON text (<see cref="JRaw"/>),
/// written once and copied into the activity as the connector serializes it, not parsed again into a Newtonsoft tree;
/// non-ASCII text stays as it is, as Newtonsoft wrote it (only quotes, backslashes and control characters escaped).
/// </summary>
public static class CardMessages
{
    private static readonly JsonSerializerOptions Wire = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Attachment Attachment(JsonObject card) => new()
    {
        ContentType = CardSchema.ContentType,
        Content = new JRaw(card.ToJsonString(Wire)),
    };

    public static IMessageActivity Of(JsonObject card, string? summary = null)
    {
        var message = MessageFactory.Attachment(Attachment(card));
        message.Summary = summary;
        return message;
    }
}
