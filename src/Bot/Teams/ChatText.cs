namespace CchcBot.Teams;

/// <summary>Plain-text replies (cards carry their own strings in src/Cards).</summary>
public static class ChatText
{
    public const string Unexpected = "Xin lỗi, đã có lỗi xảy ra khi xử lý yêu cầu của bạn. Vui lòng thử lại sau ít phút.";
    public const string StorageDown = "Hệ thống tạm thời gián đoạn, vui lòng thử lại sau.";
    public const string UnknownUser =
        "Xin chào! Tài khoản của bạn chưa có trong danh sách phòng ban của Kế hoạch CCHC, nên tôi chưa thể cho bạn biết nhiệm vụ. " +
        "Vui lòng liên hệ Văn phòng (Chánh Văn phòng) để được bổ sung vào danh sách.";
    public const string TenantRefused = "Ứng dụng này không phục vụ tổ chức của bạn.";
}
