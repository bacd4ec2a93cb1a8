namespace CchcBot.Cards;

/// <summary>The sentences of section IV's card actions: confirmations and refusals.</summary>
public static class BlockerActionStrings
{
    public const string NotDirector = "Đồng chí không có quyền cho ý kiến chỉ đạo: chỉ Chánh Văn phòng hoặc Chánh Thanh tra được cho ý kiến chỉ đạo đối với nhiệm vụ.";
    public const string NotOffice = "Đồng chí không có quyền thực hiện thao tác này: chỉ Chánh Văn phòng được trình Chánh Thanh tra hoặc xác nhận vướng mắc đã được xử lý.";
    public const string NotLead = "Đồng chí không có quyền đề nghị gia hạn: chỉ Trưởng phòng, Phó Trưởng phòng của đơn vị chủ trì hoặc Chánh Văn phòng được đề nghị gia hạn.";
    public const string NotBlocked = "Nhiệm vụ này hiện không ở trạng thái \"Gặp vướng mắc\" nên không thực hiện được thao tác này.";
    public const string AlreadyEscalated = "Vướng mắc này đã được trình Chánh Thanh tra và đang chờ ý kiến.";
    public const string NoteRequired = "Vui lòng nhập nội dung trước khi gửi.";
    public const string ReasonRequired = "Vui lòng ghi rõ lý do đề nghị gia hạn.";
    public const string RefusalNoteRequired = "Khi không phê duyệt gia hạn, đề nghị đồng chí ghi rõ ý kiến để thông báo cho người đề nghị.";
    public const string Ongoing = "Nhiệm vụ thường xuyên không có hạn cụ thể nên không gia hạn.";
    public const string AlreadyDone = "Nhiệm vụ này đã hoàn thành nên không cần gia hạn.";
    public const string NoPending = "Không có đề nghị gia hạn nào đang chờ quyết định cho nhiệm vụ này (đề nghị có thể đã được quyết định hoặc đã được thay bằng đề nghị mới).";
    public const string Escalated = "Đã trình Chánh Thanh tra.";
    public const string Resolved = "Đã ghi nhận: vướng mắc đã được xử lý; nhiệm vụ trở lại trạng thái Đang thực hiện.";
    public const string Refused = "Đã ghi nhận: không phê duyệt gia hạn. Người đề nghị đã được thông báo.";
    public const string Replayed = " (thao tác này đã được ghi nhận trước đó).";

    public static string NoteTooLong => $"Nội dung dài quá {CardContract.Limits.NoteLength} ký tự. Vui lòng rút gọn.";

    public static string NotApprover(string approver) =>
        $"Đồng chí không có quyền quyết định gia hạn: theo Kế hoạch, việc gia hạn do {approver} quyết định.";

    public static string BadNewDue(string after, string latest) =>
        $"Hạn đề nghị không hợp lệ: đề nghị đồng chí chọn một ngày sau hạn hiện tại ({after}) và không muộn hơn {latest}.";

    public static string DirectionSent(string to) => $"Đã gửi ý kiến chỉ đạo tới {to}.";

    public static string Proposed(string date, string approver) => $"Đã gửi đề nghị gia hạn đến {date}; đang chờ {approver} quyết định.";

    public static string ProposedToSelf(string date) => $"Đã ghi nhận đề nghị gia hạn đến {date}. Đồng chí quyết định ngay tại thẻ này.";

    public static string Approved(string date) => $"Đã phê duyệt gia hạn: hạn mới {date}. Người đề nghị và đơn vị chủ trì đã được thông báo.";

    public static string ApproverTitle(bool chiefInspector) => chiefInspector ? "Chánh Thanh tra" : "Chánh Văn phòng";
}
