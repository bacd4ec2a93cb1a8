using CchcBot.Cards.Views;
using CchcBot.Plan;

namespace CchcBot.Digest;

/// <summary>Everything the weekly digest counts, computed from the plan, its states and history at one instant (the
/// digest card, the tab and the reports read the same figures; the card's view of them is made by Views/DigestViews).</summary>
/// <param name="Year">Every milestone of the plan (in scope); <paramref name="DueSoFar"/>: those due by today.</param>
public sealed record DigestFigures(
    DigestWeek Week,
    DateOnly Today,
    string Scope,
    TallyView Year,
    TallyView DueSoFar,
    IReadOnlyList<TallyRow> Areas,
    IReadOnlyList<DigestItem> Overdue,
    IReadOnlyList<DigestItem> DueSoon,
    IReadOnlyList<DigestItem> Blockers,
    IReadOnlyList<DigestChange> Changes,
    IReadOnlyList<string> Unreachable,
    int DoneSinceLastWeek);

/// <param name="Days">Days overdue for overdue items, days left for upcoming ones.</param>
/// <param name="OriginalDue">The plan's own due date when an approved extension moved <paramref name="Due"/>; null otherwise.</param>
public sealed record DigestItem(string TaskId, string MilestoneId, string Title, string Deliverable, string LeadUnits, DateOnly? Due, int Days, string? Note, string? By, DateOnly? OriginalDue = null);

/// <summary>One recorded change of the week: the history entry as recorded, when (local time) and on which task.</summary>
/// <param name="At">The entry's instant in the agency's local time.</param>
/// <param name="Units">For a cooperating opinion: the writer's units, from the directory ("" when none).</param>
public sealed record DigestChange(DateTime At, string Title, HistoryEntry Step, string Units = "")
{
    public string By => Step.ByName;
}
