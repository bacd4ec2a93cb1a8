namespace CchcBot.Cards;

/// <summary>What the bot says about a file it cannot use.</summary>
public static class FileStrings
{
    public const string NotInDirectory =
        "Tài khoản của đồng chí chưa có trong danh bạ của cơ quan nên chưa thể nhận tệp. Đề nghị liên hệ Chánh Văn phòng.";

    public const string OneAtATime = "Đề nghị đồng chí gửi từng tệp một.";

    public static string TooLarge(string name, int maxMegabytes) => $"Tệp “{name}” vượt quá dung lượng cho phép ({maxMegabytes} MB).";

    public static string HostNotAllowed(string name) => $"Không thể nhận tệp “{name}”: tệp không nằm trong kho lưu trữ của Microsoft Teams của cơ quan.";

    public static string TimedOut(string name) => $"Không tải được tệp “{name}” trong thời gian cho phép. Đề nghị đồng chí gửi lại sau ít phút.";

    public static string DownloadFailed(string name) => $"Không tải được tệp “{name}”. Đề nghị đồng chí gửi lại sau ít phút.";

    public static string NotUsed(string name) =>
        $"Hệ thống chưa sử dụng được tệp “{name}”. Ứng dụng nhận kế hoạch CCHC (.docx, .json) từ Chánh Văn phòng "
        + "và tài liệu kiểm chứng (PDF, Word, ảnh) của các nhiệm vụ.";
}
