namespace CchcBot.Cards;

/// <summary>Constants of the Adaptive Card format the bot emits.</summary>
public static class CardSchema
{
    public const string Version = "1.5";
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
}
