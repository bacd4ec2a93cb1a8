using CchcBot.Cards.Views;
using CchcBot.Plan;

namespace CchcBot.Views;

/// <summary>
/// The one mapping from the domain's statuses to the cards' status views, used by chat cards, reports and the tab.
/// Written out case by case: the two enums live in different layers and must never be matched by number.
/// </summary>
public static class StatusViews
{
    public static StatusView Of(DisplayStatus status) => status switch
    {
        DisplayStatus.NotStarted => StatusView.NotStarted,
        DisplayStatus.InProgress => StatusView.InProgress,
        DisplayStatus.Done => StatusView.Done,
        DisplayStatus.Blocked => StatusView.Blocked,
        DisplayStatus.Overdue => StatusView.Overdue,
        DisplayStatus.DoneLate => StatusView.DoneLate,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>A reported status as such (history "from → to"): never overdue nor late.</summary>
    public static StatusView Of(MilestoneStatus status) => status switch
    {
        MilestoneStatus.NotStarted => StatusView.NotStarted,
        MilestoneStatus.InProgress => StatusView.InProgress,
        MilestoneStatus.Done => StatusView.Done,
        MilestoneStatus.Blocked => StatusView.Blocked,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static RoleView Of(TaskRole role) => role == TaskRole.Lead ? RoleView.Lead : RoleView.Cooperating;
}
