using System.Text.Json.Nodes;
using CchcBot.Cards;
using CchcBot.Teams;
using Newtonsoft.Json;

namespace CchcBot.Bot.Tests.Teams;

/// <summary>A card goes to the connector as the JSON text it is, written once (not parsed again into a Newtonsoft tree).</summary>
public sealed class CardWireTests
{
    [Fact]
    public void A_card_is_serialized_as_its_own_json_text_without_a_second_tree()
    {
        var card = HelpCard.Build(isChiefOfOffice: true, isStaff: false);
        card["body"]!.AsArray().Add(Ac.Text("Ghi chú: \"trích\" <b>&</b> \\ \n dòng mới — Phòng Nghiệp vụ 1"));
        CardMessages.Of(card); // warm: JIT and static state are not the card's

        var before = GC.GetAllocatedBytesForCurrentThread();
        var message = CardMessages.Of(card, "Trợ giúp");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var text = card.ToJsonString();
        // The card's text itself (UTF-16) and the writer's buffers; a Newtonsoft tree of it costs about ten times that.
        Assert.True(allocated < 4 * 2 * text.Length, $"{allocated} bytes allocated for a card of {text.Length} characters");
        var wire = JsonConvert.SerializeObject(message.Attachments[0]);
        var content = JsonNode.Parse(wire)!["content"]!;
        Assert.True(JsonNode.DeepEquals(card, content), "the card arrives as it was built");
        Assert.Contains("Phòng Nghiệp vụ 1", wire, StringComparison.Ordinal); // Vietnamese as it is, not \u-escaped
    }
}
