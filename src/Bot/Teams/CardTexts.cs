using CchcBot.Cards;
using CchcBot.Plan;
using CchcBot.Progress;

namespace CchcBot.Teams;

/// <summary>Which of the cards' sentences (src/Cards/Texts) says what happened to an update.</summary>
public static class CardTexts
{
    public static string Refusal(UpdateRefusal refusal) => refusal switch
    {
        UpdateRefusal.UnknownUser => ChatText.UnknownUser,
        UpdateRefusal.MissingIds => UpdateStrings.MissingIds,
        UpdateRefusal.UnknownTask => UpdateStrings.UnknownTask,
        UpdateRefusal.NotAllowed => UpdateStrings.NotAllowed,
        UpdateRefusal.InvalidStatus => UpdateStrings.InvalidStatus,
        UpdateRefusal.NoteRequired => UpdateStrings.NoteRequired,
        UpdateRefusal.NoteTooLong => UpdateStrings.NoteTooLong,
        UpdateRefusal.EvidenceTooLong => UpdateStrings.EvidenceTooLong,
        UpdateRefusal.CommentRequired => UpdateStrings.CommentRequired,
        UpdateRefusal.InvalidCardData => UpdateStrings.InvalidCardData,
        UpdateRefusal.InvalidDoneOn => UpdateStrings.InvalidDoneOn,
        UpdateRefusal.CorrectionNoteRequired => UpdateStrings.CorrectionNoteRequired,
        UpdateRefusal.PartRequired => UpdateStrings.PartRequired,
        UpdateRefusal.TooManyUpdates => UpdateStrings.TooManyUpdates(UpdateRateLimiter.MaxPerWindow),
        _ => ChatText.Unexpected,
    };

    public static string Recorded(MilestoneStatus? status, bool replayed, BoardItem item, DateTime localAt) =>
        UpdateStrings.Recorded(status is { } s ? StatusName(s) : null, replayed, item.Task.Title, item.Milestone.Deliverable, item.State.UpdatedBy, localAt);

    /// <summary>The Vietnamese name of a reported status (the cards' own wording).</summary>
    public static string StatusName(MilestoneStatus status) => Formats.Status(Views.StatusViews.Of(status));
}
