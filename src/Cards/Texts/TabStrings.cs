namespace CchcBot.Cards;

/// <summary>The Vietnamese words the Tiến độ tab's API sends (the page shows them as they are).</summary>
public static class TabStrings
{
    /// <summary>What someone the directory does not name is told (the page shows it as a polite page).</summary>
    public const string NotInDirectory =
        "Tài khoản của đồng chí chưa có trong danh sách cán bộ được phân công theo dõi Kế hoạch cải cách hành chính. " +
        "Đề nghị đồng chí liên hệ Văn phòng để được bổ sung vào danh sách.";

    public const string NoPlan = "Cơ quan của đồng chí chưa có kế hoạch cải cách hành chính trên hệ thống. Đề nghị đồng chí liên hệ Văn phòng.";

    public const string SignInRequired = "Đồng chí cần đăng nhập bằng tài khoản Microsoft 365 của cơ quan để xem trang này.";

    public const string NoTask = "Không tìm thấy nhiệm vụ này trong phạm vi đồng chí được xem.";

    public const string ReportRights = "Báo cáo định kỳ dành cho Chánh Văn phòng và Chánh Thanh tra.";

    public const string BadPeriod = "Kỳ báo cáo không hợp lệ (quý, ví dụ 2026-Q2, hoặc năm, ví dụ 2026).";

    public const string StorageDown = "Hệ thống lưu trữ tạm thời không phản hồi. Đề nghị đồng chí thử lại sau ít phút.";

    public const string ExtensionKind = "Đề nghị gia hạn";

    public const string EscalationKind = "Trình Chánh Thanh tra";

    public static string ExtensionText(string from, string to, string reason) => $"Từ {from} đến {to}: {reason}";
}
