namespace CchcBot.Cards;

/// <summary>What the bot answers to a status update or a cooperating opinion: why it was refused, or what was recorded.</summary>
public static class UpdateStrings
{
    public const string NoPlan = "Chưa có Kế hoạch CCHC hoặc danh sách phòng ban của cơ quan. Đề nghị đồng chí liên hệ Văn phòng.";

    public const string MissingIds = "Thẻ này thiếu thông tin nhiệm vụ. Vui lòng gõ \"nhiệm vụ của tôi\" để mở lại danh sách.";

    public const string UnknownTask = "Không tìm thấy nhiệm vụ này trong Kế hoạch CCHC hiện hành (có thể kế hoạch đã được cập nhật). Vui lòng gõ \"nhiệm vụ của tôi\" để xem danh sách mới.";

    public const string NotAllowed = "Đồng chí không có quyền cập nhật nhiệm vụ này: chỉ Trưởng phòng, Phó Trưởng phòng của đơn vị chủ trì hoặc Chánh Văn phòng được cập nhật tiến độ; đơn vị phối hợp được gửi ý kiến phối hợp.";

    public const string InvalidStatus = "Vui lòng chọn trạng thái: Đang thực hiện, Hoàn thành hoặc Gặp vướng mắc.";

    public const string NoteRequired = "Khi chọn \"Gặp vướng mắc\", vui lòng ghi rõ vướng mắc trong ô Ghi chú để Chánh Văn phòng kịp thời xử lý.";

    public static string NoteTooLong => $"Ghi chú dài quá {CardContract.Limits.NoteLength} ký tự. Vui lòng rút gọn.";

    public static string EvidenceTooLong => $"Số/ký hiệu văn bản hoặc đường dẫn dài quá {CardContract.Limits.EvidenceLength} ký tự.";

    public const string CommentRequired = "Vui lòng nhập ý kiến phối hợp trước khi gửi.";

    public const string InvalidCardData = "Thẻ này có dữ liệu không hợp lệ nên cập nhật chưa được ghi nhận. Đề nghị đồng chí gõ \"nhiệm vụ của tôi\" để mở lại danh sách nhiệm vụ.";

    public const string InvalidDoneOn = "Ngày hoàn thành không hợp lệ: đề nghị đồng chí chọn một ngày từ đầu năm kế hoạch đến hôm nay.";

    public const string CorrectionNoteRequired = "Nhiệm vụ này đã được báo cáo Hoàn thành. Để điều chỉnh lại trạng thái, đề nghị đồng chí ghi rõ lý do điều chỉnh trong ô Ghi chú.";

    public const string PartRequired = "Nhiệm vụ này do nhiều đơn vị cùng chủ trì: đề nghị đồng chí chọn đơn vị có phần việc cần cập nhật trong ô \"Đơn vị\".";

    public static string TooManyUpdates(int perMinute) => $"Đồng chí đã gửi quá {perMinute} cập nhật trong một phút nên cập nhật vừa rồi chưa được ghi nhận. Đề nghị đồng chí chờ ít phút rồi gửi lại. Xin cảm ơn.";

    /// <summary>"Đã ghi nhận: Hoàn thành — «task» (deliverable), bởi X lúc dd/MM/yyyy HH:mm."</summary>
    /// <param name="statusName">The status recorded; null for a cooperating opinion.</param>
    public static string Recorded(string? statusName, bool replayed, string title, string deliverable, string? by, DateTime localAt)
    {
        var what = statusName is { } s ? $"Đã ghi nhận: {s}" : "Đã ghi nhận ý kiến phối hợp";
        var text = $"{what} — {Markdown.Escape(Markdown.Shorten(title, 90))} ({Markdown.Escape(deliverable)})";
        if (statusName is not null && !string.IsNullOrEmpty(by))
        {
            text += $", bởi {Markdown.Escape(by)} lúc {Formats.DateTime(localAt)}";
        }

        return replayed ? text + " (cập nhật này đã được ghi trước đó)." : text + ".";
    }
}
