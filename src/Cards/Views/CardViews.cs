namespace CchcBot.Cards.Views;

/// <summary>What users see as a task's state (reported, or derived from the due date).</summary>
public enum StatusView
{
    NotStarted,
    InProgress,
    Done,
    Blocked,
    Overdue,
    DoneLate,
}

public enum RoleView
{
    /// <summary>Chủ trì: the user's department owns the status.</summary>
    Lead,

    /// <summary>Phối hợp: the user's department contributes and may comment.</summary>
    Cooperating,
}

/// <summary>One task as a card shows it: its current milestone, state and last update. Times are local.</summary>
/// <param name="DaysLeft">Days to the due date, negative when overdue; null for ongoing ("Thường xuyên") work.</param>
/// <param name="ReportedStatus">The status a head reported (for the form's default), null when none.</param>
/// <param name="Part">The lead department (id, name) whose part of a milestone led by several the item shows; null otherwise.</param>
/// <param name="Parts">Every lead department's part of a milestone led by several (empty otherwise).</param>
/// <param name="Draft">What the user typed, when the card comes back with an error.</param>
/// <param name="Today">Today's local date: the completion date's default and latest value.</param>
/// <param name="EarliestDoneOn">The earliest completion date accepted (the plan's first day).</param>
/// <param name="OriginalDue">The plan's own due date when an approved extension moved <paramref name="Due"/>; null otherwise.</param>
/// <param name="CanProposeExtension">The update form also offers "Đề nghị gia hạn" (verb proposeExtension).</param>
/// <param name="ActionDraft">What the user typed into a section IV form (e.g. Đề nghị gia hạn), when it comes back with an error.</param>
/// <param name="PendingExtension">A line saying a new due date awaits decision; null when none.</param>
/// <param name="Assignees">The staff who hold the item (Cán bộ thực hiện), when assigned.</param>
/// <param name="Assign">The assignment form, for the head or deputy who may give the item to their staff.</param>
public sealed record TaskItemView(
    string TaskId,
    string MilestoneId,
    string Title,
    string Area,
    string Deliverable,
    string? Period,
    DateOnly? Due,
    int? DaysLeft,
    StatusView Status,
    RoleView Role,
    string LeadUnits,
    string CooperatingUnits,
    string? UpdatedBy = null,
    DateTime? UpdatedAt = null,
    string? Note = null,
    string? Evidence = null,
    string? ReportedStatus = null,
    string? Reason = null,
    PartView? Part = null,
    IReadOnlyList<PartView>? Parts = null,
    FormDraft? Draft = null,
    DateOnly? Today = null,
    DateOnly? EarliestDoneOn = null,
    DateOnly? OriginalDue = null,
    bool CanProposeExtension = false,
    ActionDraft? ActionDraft = null,
    string? PendingExtension = null,
    IReadOnlyList<TaskItemView>? Others = null,
    IReadOnlyList<string>? Assignees = null,
    AssignView? Assign = null);

/// <summary>A line at the top of a card: a confirmation, or (<paramref name="Error"/>) why the update was not recorded.</summary>
public sealed record CardBanner(string Text, bool Error = false)
{
    public static implicit operator CardBanner?(string? text) => text is null ? null : new CardBanner(text);
}

/// <summary>What the user typed into an update form, put back into it when the update was refused.</summary>
/// <param name="DoneOn">The completion date as typed (yyyy-MM-dd).</param>
public sealed record FormDraft(string MilestoneId, string? Status, string? Note, string? Evidence, string? DoneOn, string? Part);

/// <summary>One lead department's part of a milestone led by several departments.</summary>
public sealed record PartView(string DepartmentId, string Department, StatusView Status);

/// <param name="Kind">"status" (a status change) or "comment" (ý kiến phối hợp).</param>
/// <param name="DoneOn">The completion date the reporter stated with a Hoàn thành (At is when it was reported).</param>
/// <param name="FromDue">For a deadline step (see HistoryKinds): the due date before.</param>
/// <param name="ToDue">For a deadline step: the date asked for or approved.</param>
public sealed record HistoryItemView(
    DateTime At, string By, string Kind, StatusView From, StatusView To, string? Note, string? Evidence, DateOnly? DoneOn = null, DateOnly? FromDue = null, DateOnly? ToDue = null);

