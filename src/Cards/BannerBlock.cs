using System.Text.Json.Nodes;
using CchcBot.Cards.Views;

namespace CchcBot.Cards;

/// <summary>
/// The line at the top of a card: a confirmation on a "good" container, an error on an "attention" one. Its text is
/// card markdown already (user text in it escaped by whoever wrote it).
/// </summary>
public static class BannerBlock
{
    public static JsonObject? Render(CardBanner? banner) => banner is null
        ? null
        : Ac.Container([Ac.Text(banner.Text, weight: "Bolder")], style: banner.Error ? "attention" : "good");
}
