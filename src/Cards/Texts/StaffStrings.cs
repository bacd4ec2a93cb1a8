namespace CchcBot.Cards;

/// <summary>The texts of staff assignment (phân công cán bộ) and of the directory card (danh bạ).</summary>
public static class StaffStrings
{
    public const string AssignButton = "Giao cho cán bộ";
    public const string AssignSubmit = "Giao việc";
    public const string AssigneeLabel = "Cán bộ thực hiện (bỏ chọn hết để thu hồi)";

    public static string Assignees(string names) => $"Cán bộ thực hiện: {names}";

    public static string AssignedHistory(string to) => $"Giao cho cán bộ: {to}";

    public static string ReassignedHistory(string from, string to) => $"Giao lại cho cán bộ: {from} → {to}";

    public static string TakenBackHistory(string from) => $"Thu hồi giao việc: {from}";

    public static string Assigned(string names) => $"Đã giao cho cán bộ: {names}.";

    public const string NoticeTitle = "Nhiệm vụ được giao";

    public static string NoticeText(string by) => $"Đồng chí {by} đã giao cho đồng chí thực hiện nhiệm vụ sau; đồng chí cập nhật tiến độ ngay trên thẻ này hoặc gõ \"nhiệm vụ của tôi\".";

    public const string TakenBack = "Đã thu hồi giao việc; nhiệm vụ do Trưởng phòng theo dõi.";
    public const string AssignUnchanged = "Phân công không thay đổi.";

    public const string AssignNotAllowed =
        "Đồng chí không có quyền giao nhiệm vụ này: chỉ Trưởng phòng, Phó Trưởng phòng của đơn vị chủ trì được giao phần việc của đơn vị mình cho cán bộ của đơn vị.";

    public static string NotStaffOf(string person, string department) =>
        $"{person} không phải cán bộ của {department} trong danh bạ; nhiệm vụ chỉ được giao cho cán bộ của đơn vị.";

    public const string StaffOnlyAssigned =
        "Cán bộ chỉ xem và cập nhật các nhiệm vụ được Trưởng phòng giao. Đề nghị đồng chí gõ \"nhiệm vụ của tôi\" để xem các nhiệm vụ được giao.";

    public static string StaffTitle(string name) => $"Nhiệm vụ được giao — {name}";

    public const string StaffNoTasks = "Hiện đồng chí chưa được giao nhiệm vụ nào.";

    // Danh bạ.
    public const string DirectoryCommand = "danh bạ";
    public const string DirectoryHelp = "Xem và sửa danh bạ: Trưởng phòng, Phó Trưởng phòng, cán bộ của từng đơn vị (Chánh Văn phòng).";

    public static string DirectoryTitle(string agency) => $"Danh bạ đơn vị — {agency}";

    public const string DirectoryLead =
        "Mỗi đơn vị có một Trưởng phòng; mỗi người chỉ thuộc danh bạ của một cơ quan. Thêm hoặc đổi tên đơn vị: nạp lại tệp danh bạ (directory).";

    public const string HeadLabel = "Trưởng phòng";
    public const string DeputiesLabel = "Phó Trưởng phòng";
    public const string StaffLabel = "Cán bộ";
    public const string None = "(chưa có)";
    public const string EditButton = "Sửa";
    public const string SaveButton = "Lưu";
    public const string HeadInputLabel = "Trưởng phòng (một địa chỉ thư điện tử)";
    public const string DeputiesInputLabel = "Phó Trưởng phòng (mỗi dòng một địa chỉ thư điện tử)";
    public const string StaffInputLabel = "Cán bộ (mỗi dòng một địa chỉ thư điện tử)";

    public static string DirectoryRefusal(string chief) =>
        $"Xin lỗi, danh bạ chỉ do Chánh Văn phòng ({chief}) xem và sửa. Đề nghị đồng chí liên hệ Chánh Văn phòng nếu cần thay đổi danh bạ.";

    public static string Saved(string department) => $"Đã lưu danh bạ của {department}; thay đổi có hiệu lực ngay.";

    public static string Unchanged(string department) => $"Danh bạ của {department} không thay đổi.";

    public const string HeadRequired = "Mỗi đơn vị phải có đúng một Trưởng phòng: ghi một địa chỉ thư điện tử.";
    public const string OneHead = "Mỗi đơn vị chỉ có một Trưởng phòng: ghi một địa chỉ thư điện tử.";

    public static string InvalidEmail(string text) => $"'{text}' không phải địa chỉ thư điện tử hợp lệ (ten@donvi.gov.vn).";

    public static string Twice(string person) => $"{person} được ghi hai lần trong đơn vị.";

    public static string ElsewhereInDirectory(string person, string position) =>
        $"{person} đã là {position}: cán bộ chỉ thuộc một đơn vị và không giữ chức vụ khác trong danh bạ.";

    public static string OtherAgency(string person, string agency) =>
        $"{person} đã có trong danh bạ của cơ quan khác ({agency}): mỗi người chỉ thuộc danh bạ của một cơ quan.";

    public static string TooMany(string label, int max) => $"{label}: tối đa {max} người.";

    public const string Busy = "Danh bạ vừa được thay đổi cùng lúc; đề nghị đồng chí lưu lại.";

    public static string Invalid(string problem) => $"Danh bạ không hợp lệ: {problem}";

    public const string UnknownDepartment = "Không tìm thấy đơn vị này trong danh bạ; có thể danh bạ đã được nạp lại. Đề nghị đồng chí gõ \"danh bạ\" để mở danh bạ mới.";

    public static string NewHeadTitle(string position) => $"Chào mừng đồng chí, {position}";

    public static string NewHeadText(string department) =>
        $"Đồng chí vừa được ghi trong danh bạ là Trưởng phòng của {department}. Từ nay đồng chí nhận nhắc hạn các nhiệm vụ cải cách hành chính của đơn vị, cập nhật tiến độ ngay trên thẻ và giao việc cho cán bộ của đơn vị.";
}
