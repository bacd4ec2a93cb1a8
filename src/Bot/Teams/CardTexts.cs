using CchcBot.Cards;
using CchcBot.Plan;
using CchcBot.Progress;

namespace CchcBot.Teams;

/// <summary>The Vietnamese sentences the Teams layer puts into cards (banners, refusals).</summary>
public static class CardTexts
{
    public const string NoPlan = "Chưa có Kế hoạch CCHC hoặc danh sách phòng ban của cơ quan. Đề nghị đồng chí liên hệ Văn phòng.";

    public static string Refusal(UpdateRefusal refusal) => refusal switch
    {
        UpdateRefusal.UnknownUser => ChatText.UnknownUser,
        UpdateRefusal.MissingIds => "Thẻ này thiếu thông tin nhiệm vụ. Vui lòng gõ \"nhiệm vụ của tôi\" để mở lại danh sách.",
        UpdateRefusal.UnknownTask => "Không tìm thấy nhiệm vụ này trong Kế hoạch CCHC hiện hành (có thể kế hoạch đã được cập nhật). Vui lòng gõ \"nhiệm vụ của tôi\" để xem danh sách mới.",
        UpdateRefusal.NotAllowed => "Đồng chí không có quyền cập nhật nhiệm vụ này: chỉ Trưởng phòng, Phó Trưởng phòng của đơn vị chủ trì hoặc Chánh Văn phòng được cập nhật tiến độ; đơn vị phối hợp được gửi ý kiến phối hợp.",
        UpdateRefusal.InvalidStatus => "Vui lòng chọn trạng thái: Đang thực hiện, Hoàn thành hoặc Gặp vướng mắc.",
        UpdateRefusal.NoteRequired => "Khi chọn \"Gặp vướng mắc\", vui lòng ghi rõ vướng mắc trong ô Ghi chú để Chánh Văn phòng kịp thời xử lý.",
        UpdateRefusal.NoteTooLong => $"Ghi chú dài quá {CardContract.Limits.NoteLength} ký tự. Vui lòng rút gọn.",
        UpdateRefusal.EvidenceTooLong => $"Số/ký hiệu văn bản hoặc đường dẫn dài quá {CardContract.Limits.EvidenceLength} ký tự.",
        UpdateRefusal.CommentRequired => "Vui lòng nhập ý kiến phối hợp trước khi gửi.",
        UpdateRefusal.InvalidCardData => "Thẻ này có dữ liệu không hợp lệ nên cập nhật chưa được ghi nhận. Đề nghị đồng chí gõ \"nhiệm vụ của tôi\" để mở lại danh sách nhiệm vụ.",
        UpdateRefusal.InvalidDoneOn => "Ngày hoàn thành không hợp lệ: đề nghị đồng chí chọn một ngày từ đầu năm kế hoạch đến hôm nay.",
        UpdateRefusal.CorrectionNoteRequired => "Nhiệm vụ này đã được báo cáo Hoàn thành. Để điều chỉnh lại trạng thái, đề nghị đồng chí ghi rõ lý do điều chỉnh trong ô Ghi chú.",
        UpdateRefusal.PartRequired => "Nhiệm vụ này do nhiều đơn vị cùng chủ trì: đề nghị đồng chí chọn đơn vị có phần việc cần cập nhật trong ô \"Đơn vị\".",
        UpdateRefusal.TooManyUpdates => $"Đồng chí đã gửi quá {UpdateRateLimiter.MaxPerWindow} cập nhật trong một phút nên cập nhật vừa rồi chưa được ghi nhận. Đề nghị đồng chí chờ ít phút rồi gửi lại. Xin cảm ơn.",
        _ => ChatText.Unexpected,
    };

    /// <summary>"Đã ghi nhận: Hoàn thành — «task» (deliverable), bởi X lúc dd/MM/yyyy HH:mm."</summary>
    public static string Recorded(MilestoneStatus? status, bool replayed, BoardItem item, DateTime localAt)
    {
        var what = status is { } s ? $"Đã ghi nhận: {StatusName(s)}" : "Đã ghi nhận ý kiến phối hợp";
        var task = Cards.Markdown.Escape(Cards.Markdown.Shorten(item.Task.Title, 90));
        var by = Cards.Markdown.Escape(item.State.UpdatedBy ?? string.Empty);
        var text = $"{what} — {task} ({Cards.Markdown.Escape(item.Milestone.Deliverable)})";
        if (status is not null && by.Length > 0)
        {
            text += $", bởi {by} lúc {Cards.Formats.DateTime(localAt)}";
        }

        return replayed ? text + " (cập nhật này đã được ghi trước đó)." : text + ".";
    }

    /// <summary>The Vietnamese name of a reported status (the cards' own wording).</summary>
    public static string StatusName(MilestoneStatus status) => Cards.Formats.Status(Views.StatusViews.Of(status));
}
