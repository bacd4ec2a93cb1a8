using CchcBot.Plan;
using CchcBot.Storage;

namespace CchcBot.Progress;

/// <summary>
/// The one place an approved extension (gia hạn) changes a milestone's due date: the plan a snapshot is built from
/// gets the approved date as <see cref="Milestone.Due"/> and the plan's own in <see cref="Milestone.OriginalDue"/>, so
/// every surface (cards, reminders, figures, digest, reports) follows it. An extension applies only while the plan
/// still has the date it extended: a re-imported plan with another due date wins.
/// </summary>
public static class EffectiveDues
{
    public static CchcPlan Apply(CchcPlan plan, IReadOnlyDictionary<string, ApprovedDue> dues) =>
        dues.Count == 0 ? plan : plan with { Tasks = plan.Tasks.Select(t => Apply(t, dues)).ToList() };

    public static PlanTask Apply(PlanTask task, IReadOnlyDictionary<string, ApprovedDue> dues) =>
        dues.Count == 0 || !task.Milestones.Any(m => Extended(m, dues) is not null)
            ? task
            : task with { Milestones = task.Milestones.Select(m => Extended(m, dues) is { } d ? m with { Due = d.Due, OriginalDue = d.OriginalDue } : m).ToList() };

    /// <summary>The approved due date that applies to the milestone as the plan states it; null when none.</summary>
    public static ApprovedDue? Extended(Milestone milestone, IReadOnlyDictionary<string, ApprovedDue> dues) =>
        milestone.OriginalDue is null && milestone.Due is { } due && dues.TryGetValue(milestone.Id, out var d)
        && d.OriginalDue == due && string.Equals(d.TaskId, milestone.TaskId, StringComparison.Ordinal)
            ? d
            : null;
}
