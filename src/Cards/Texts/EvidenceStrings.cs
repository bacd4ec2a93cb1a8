namespace CchcBot.Cards;

/// <summary>What the bot says about evidence files.</summary>
public static class EvidenceStrings
{
    public static string WrongType(string name, int maxMegabytes) =>
        $"Tệp “{name}” không phải loại tài liệu kiểm chứng hệ thống nhận. Đề nghị đồng chí gửi tệp PDF, Word (.docx) hoặc ảnh (PNG, JPG), dung lượng không quá {maxMegabytes} MB.";

    public static string NotWhatItsNameSays(string name) =>
        $"Nội dung tệp “{name}” không đúng định dạng theo tên tệp. Đề nghị đồng chí kiểm tra và gửi lại tệp PDF, Word (.docx) hoặc ảnh (PNG, JPG).";

    public static string NoMilestone(string name) =>
        $"Đã nhận tệp “{name}” nhưng đồng chí chưa có sản phẩm nhiệm vụ nào đang thực hiện hoặc vừa hoàn thành để đính kèm tài liệu kiểm chứng.";

    public const string UnknownUpload =
        "Không tìm thấy tệp cần đính kèm. Đề nghị đồng chí gửi lại tệp trong cửa sổ trò chuyện với ứng dụng.";

    public static string Expired(string name, int hours) =>
        $"Tệp “{name}” đã quá {hours} giờ kể từ khi gửi nên không còn được giữ để đính kèm. Đề nghị đồng chí gửi lại tệp.";

    public static string AlreadyAttached(string name, string? deliverable) =>
        $"Tệp “{name}” đã được đính kèm{(deliverable is null ? string.Empty : $" vào sản phẩm “{deliverable}”")} trước đó; không cần đính kèm lại.";

    public const string NotYours =
        "Tệp này do người khác gửi; đồng chí chỉ đính kèm được tệp do chính mình gửi.";

    public const string NotLead =
        "Đồng chí không thuộc đơn vị chủ trì nhiệm vụ này nên không đính kèm được tài liệu kiểm chứng. Tài liệu do lãnh đạo đơn vị chủ trì hoặc Chánh Văn phòng đính kèm.";

    public static string Attached(string name, string deliverable) =>
        $"Đã đính kèm tài liệu kiểm chứng “{name}” vào sản phẩm “{deliverable}”.";

    public const string StorageDown =
        "Hệ thống lưu trữ tệp tạm thời không phản hồi nên chưa nhận được tệp. Đề nghị đồng chí gửi lại sau ít phút.";
}
