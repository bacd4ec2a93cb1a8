using CchcBot.Cards.Views;
using CchcBot.Plan;
using CchcBot.Views;

namespace CchcBot.Bot.Tests.Views;

public sealed class StatusViewsTests
{
    public static TheoryData<DisplayStatus> DisplayStatuses => [.. Enum.GetValues<DisplayStatus>()];

    public static TheoryData<MilestoneStatus> MilestoneStatuses => [.. Enum.GetValues<MilestoneStatus>()];

    [Theory]
    [MemberData(nameof(DisplayStatuses))]
    public void Every_shown_status_has_its_own_view(DisplayStatus status) =>
        Assert.Equal(status.ToString(), StatusViews.Of(status).ToString());

    [Theory]
    [MemberData(nameof(MilestoneStatuses))]
    public void Every_reported_status_has_its_own_view(MilestoneStatus status) =>
        Assert.Equal(status.ToString(), StatusViews.Of(status).ToString());

    [Fact]
    public void No_two_statuses_share_a_view() =>
        Assert.Equal(Enum.GetValues<DisplayStatus>().Length, Enum.GetValues<DisplayStatus>().Select(StatusViews.Of).Distinct().Count());

    [Fact]
    public void Roles_map_by_meaning() =>
        Assert.Equal([RoleView.Lead, RoleView.Cooperating], new[] { TaskRole.Lead, TaskRole.Cooperating }.Select(StatusViews.Of));
}
