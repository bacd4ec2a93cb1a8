using CchcBot.Cards.Views;

namespace CchcBot.Digest;

/// <summary>Everything the weekly digest shows, computed from the plan, its states and history at one instant.</summary>
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
    int DoneSinceLastWeek)
{
    /// <summary>What the digest card shows of these figures.</summary>
    public DigestView View() => new(Week.View, Today, Scope, Year, DueSoFar, Areas, Overdue, DueSoon, Blockers, Changes, Unreachable, DoneSinceLastWeek);
}
