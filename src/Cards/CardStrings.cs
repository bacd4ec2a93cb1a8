namespace CchcBot.Cards;

/// <summary>Every fixed Vietnamese sentence on the cards, in one place.</summary>
public static class CardStrings
{
    public const string BotName = "Nhắc việc CCHC";
    public const string ErrorTitle = "Không thực hiện được";
    public const string UnknownAction = "Thao tác này không còn được hỗ trợ. Vui lòng gõ \"nhiệm vụ của tôi\" để mở danh sách mới.";
    public const string UpdateButton = "Cập nhật tiến độ";
    public const string CommentButton = "Gửi ý kiến phối hợp";
    public const string Submit = "Gửi cập nhật";
    public const string SubmitComment = "Gửi ý kiến";
    public const string StatusLabel = "Trạng thái";
    public const string NoteLabel = "Ghi chú";
    public const string NotePlaceholder = "Kết quả, khó khăn… (bắt buộc khi chọn \"Gặp vướng mắc\")";
    public const string CommentLabel = "Ý kiến phối hợp";
    public const string CommentPlaceholder = "Nội dung phòng bạn đã phối hợp hoặc đề xuất";
    public const string EvidenceLabel = "Số/ký hiệu văn bản hoặc đường dẫn";
    public const string EvidencePlaceholder = "Ví dụ: 15/KH-TTr ngày 20/01/2026";
    public const string MoreButton = "Xem thêm";
    public const string PreviousButton = "Trang trước";
    public const string BackToTask = "Xem lại nhiệm vụ";
    public const string HelpButton = "Trợ giúp";
    public const string MyTasksCommand = "nhiệm vụ của tôi";
    public const string DigestCommand = "tổng hợp";
    public const string ReportCommand = "báo cáo quý";
    public const string SetChannelCommand = "đặt kênh tổng hợp";
    public const string HelpCommand = "trợ giúp";
    public const string NoTasks = "Phòng của bạn hiện không có nhiệm vụ nào trong Kế hoạch CCHC.";
    public const string CommentKind = "ý kiến phối hợp";

    public static readonly (string Value, string Title)[] StatusChoices =
    [
        ("InProgress", "Đang thực hiện"),
        ("Done", "Hoàn thành"),
        ("Blocked", "Gặp vướng mắc"),
    ];
}
