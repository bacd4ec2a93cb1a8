namespace CchcBot.Cards;

/// <summary>
/// The kinds of a task's history entries (stored as text in the history rows). "status" and "comment" are the update
/// form's; the others are the steps of section IV of the plan: blockers answered, deadlines extended.
/// </summary>
public static class HistoryKinds
{
    public const string Status = "status";
    public const string Comment = "comment";

    /// <summary>Ý kiến chỉ đạo (Chief of Office or Chief Inspector) to the lead.</summary>
    public const string Direction = "direction";

    /// <summary>The blocker submitted to the Chief Inspector (Trình Chánh Thanh tra).</summary>
    public const string Escalation = "escalation";

    /// <summary>The blocker closed (Đã xử lý): Gặp vướng mắc → Đang thực hiện.</summary>
    public const string Resolved = "resolved";

    /// <summary>A new due date asked for (Đề nghị gia hạn): current due → proposed.</summary>
    public const string ExtensionAsked = "extensionAsked";

    /// <summary>The extension approved: the due date changes (current → approved).</summary>
    public const string ExtensionApproved = "extensionApproved";

    /// <summary>The extension refused: the due date stays.</summary>
    public const string ExtensionRefused = "extensionRefused";
}
