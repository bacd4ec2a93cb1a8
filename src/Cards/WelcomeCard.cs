using System.Text.Json.Nodes;

namespace CchcBot.Cards;

/// <summary>The greeting when the bot is added to a chat or a team.</summary>
public static class WelcomeCard
{
    public static JsonObject Build() => Ac.Card(
        [
            Ac.Text(CardStrings.Welcome.Title, size: "Large", weight: "Bolder"),
            Ac.Text(CardStrings.Welcome.Intro),
            Ac.Text(CardStrings.Welcome.Features, spacing: "Small"),
            Ac.Text(CardStrings.Welcome.Start, spacing: "Medium"),
        ],
        [
            Ac.SendText(CardStrings.MyTasksButton, CardStrings.MyTasksCommand),
            Ac.SendText(CardStrings.HelpButton, CardStrings.HelpCommand),
        ]);
}
