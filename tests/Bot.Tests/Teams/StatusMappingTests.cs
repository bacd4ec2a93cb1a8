using CchcBot.Cards.Views;
using CchcBot.Plan;

namespace CchcBot.Bot.Tests.Teams;

/// <summary>The domain's statuses and the cards' views are cast by value: their orders must agree.</summary>
public class StatusMappingTests
{
    [Fact]
    public void Display_statuses_and_card_statuses_line_up() =>
        Assert.Equal(Enum.GetNames<DisplayStatus>(), Enum.GetValues<DisplayStatus>().Select(s => ((StatusView)(int)s).ToString()));

    [Fact]
    public void Reported_statuses_line_up_with_card_statuses() =>
        Assert.Equal(Enum.GetNames<MilestoneStatus>(), Enum.GetValues<MilestoneStatus>().Select(s => ((StatusView)(int)s).ToString()));
}
