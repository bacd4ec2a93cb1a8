using CchcBot.Cards.Views;
using CchcBot.Plan;

namespace CchcBot.Views;

/// <summary>The one mapping from a recorded history entry to the cards' history view: the task card, the tab's history
/// and the digest's changes word a step from it.</summary>
public static class HistoryViews
{
    /// <param name="localAt">The entry's instant in the agency's local time.</param>
    public static HistoryItemView Of(HistoryEntry h, DateTime localAt) =>
        new(localAt, h.ByName, h.Kind, StatusViews.Of(h.From), StatusViews.Of(h.To), h.Note, h.Evidence, h.DoneOn, h.FromDue, h.ToDue);
}
