namespace CchcBot.Cards.Views;

/// <summary>The actions a blocker/extension card offers its viewer (only those the viewer has the right to use).</summary>
[Flags]
public enum NoticeActions
{
    None = 0,
    Direct = 1,
    Escalate = 2,
    Propose = 4,
    Resolve = 8,
    Decide = 16,
}

/// <summary>What the card is about: a blocker, a blocker submitted to the Chief Inspector, or a request for more time.</summary>
public enum NoticeKind
{
    Blocker,
    Escalated,
    Extension,
    Task,
}

/// <summary>What the user typed into one of the section IV forms, put back when the card returns with an error.</summary>
/// <param name="Verb">The form's verb (giveDirection, escalateBlocker, proposeExtension, decideExtension, resolveBlocker).</param>
/// <param name="NewDue">The proposed date as typed (yyyy-MM-dd).</param>
public sealed record ActionDraft(string Verb, string? Note, string? NewDue);

/// <summary>A pending request for a new due date.</summary>
/// <param name="CurrentDue">The due date in force when asked (an earlier extension's, or the plan's).</param>
/// <param name="AskedAt">Local time.</param>
public sealed record ExtensionView(string RequestId, DateOnly CurrentDue, DateOnly ProposedDue, string Reason, string AskedBy, DateTime AskedAt);

/// <summary>The blocker notice (to the Chief of Office, or to the Chief Inspector once submitted) and the extension notice.</summary>
/// <param name="Item">The milestone (or, for a milestone led by several, the part) the card is about.</param>
/// <param name="PartId">The lead department whose part it is (the verbs' "part"); null for a milestone with one lead.</param>
/// <param name="Blocker">The blocker's text when the item is blocked; null otherwise.</param>
/// <param name="Reporter">Who reported the blocker, and when (local).</param>
/// <param name="Escalation">The Chief of Office's note when the blocker was submitted to the Chief Inspector.</param>
/// <param name="Extension">A request for more time awaiting decision.</param>
/// <param name="Today">The earliest date a proposal may not be before (the form's min is the day after the due date).</param>
public sealed record BlockerNoticeView(
    NoticeKind Kind,
    TaskItemView Item,
    string? PartId,
    string? Blocker,
    string? Reporter,
    DateTime? ReportedAt,
    string? Escalation,
    string? EscalatedBy,
    ExtensionView? Extension,
    NoticeActions Actions,
    DateOnly Today);

/// <summary>A card that tells one person about one step (a direction, a decision, a resolved blocker).</summary>
/// <param name="Lines">Facts (label, value) under the task.</param>
/// <param name="Message">The note (chỉ đạo, lý do…), shown in full; null when none.</param>
public sealed record StepNoticeView(string Title, TaskItemView Item, IReadOnlyList<(string Label, string Value)> Lines, string? MessageLabel, string? Message, string Style = "accent");

/// <summary>One thing waiting for the viewer's decision, on "nhiệm vụ của tôi".</summary>
public sealed record WaitingView(BlockerNoticeView Notice);
