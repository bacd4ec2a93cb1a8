namespace CchcBot.Cards.Views;

/// <summary>The week a digest covers: key "2026-W48", number, Monday and Sunday.</summary>
public sealed record WeekView(string Key, int Number, DateOnly Monday, DateOnly Sunday);

/// <summary>What the digest card shows: the digest's figures as the bot maps them for the card.</summary>
/// <param name="Year">Every milestone of the plan (in scope); <paramref name="DueSoFar"/>: those due by today.</param>
public sealed record DigestView(
    WeekView Week,
    DateOnly Today,
    string Scope,
    TallyView Year,
    TallyView DueSoFar,
    IReadOnlyList<TallyRow> Areas,
    IReadOnlyList<DigestItemView> Overdue,
    IReadOnlyList<DigestItemView> DueSoon,
    IReadOnlyList<DigestItemView> Blockers,
    IReadOnlyList<DigestChangeView> Changes,
    IReadOnlyList<string> Unreachable,
    int DoneSinceLastWeek);

/// <param name="Days">Days overdue for overdue items, days left for upcoming ones.</param>
/// <param name="OriginalDue">The plan's own due date when an approved extension moved <paramref name="Due"/>; null otherwise.</param>
public sealed record DigestItemView(string TaskId, string MilestoneId, string Title, string Deliverable, string LeadUnits, DateOnly? Due, int Days, string? Note, string? By, DateOnly? OriginalDue = null);

/// <summary>One recorded change: who, what, when (local time).</summary>
/// <param name="Step">The history entry as recorded (kind, statuses, dates, note); its words are the cards'.</param>
/// <param name="Units">For a cooperating opinion: the writer's units, from the directory ("" when none).</param>
public sealed record DigestChangeView(DateTime At, string By, string Title, HistoryItemView Step, string Units = "")
{
    /// <summary>"Chưa thực hiện → Hoàn thành", "ý kiến phối hợp của Phòng Nghiệp vụ 1: …", "Đề xuất gia hạn …".</summary>
    public string What => DigestCard.What(this);
}
