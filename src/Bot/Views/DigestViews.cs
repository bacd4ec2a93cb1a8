using CchcBot.Cards.Views;
using CchcBot.Digest;

namespace CchcBot.Views;

/// <summary>
/// The one mapping from the digest's figures (the domain's, <see cref="DigestFigures"/>) to what the digest card shows
/// (<see cref="DigestView"/>): every digest card, and every sentence of a change, is made from it.
/// </summary>
public static class DigestViews
{
    public static DigestView Of(DigestFigures f) => new(
        Of(f.Week), f.Today, f.Scope, f.Year, f.DueSoFar, f.Areas,
        f.Overdue.Select(Of).ToList(), f.DueSoon.Select(Of).ToList(), f.Blockers.Select(Of).ToList(),
        f.Changes.Select(Of).ToList(), f.Unreachable, f.DoneSinceLastWeek);

    public static WeekView Of(DigestWeek w) => new(w.Key, w.Number, w.Monday, w.Sunday);

    public static DigestItemView Of(DigestItem i) =>
        new(i.TaskId, i.MilestoneId, i.Title, i.Deliverable, i.LeadUnits, i.Due, i.Days, i.Note, i.By, i.OriginalDue);

    /// <summary>The change as the card words it (its <see cref="DigestChangeView.What"/>): kind, statuses, note and dates.</summary>
    public static DigestChangeView Of(DigestChange c) => new(c.At, c.By, c.Title, HistoryViews.Of(c.Step, c.At), c.Units);
}
