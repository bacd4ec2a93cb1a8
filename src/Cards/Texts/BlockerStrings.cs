namespace CchcBot.Cards;

/// <summary>The words of section IV of the plan on cards: blockers answered, deadlines extended.</summary>
public static class BlockerStrings
{
    public const string DirectionButton = "Ý kiến chỉ đạo";
    public const string EscalateButton = "Trình Chánh Thanh tra";
    public const string ExtendButton = "Gia hạn";
    public const string ProposeButton = "Đề nghị gia hạn";
    public const string ResolveButton = "Đã xử lý";
    public const string DecideButton = "Quyết định gia hạn";
    public const string ApproveButton = "Phê duyệt gia hạn";
    public const string RefuseButton = "Không phê duyệt";
    public const string Send = "Gửi";

    public const string DirectionLabel = "Nội dung chỉ đạo";
    public const string DirectionPlaceholder = "Ý kiến chỉ đạo gửi đơn vị chủ trì";
    public const string EscalateLabel = "Nội dung trình Chánh Thanh tra";
    public const string EscalatePlaceholder = "Tóm tắt vướng mắc, đề xuất hướng xử lý";
    public const string NewDueLabel = "Hạn đề nghị (ngày/tháng/năm)";
    public const string ReasonLabel = "Lý do đề nghị gia hạn";
    public const string ReasonPlaceholder = "Lý do cần thêm thời gian";
    public const string ResolveLabel = "Kết quả xử lý vướng mắc";
    public const string ResolvePlaceholder = "Vướng mắc đã được xử lý thế nào";
    public const string DecisionLabel = "Ý kiến (bắt buộc khi không phê duyệt)";
    public const string NoteRequired = "Vui lòng nhập nội dung.";
    public const string NewDueRequired = "Vui lòng chọn hạn đề nghị.";

    public const string BlockerTitle = "⚠ Nhiệm vụ gặp vướng mắc";
    public const string EscalatedTitle = "Trình Chánh Thanh tra: nhiệm vụ gặp vướng mắc";
    public const string ExtensionTitle = "Đề nghị gia hạn thực hiện nhiệm vụ";
    public const string TaskTitle = "Chỉ đạo, điều hành nhiệm vụ";
    public const string EscalationLabel = "**Nội dung trình của Chánh Văn phòng:**";
    public const string Reporter = "Người báo cáo";
    public const string When = "Thời gian";
    public const string Content = "**Nội dung vướng mắc:**";
    public const string AskedBy = "Người đề nghị";
    public const string CurrentDue = "Hạn hiện tại";
    public const string ProposedDue = "Hạn đề nghị";
    public const string Reason = "**Lý do:**";

    public const string DirectionTitle = "Ý kiến chỉ đạo";
    public const string ApprovedTitle = "Đề nghị gia hạn đã được phê duyệt";
    public const string RefusedTitle = "Đề nghị gia hạn không được phê duyệt";
    public const string ResolvedTitle = "Vướng mắc đã được xử lý";
    public const string GivenBy = "Người chỉ đạo";
    public const string DecidedBy = "Người quyết định";
    public const string ResolvedBy = "Người xử lý";
    public const string NewDue = "Hạn mới";
    public const string NoteLabel = "**Nội dung:**";
    public const string DecisionNoteLabel = "**Ý kiến:**";

    public const string WaitingTitle = "Việc chờ đồng chí quyết định";

    public static string WaitingCount(int count) => $"{count} việc chờ quyết định";

    /// <summary>" (gia hạn từ 30/06/2026)": beside a due date an approved extension moved.</summary>
    public static string ExtendedFrom(string originalDate) => $" (gia hạn từ {originalDate})";

    public static string PendingLine(string proposed, string by) => $"Đang chờ quyết định gia hạn đến {proposed} (đề nghị của {by}).";

    public static string Position(string name, string position) => $"{name} ({position})";

    /// <summary>History lines of the section IV steps.</summary>
    public static class History
    {
        public const string Direction = "ý kiến chỉ đạo";
        public const string Escalation = "trình Chánh Thanh tra";
        public const string Resolved = "xử lý vướng mắc";

        public static string Asked(string from, string to) => $"đề nghị gia hạn {from} → {to}";

        public static string Approved(string from, string to) => $"phê duyệt gia hạn {from} → {to}";

        public static string Refused(string from, string to) => $"không phê duyệt gia hạn {from} → {to}";
    }
}
