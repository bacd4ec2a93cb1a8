using System.Globalization;

namespace CchcBot.Cards;

/// <summary>Every Vietnamese word the cards show, in one place (sentences with values are small functions).</summary>
public static class CardStrings
{
    public const string BotName = "Nhắc việc CCHC";
    public const string ErrorTitle = "Không thực hiện được";
    public const string UnknownAction = "Thao tác này không còn được hỗ trợ. Vui lòng gõ \"nhiệm vụ của tôi\" để mở danh sách mới.";
    public const string UpdateButton = "Cập nhật tiến độ";
    public const string CommentButton = "Gửi ý kiến phối hợp";
    public const string Submit = "Gửi cập nhật";
    public const string SubmitComment = "Gửi ý kiến";
    public const string StatusLabel = "Trạng thái";
    public const string StatusRequired = "Vui lòng chọn trạng thái.";
    public const string NoteLabel = "Ghi chú";
    public const string NotePlaceholder = "Kết quả, khó khăn… (bắt buộc khi chọn \"Gặp vướng mắc\")";
    public const string CommentLabel = "Ý kiến phối hợp";
    public const string CommentPlaceholder = "Nội dung đơn vị đã phối hợp hoặc đề xuất";
    public const string EvidenceLabel = "Số/ký hiệu văn bản hoặc đường dẫn";
    public const string DoneOnLabel = "Ngày hoàn thành (khi chọn \"Hoàn thành\")";
    public const string EvidencePlaceholder = "Ví dụ: 15/KH-TTr ngày 20/01/2026";
    public const string MoreButton = "Trang sau";
    public const string PreviousButton = "Trang trước";
    public const string BackToTask = "Xem lại nhiệm vụ";
    public const string OpenTask = "Mở nhiệm vụ";
    public const string BackToList = "Quay lại danh sách";
    public const string HelpButton = "Trợ giúp";
    public const string MyTasksButton = "Nhiệm vụ của tôi";
    public const string DigestButton = "Tổng hợp";
    public const string MyTasksCommand = "nhiệm vụ của tôi";
    public const string DigestCommand = "tổng hợp";
    public const string ReportCommand = "báo cáo quý";
    public const string SetChannelCommand = "đặt kênh tổng hợp";
    public const string HelpCommand = "trợ giúp";
    public const string NoTasks = "Đơn vị hiện không có nhiệm vụ nào trong Kế hoạch CCHC.";
    public const string CommentKind = "ý kiến phối hợp";
    public const string Ongoing = "Thường xuyên";
    public const string OngoingDue = "Thường xuyên (kiểm tra hằng tháng)";
    public const string Unreachable = "Không liên lạc được";

    public static readonly (string Value, string Title)[] StatusChoices =
    [
        ("InProgress", "Đang thực hiện"),
        ("Done", "Hoàn thành"),
        ("Blocked", "Gặp vướng mắc"),
    ];

    /// <summary>"và 3 mốc khác": what a cut list leaves out, counted in its own unit (mốc, người).</summary>
    public static string AndMore(int count, string unit = "mốc") => $"và {count} {unit} khác";

    public const string People = "người";

    public static string AsOf(string what, string date) => $"{what} · tính đến {date}";

    public static class Statuses
    {
        public const string NotStarted = "Chưa thực hiện";
        public const string InProgress = "Đang thực hiện";
        public const string Done = "Hoàn thành";
        public const string Blocked = "Gặp vướng mắc";
        public const string Overdue = "Quá hạn";
        public const string DoneLate = "Hoàn thành trễ hạn";
        public const string Lead = "Chủ trì";
        public const string Cooperating = "Phối hợp";
    }

    public static class Due
    {
        public static string On(string date) => "Hạn " + date;

        public const string Today = " · đến hạn hôm nay";

        public static string Left(int days) => $" · còn {days} ngày";

        public static string Late(int days) => $" · quá hạn {days} ngày";
    }

    public static class Labels
    {
        public const string Area = "Lĩnh vực";
        public const string Lead = "Chủ trì";
        public const string Cooperating = "Phối hợp";
        public const string LeadDepartment = "Đơn vị chủ trì";
        public const string Deliverable = "Sản phẩm";
        public const string Due = "Hạn";
        public const string Condition = "Tình trạng";
    }

