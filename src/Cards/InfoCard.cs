using System.Text.Json.Nodes;

namespace CchcBot.Cards;

/// <summary>A short confirmation or notice (title and text).</summary>
public static class InfoCard
{
    public static JsonObject Build(string title, string text, string? style = "good") => Ac.Card(
        [Ac.Container([Ac.Text(title, weight: "Bolder"), Ac.Text(text, spacing: "Small")], style: style)],
        fullWidth: false);
}
