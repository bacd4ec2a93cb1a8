using CchcBot.Plan.Files;

namespace CchcBot.Teams.Files;

/// <summary>What the bot says about a plan sent in Teams (the preview card carries its own strings in src/Cards).</summary>
public static class PlanImportTexts
{
    /// <param name="chief">"đồng chí Nguyễn Văn An, Chánh Văn phòng" or "đồng chí Chánh Văn phòng (upn)".</param>
    public static string OnlyChiefOfOffice(string file, string chief) =>
        $"Xin lỗi, kế hoạch CCHC chỉ được cập nhật vào hệ thống khi {chief} gửi. Tệp “{file}” chưa được lưu; " +
        $"đề nghị đồng chí chuyển tệp cho {chief} để xem xét, cập nhật.";

    public static string OnlyChiefOfOfficeImports(string chief) =>
        $"Xin lỗi, chỉ {chief} mới nhập được kế hoạch CCHC vào hệ thống. Kế hoạch chưa được nhập.";

    public static string Chief(string? name, string upn) =>
        string.IsNullOrWhiteSpace(name) ? $"đồng chí Chánh Văn phòng ({upn})" : $"đồng chí {name}, Chánh Văn phòng";

    public static string TooLarge(string file) =>
        $"Tệp kế hoạch “{file}” vượt quá dung lượng cho phép ({ImportLimits.MaxFileBytes / 1024 / 1024} MB). Đề nghị đồng chí kiểm tra lại tệp.";

    public static string Unreadable(string file) =>
        $"Không mở được tệp “{file}”: tệp Word bị hỏng hoặc không đúng định dạng .docx. Đề nghị đồng chí lưu lại tệp dưới dạng Word (.docx) và gửi lại.";

    public const string NotFound = "Không tìm thấy bản xem trước kế hoạch này. Đề nghị đồng chí gửi lại tệp kế hoạch.";

    public static string Expired(int hours) =>
        $"Bản xem trước kế hoạch đã hết hiệu lực (quá {hours} giờ) nên kế hoạch chưa được nhập. Đề nghị đồng chí gửi lại tệp kế hoạch để xem trước và nhập.";

    public const string AlreadyDoneTitle = "Kế hoạch đã được nhập";

    public static string AlreadyDone(string at) => $"Kế hoạch này đã được nhập lúc {at}; thao tác không được thực hiện lại.";

    public const string AlreadyCancelled = "Việc nhập kế hoạch này đã được hủy. Đề nghị đồng chí gửi lại tệp kế hoạch nếu cần nhập.";

    public const string CannotCancelDone = "Kế hoạch này đã được nhập nên không thể hủy.";

    public const string InProgress = "Kế hoạch đang được nhập, đề nghị đồng chí chờ trong giây lát.";

    public const string Conflict = "Kế hoạch vừa được cập nhật từ một lần nhập khác trong lúc nhập. Đề nghị đồng chí gửi lại tệp để xem trước theo kế hoạch mới nhất.";

    /// <summary>Beside a removed task that has history: it is archived, not deleted.</summary>
    public const string KeptForReports = "đã có cập nhật tiến độ: lưu trữ để báo cáo, không còn hiển thị";

    public const string ChangesSummary = "Kế hoạch CCHC được điều chỉnh";

    public const string PreviewSummary = "Xem trước kế hoạch CCHC";

    /// <summary>The Vietnamese name of a <see cref="Plan.PlanDiff.FieldNames"/> field.</summary>
    public static string Field(string field) => field switch
    {
        "title" => "tên nhiệm vụ",
        "deliverables" => "sản phẩm",
        "lead" => "đơn vị chủ trì",
        "cooperating" => "đơn vị phối hợp",
        "timeframe" => "thời gian thực hiện",
        "milestones" => "mốc thời hạn",
        "area" => "lĩnh vực",
        _ => field,
    };
}