    public static class Columns
    {
        public const string Department = "Đơn vị";
        public const string Area = "Lĩnh vực";
        public const string Done = "Hoàn thành";
        public const string InProgress = "Đang thực hiện";
        public const string NotStarted = "Chưa thực hiện";
        public const string Overdue = "Quá hạn";
        public const string Blocked = "Vướng mắc";
        public const string Total = "Tổng";
    }

    /// <summary>The figures of the one classification (see TallyView), worded the same on every card.</summary>
    public static class Figures
    {
        /// <summary>The four groups' names as reports and workbooks write them.</summary>
        public const string DoneOnTime = "Hoàn thành đúng hạn";
        public const string DoneLate = "Hoàn thành trễ hạn";
        public const string OpenInTime = "Chưa hoàn thành, trong hạn";
        public const string OpenOverdue = "Chưa hoàn thành, quá hạn";

        public static string Summary(int done, int dated, string percent, int onTime, int late, int inTime, int overdue, int blocked) =>
            $"{done}/{dated} mốc hoàn thành ({percent}): đúng hạn {onTime}, trễ hạn {late}; chưa hoàn thành: trong hạn {inTime}, quá hạn {overdue}; gặp vướng mắc {blocked}";

        public static string Ongoing(int tasks) => $"; {tasks} nhiệm vụ thường xuyên (không tính vào số mốc)";
    }

    /// <summary>A milestone led by several departments: one part per lead department.</summary>
    public static class Parts
    {
        public const string Label = "Đơn vị";
        public const string Required = "Vui lòng chọn đơn vị có phần việc cần cập nhật.";

        public static string Line(string parts) => $"Tiến độ của các đơn vị chủ trì: {parts}";

        public static string Own(string department) => $"Phần việc của {department}";
    }

    public static class Welcome
    {
        public const string Title = $"Xin chào! Tôi là {BotName}";
        public const string Intro = "Tôi giúp các đơn vị theo dõi Kế hoạch cải cách hành chính (CCHC) của cơ quan:";
        public const string Features = "- nhắc hạn các nhiệm vụ CCHC vào ngày làm việc, trước và khi đến hạn;\n" +
                                       "- cập nhật tiến độ ngay trên thẻ, lưu đầy đủ lịch sử;\n" +
                                       "- gửi bản tổng hợp tiến độ hằng tuần cho Văn phòng và Chánh Thanh tra.";
        public const string Start = "Để bắt đầu, đề nghị đồng chí gõ **nhiệm vụ của tôi**.";
    }

    public static class Help
    {
        public const string Title = "Hướng dẫn sử dụng";
        public const string Lead = "Gõ một trong các lệnh sau (có dấu hay không dấu đều được):";
        public const string MyTasks = "Danh sách nhiệm vụ của đơn vị (chủ trì trước, phối hợp sau), việc gấp nhất lên đầu; cập nhật tiến độ ngay trên thẻ.";
        public const string Digest = "Tổng hợp tiến độ Kế hoạch CCHC tính đến hôm nay.";
        public const string Report = "Nhận tệp Excel báo cáo kết quả thực hiện Kế hoạch CCHC của quý.";
        public const string SetChannel = "Gõ trong kênh của nhóm Văn phòng để nhận bản tổng hợp hằng tuần tại kênh đó.";
        public const string HelpItself = "Xem hướng dẫn này.";
        public const string Contact = "Thắc mắc hoặc cần bổ sung vào danh sách phòng ban: vui lòng liên hệ Văn phòng.";
    }

    public static class MyTasks
    {
        public const string Overdue = "quá hạn";

        public static string Continued(string title) => $"{title} (tiếp theo)";
        public const string Blocked = "gặp vướng mắc";
        public const string InProgress = "đang thực hiện";
        public const string NotStarted = "chưa thực hiện";
        public const string Done = "hoàn thành";

        public static string Title(string department) => $"Nhiệm vụ của tôi — {department}";

        public static string TaskCount(int count) => $"{count} nhiệm vụ";

        public const string LeadSection = "Đơn vị chủ trì";

        public static string CooperatingSection(int count) => $"Đơn vị phối hợp ({count} nhiệm vụ)";

