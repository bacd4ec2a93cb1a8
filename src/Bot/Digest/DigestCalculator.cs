using CchcBot.Cards;
using CchcBot.Cards.Views;
using CchcBot.Plan;
using CchcBot.Progress;

namespace CchcBot.Digest;

/// <summary>Computes the digest's figures. Pure: a snapshot, the history and the instant in; figures out.</summary>
public static class DigestCalculator
{
    public const int DueSoonDays = 14;

    /// <param name="history">Every history entry of the agency (the week's changes and last week's state come from it).</param>
    /// <param name="departmentId">Limits the digest to milestones this department leads or cooperates on; null = whole plan.</param>
    public static DigestFigures Compute(
        PlanSnapshot snapshot, IReadOnlyList<HistoryEntry> history, IReadOnlyList<string> unreachable, DateTimeOffset now, string? departmentId = null)
    {
        var tasks = snapshot.Plan.Tasks
            .Where(t => departmentId is null || TaskBoard.Involves(snapshot.Directory, t.Lead.Concat(t.Cooperating), departmentId))
            .ToList();
        // A department's digest counts its own parts of milestones led by several; the plan's counts each milestone once.
        string? PartFor(PlanTask t) => departmentId is not null && TaskBoard.Involves(snapshot.Directory, t.Lead, departmentId) ? departmentId : null;
        var items = tasks.SelectMany(t => t.Milestones.Select(m => snapshot.Item(t, m, TaskRole.Lead, PartFor(t)))).ToList();
        var scope = departmentId is null ? snapshot.Plan.Title : snapshot.UnitNames([departmentId]);
        return Of(snapshot, items, scope, history, unreachable, now);
    }

    /// <summary>The figures of a given set of items (a department's, a member of staff's), counted as the digest counts.</summary>
    /// <param name="scope">What the figures are of, as the page and the card title it.</param>
    public static DigestFigures Of(
        PlanSnapshot snapshot, IReadOnlyList<BoardItem> items, string scope, IReadOnlyList<HistoryEntry> history, IReadOnlyList<string> unreachable, DateTimeOffset now)
    {
        var today = snapshot.Today;
        var week = DigestWeek.Of(today);
        var dated = items.Where(i => i.Milestone.Due is not null).ToList();

        var areas = snapshot.Plan.Areas.Select(area => new TallyRow(area.Name, Tally.Of(items.Where(i => i.Task.AreaId == area.Id)))).ToList();

        DigestItem ToItem(BoardItem i, int days) => new(
            i.Task.Id, i.Milestone.Id, i.Task.Title, i.Milestone.Deliverable, snapshot.UnitNames(i.Task.Lead), i.Milestone.Due, days, i.State.Note, i.State.UpdatedBy, i.Milestone.OriginalDue);

        var overdue = dated
            .Where(i => Tally.StandingOf(i) == Standing.OpenOverdue) // blocked ones too: the list's count is the tally's
            .OrderBy(i => i.Milestone.Due).ThenBy(i => i.Task.Order)
            .Select(i => ToItem(i, -(i.DaysLeft ?? 0)))
            .ToList();
        var dueSoon = dated
            .Where(i => !TaskBoard.IsDone(i) && i.Milestone.Due > today && i.Milestone.Due <= today.AddDays(DueSoonDays))
            .OrderBy(i => i.Milestone.Due).ThenBy(i => i.Task.Order)
            .Select(i => ToItem(i, i.DaysLeft ?? 0))
            .ToList();
        var blockers = items.Where(i => i.State.Status == MilestoneStatus.Blocked).Select(i => ToItem(i, i.DaysLeft ?? 0)).ToList();

        var milestoneIds = items.Select(i => i.Milestone.Id).ToHashSet(StringComparer.Ordinal);
        var titles = items.Select(i => i.Task).DistinctBy(t => t.Id).ToDictionary(t => t.Id, t => t.Title, StringComparer.Ordinal);
        var weekStart = new DateTimeOffset(week.Monday.ToDateTime(TimeOnly.MinValue), snapshot.Zone.GetUtcOffset(week.Monday.ToDateTime(TimeOnly.MinValue)));
        var changes = history
            .Where(h => milestoneIds.Contains(h.MilestoneId) && h.At >= weekStart && h.At <= now)
            .OrderByDescending(h => h.At)
            .Select(h => new DigestChange(
                TimeZoneInfo.ConvertTime(h.At, snapshot.Zone).DateTime,
                titles.GetValueOrDefault(h.TaskId, h.TaskId),
                h,
                h.Kind == HistoryKinds.Comment ? string.Join("; ", snapshot.Directory.DepartmentsOf(h.By).Select(d => d.Name)) : ""))
            .ToList();

        var doneNow = items.Count(i => i.State.Status == MilestoneStatus.Done);
        var doneAtWeekStart = items.Count(i => DoneAt(history, i, weekStart));
        return new DigestFigures(
            week,
            today,
            scope,
            Tally.Of(items),
            Tally.Of(dated.Where(i => i.Milestone.Due <= today)),
            areas,
            overdue,
            dueSoon,
            blockers,
            changes,
            unreachable,
            doneNow - doneAtWeekStart);
    }

    /// <summary>A milestone's (or one part's) status as of an instant, replayed from its history (not started when none).</summary>
    /// <param name="part">A lead department's part; entries recorded before the milestone had parts count for every part.</param>
    public static MilestoneStatus StatusAt(IReadOnlyList<HistoryEntry> history, string milestoneId, DateTimeOffset instant, string? part = null) =>
        history.Where(h => h.MilestoneId == milestoneId && h.Kind != "comment" && h.At < instant
                           && (part is null || h.Part.Length == 0 || string.Equals(h.Part, part, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(h => h.At)
            .LastOrDefault()?.To ?? MilestoneStatus.NotStarted;

    /// <summary>Whether the item was done at the instant: its part, or every part of a milestone led by several.</summary>
    private static bool DoneAt(IReadOnlyList<HistoryEntry> history, BoardItem item, DateTimeOffset instant) =>
        item.Part is { } part ? StatusAt(history, item.Milestone.Id, instant, part) == MilestoneStatus.Done
        : item.Parts is { Count: > 0 } parts ? parts.All(p => StatusAt(history, item.Milestone.Id, instant, p.DepartmentId) == MilestoneStatus.Done)
        : StatusAt(history, item.Milestone.Id, instant) == MilestoneStatus.Done;
}
