using CchcBot.Cards.Views;

namespace CchcBot.Plan;

/// <summary>Where a dated milestone stands: the four groups of Vietnamese task statistics.</summary>
public enum Standing
{
    DoneOnTime,
    DoneLate,
    OpenInTime,
    OpenOverdue,
}

/// <summary>The one classification of milestones that every figure users see is computed from.</summary>
public static class Tally
{
    /// <summary>The milestone's group; null for ongoing work, which has no due date.</summary>
    public static Standing? StandingOf(BoardItem item) => item.Milestone.Due is null
        ? null
        : item.Display switch
        {
            DisplayStatus.Done => Standing.DoneOnTime,
            DisplayStatus.DoneLate => Standing.DoneLate,
            _ => item.DaysLeft < 0 ? Standing.OpenOverdue : Standing.OpenInTime,
        };

    public static TallyView Of(IEnumerable<BoardItem> items)
    {
        int onTime = 0, late = 0, inTime = 0, overdue = 0, inProgress = 0, blocked = 0;
        var ongoingTasks = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var standing = StandingOf(item);
            if (standing is null)
            {
                ongoingTasks.Add(item.Task.Id);
                continue;
            }

            switch (standing)
            {
                case Standing.DoneOnTime: onTime++; break;
                case Standing.DoneLate: late++; break;
                case Standing.OpenInTime: inTime++; break;
                default: overdue++; break;
            }

            if (standing is Standing.OpenInTime or Standing.OpenOverdue)
            {
                inProgress += item.State.Status == MilestoneStatus.InProgress ? 1 : 0;
                blocked += item.State.Status == MilestoneStatus.Blocked ? 1 : 0;
            }
        }

        return new TallyView(onTime, late, inTime, overdue, inProgress, blocked, ongoingTasks.Count);
    }
}