        public static string MoreCooperating(int count) => $"và {count} nhiệm vụ phối hợp khác.";
    }

    public static class Overview
    {
        public const string Title = "Tiến độ Kế hoạch CCHC theo đơn vị";
        public const string DigestButton = "Tổng hợp tuần";

        public static string Total(string summary) => $"Toàn kế hoạch: {summary}";
    }

    public static class Task
    {
        public const string History = "Lịch sử cập nhật";
        public const string Opinions = "Ý kiến phối hợp";
        public const string OtherMilestones = "Các sản phẩm khác của nhiệm vụ";
        public const string Correction = "Điều chỉnh: ";

        public static string DoneOn(string date) => $" (hoàn thành ngày {date})";
        public const string Refresh = "Làm mới";

        public static string EarlierUpdates(int count) => $"và {count} cập nhật trước đó";

        public static string UpdatedBy(string who, string when) => $"{who} cập nhật lúc {when}";

        public static string Evidence(string evidence) => $" · Văn bản: {evidence}";

        public static string HistoryEvidence(string evidence) => $" (văn bản: {evidence})";
    }

    public static class Blocker
    {
        public const string Title = "⚠ Nhiệm vụ gặp vướng mắc";
        public const string Reporter = "Người báo cáo";
        public const string When = "Thời gian";
        public const string Content = "**Nội dung vướng mắc:**";
        public const string NoNote = "(không có ghi chú)";
    }

    public static class Reminder
    {
        public const string Title = "⏰ Nhắc hạn nhiệm vụ CCHC";
        public const string LeadSection = "Đơn vị chủ trì";
        public const string CooperatingSection = "Đơn vị phối hợp";

        public static string Subtitle(string addressee, string date) => $"Kính gửi: {addressee} · ngày {date}";

        public static string Addressee(string? name, string position) =>
            string.IsNullOrWhiteSpace(name) ? position : $"đồng chí {name}, {position}";

        public static string More(int count) => $"và {count} mốc khác — gõ \"nhiệm vụ của tôi\" để xem đầy đủ.";

        public static string CooperatingDue(int count, string due) => $"Phối hợp: {count} nhiệm vụ đến hạn {due}";

        public const string OpenList = "Xem danh sách";

        public static string CooperatingListTitle(string due) => $"Nhiệm vụ phối hợp đến hạn {due}";
    }

    public static class Escalation
    {
        public const string Title = "Tổng hợp nhiệm vụ cần chỉ đạo";

        public static string Subtitle(string date, int count, int workingDaysOverdue) =>
            $"Ngày {date} · {count} mốc quá hạn từ {workingDaysOverdue} ngày làm việc trở lên hoặc gặp vướng mắc";
    }

    /// <summary>People the bot could not reach, as the digest and the escalation list them.</summary>
    public static class Unreached
    {
        /// <param name="why">The stored reason's name (NeverOpened, NotInstalled, Blocked, ChannelGone).</param>
        public static string Why(string? why) => why switch
        {
            "NeverOpened" => "chưa từng mở ứng dụng",
            "NotInstalled" => "chưa cài ứng dụng",
            "Blocked" => "đã chặn ứng dụng",
            "ChannelGone" => "kênh không còn nhận tin",
            _ => "không liên lạc được",
        };

        /// <summary>"truongphong.nv2@… — chưa cài ứng dụng".</summary>
        public static string Line(string recipient, string? why) => $"{recipient} — {Why(why)}";
    }

    public static class Digest
    {
        public const string DueSoFar = "Số mốc đã đến hạn";
        public const string Year = "Cả năm";
        public const string DoneThisWeek = "Hoàn thành thêm trong tuần";
        public const string Details = "Xem đầy đủ";
        public const string Collapse = "Thu gọn";
        public const string DetailsInThread = "Bản tổng hợp đầy đủ đã được gửi trong luồng trao đổi của bài này.";
        public const string OngoingDue = "thường xuyên";

        public static string Title(int week, string monday, string sunday) =>
            $"Tổng hợp tiến độ CCHC — tuần {week.ToString("00", CultureInfo.InvariantCulture)} ({monday}–{sunday})";

