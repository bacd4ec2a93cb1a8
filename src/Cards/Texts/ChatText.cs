using System.Globalization;

namespace CchcBot.Cards;

/// <summary>Plain-text replies of the chat and the lines of proactive messages.</summary>
public static class ChatText
{
    public const string Unexpected = "Xin lỗi, đã có lỗi xảy ra khi xử lý yêu cầu của đồng chí. Đề nghị đồng chí thử lại sau ít phút.";
    public const string StorageDown = "Hệ thống tạm thời gián đoạn, vui lòng thử lại sau.";
    public const string UnknownUser =
        "Xin chào! Tài khoản của đồng chí chưa có trong danh sách phòng ban của Kế hoạch CCHC, nên chưa thể cho đồng chí biết nhiệm vụ. " +
        "Vui lòng liên hệ Văn phòng (Chánh Văn phòng) để được bổ sung vào danh sách.";

    public const string TenantRefused = "Ứng dụng này không phục vụ tổ chức của đồng chí.";
    public const string SetChannelOnlyInChannel = "Vui lòng gõ \"đặt kênh tổng hợp\" trong kênh của nhóm Văn phòng (nhắc tên bot), không phải trong trò chuyện riêng.";
    public const string SetChannelOnlyChiefOfOffice = "Xin lỗi, chỉ Chánh Văn phòng mới đặt được kênh nhận bản tổng hợp hằng tuần.";
    public const string ChannelSetTitle = "Đã đặt kênh tổng hợp";
    public const string ChannelSetText = "Từ nay bản tổng hợp tiến độ CCHC hằng tuần sẽ được gửi vào kênh này.";
    public const string ReportOnlyChiefOfOffice = "Xin lỗi, báo cáo quý chỉ dành cho Chánh Văn phòng.";
    public const string NoDigestChannel = "Chưa đăng ký kênh tổng hợp: Chánh Văn phòng gõ \"đặt kênh tổng hợp\" trong kênh của Văn phòng để nhận bản tổng hợp tại đó.";
    public const string ChiefInspector = "Chánh Thanh tra";
    public const string Blocked = "Gặp vướng mắc";

    public const string ForeignInstallTitle = "Ứng dụng Nhắc việc CCHC được cài vào một nhóm";
    public const string UnnamedTeam = "(không rõ tên nhóm)";
    public const string UnnamedChannel = "(không rõ tên kênh)";

    /// <summary>To the Chief of Office when someone else installs the bot in a team (the arguments are already escaped).</summary>
    public static string ForeignInstallText(string name, string upn, string team, string channel, string localTime) =>
        $"Đồng chí {name} ({upn}) đã cài ứng dụng Nhắc việc CCHC vào nhóm «{team}», kênh «{channel}», lúc {localTime}. " +
        "Kênh nhận bản tổng hợp hằng tuần không thay đổi. Nếu muốn bản tổng hợp được gửi vào kênh này, " +
        "đề nghị đồng chí vào kênh đó, nhắc tên bot và gõ \"đặt kênh tổng hợp\".";

    public const string DueToday = "Đến hạn hôm nay";

    public static string DaysLeft(int days) => $"Còn {days} ngày";

    public static string OverdueDays(int days) => $"Quá hạn {days} ngày";

    public static string MonthlyCheckIn(DateOnly month) => $"Kiểm tra định kỳ tháng {month.ToString("MM/yyyy", CultureInfo.InvariantCulture)}";

    /// <summary>The notification preview lines of proactive cards.</summary>
    public static class Summaries
    {
        public const string Reminder = "Nhắc hạn nhiệm vụ CCHC";
        public const string Escalation = "Nhiệm vụ cần chỉ đạo";
        public const string Blocker = "Nhiệm vụ gặp vướng mắc";
        public const string Digest = "Tổng hợp tiến độ CCHC";
        public const string MyTasks = "Nhiệm vụ của tôi";
        public const string Help = "Trợ giúp";
        public const string Report = "Báo cáo quý";
        public const string ForeignInstall = "Ứng dụng được cài vào một nhóm";
    }
}
