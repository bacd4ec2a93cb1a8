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
    IReadOnlyList<PartView>? Parts = null);

/// <summary>One lead department's part of a milestone led by several departments.</summary>
public sealed record PartView(string DepartmentId, string Department, StatusView Status);

/// <param name="Kind">"status" (a status change) or "comment" (ý kiến phối hợp).</param>
public sealed record HistoryItemView(DateTime At, string By, string Kind, StatusView From, StatusView To, string? Note, string? Evidence);