        public static string Greeting(string mention) => $"Kính gửi: đồng chí {mention}, Chánh Thanh tra";

        public static string DoneOf(int done, int total, string percent) => $"{done}/{total} mốc hoàn thành ({percent})";

        public static string Overdue(int count) => $"Quá hạn ({count} mốc)";

        public static string DueSoon(int count) => $"Đến hạn trong 14 ngày tới ({count} mốc)";

        public static string Blockers(int count) => $"Gặp vướng mắc ({count} mốc)";

        public static string Changes(int count) => $"Cập nhật trong tuần ({count})";

        public static string OverdueLine(string title, string deliverable, string lead, string due, int days) => $"{title} — {deliverable} — {lead} · hạn {due} · quá hạn {days} ngày";

        public static string BlockerLine(string title, string deliverable, string lead, string due, string note) => $"{title} — {deliverable} — {lead} · hạn {due}: {note}";

        public static string DueSoonLine(string title, string deliverable, string lead, string due, int days) => $"{title} — {deliverable} — {lead} · hạn {due} (còn {days} ngày)";
    }

    /// <summary>The plan import in Teams: the preview, its result, the notice to the heads whose tasks changed.</summary>
    public static class Import
    {
        public const string PreviewTitle = "Xem trước kế hoạch CCHC";
        public const string Year = "Năm kế hoạch";
        public const string Tasks = "Số nhiệm vụ";
        public const string Milestones = "Số mốc thời hạn";
        public const string AreasTitle = "Các lĩnh vực cải cách";
        public const string TasksTitle = "Nhiệm vụ và thời hạn";
        public const string ChangesTitle = "So với kế hoạch đang sử dụng";
        public const string NoChanges = "Không có thay đổi: nội dung tệp trùng với kế hoạch đang sử dụng.";
        public const string FixAndResend = "Đề nghị đồng chí chỉnh sửa tệp và gửi lại; kế hoạch đang sử dụng không thay đổi.";
        public const string Confirm = "Nhập kế hoạch";
        public const string Cancel = "Hủy";
        public const string AddedMark = "➕ Thêm:";
        public const string ChangedMark = "✏️ Sửa:";
        public const string RemovedMark = "➖ Bỏ:";
        public const string DoneTitle = "Đã nhập kế hoạch";
        public const string CancelledTitle = "Đã hủy nhập kế hoạch";
        public const string CancelledText = "Kế hoạch đang sử dụng không thay đổi.";
        public const string ChangesNoticeTitle = "Kế hoạch CCHC được điều chỉnh";

        public static string FileLine(string name) => $"Tệp: {name}";

        public static string TaskCount(int count) => $"{count} nhiệm vụ";

        public static string ProblemsTitle(int count) => $"Tệp có {count} vấn đề cần sửa, chưa thể nhập:";

        public static string NoStoredPlan(int year) => $"Chưa có kế hoạch năm {year}: toàn bộ nhiệm vụ trong tệp sẽ được nhập mới.";

        public static string ChangeCounts(int added, int changed, int removed) => $"Thêm {added} · sửa {changed} · bỏ {removed} nhiệm vụ.";

        public static string LeadLine(string lead) => $"Chủ trì: {lead}";

        public static string ConfirmBy(string until) => $"Bản xem trước có hiệu lực đến {until}. Kế hoạch chỉ được nhập khi đồng chí chọn \"{Confirm}\".";

        public static string DoneText(string title, int year, int tasks, int milestones, int added, int changed, int removed, int notified) =>
            $"{title} (năm {year}): {tasks} nhiệm vụ, {milestones} mốc thời hạn. Thêm {added}, sửa {changed}, bỏ {removed} nhiệm vụ." +
            (notified > 0 ? $" Đã gửi thông báo cho {notified} trưởng đơn vị có nhiệm vụ thay đổi." : string.Empty);

        public static string UnchangedText(string title, int year) => $"{title} (năm {year}) trùng với kế hoạch đang sử dụng; không có gì thay đổi.";

        public static string ChangesNoticeIntro(string addressee, string title, string by) =>
            $"Kính gửi: {addressee}. {title} vừa được {by} cập nhật; các nhiệm vụ đơn vị chủ trì có thay đổi như sau:";
    }
}
