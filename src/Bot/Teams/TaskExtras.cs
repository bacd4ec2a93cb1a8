using CchcBot.Cards.Views;

namespace CchcBot.Teams;

/// <summary>
/// What a task card offers its viewer beyond the update form (section IV of the plan), from the stored directory:
/// "Ý kiến chỉ đạo" for the Chief of Office and the Chief Inspector; "Đề nghị gia hạn" in the update form only for
/// those who may ask; a pending request's line; what the viewer typed when the card comes back with an error.
/// </summary>
/// <param name="MayPropose">Whether the viewer may ask for more time on this task.</param>
/// <param name="Pending">The line about a request awaiting decision, by milestone id.</param>
public sealed record TaskExtras(bool CanDirect, bool MayPropose, IReadOnlyDictionary<string, string> Pending, ActionDraft? Draft, string DraftMilestoneId)
{
    public TaskItemView Apply(TaskItemView item) => item with
    {
        CanProposeExtension = item.CanProposeExtension && MayPropose,
        PendingExtension = Pending.GetValueOrDefault(item.MilestoneId),
        ActionDraft = item.MilestoneId == DraftMilestoneId && Draft?.Verb != Cards.CardContract.Verbs.GiveDirection ? Draft : null,
    };
}
