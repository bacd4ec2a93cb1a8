using CchcBot.Cards.Views;

namespace CchcBot.Cards.Tests;

/// <summary>Realistic view data: the plan's longest titles, every status, both roles.</summary>
public static class SampleViews
{
    public const string LongTitle =
        "Tiếp tục thực hiện Nghị định 130/2005/NĐ-CP ngày 17/10/2005 của Chính phủ về chế độ tự chủ, tự chịu trách nhiệm về sử dụng biên chế và kinh phí quản lý hành chính đối với cơ quan và Nghị định số 117/2013/NĐ-CP sửa đổi, bổ sung Nghị định số 130/2005/NĐ-CP";

    public static TaskItemView Item(int n = 1, StatusView status = StatusView.InProgress, RoleView role = RoleView.Lead, DateOnly? due = null, int? daysLeft = 5) => new(
        $"TCC-{n}",
        $"TCC-{n}-1",
        n % 2 == 0 ? LongTitle : "Xây dựng và triển khai kế hoạch kiểm soát, rà soát TTHC năm 2026",
        "Cải cách tài chính công",
        "Báo cáo kết quả thực hiện (lồng ghép vào báo cáo CCHC)",
        n % 3 == 0 ? "Quý II/2026" : null,
        due ?? new DateOnly(2026, 12, 31),
        daysLeft,
        status,
        role,
        "Văn phòng",
        "Phòng Nghiệp vụ 1; Phòng Nghiệp vụ 2; Phòng Nghiệp vụ 3; Phòng Phòng, chống tham nhũng",
        status == StatusView.NotStarted ? null : "Nguyễn Văn An",
        status == StatusView.NotStarted ? null : new DateTime(2026, 11, 20, 14, 35, 0),
        status == StatusView.NotStarted ? null : "Đã trình lãnh đạo ký ban hành; đang chờ số văn bản từ văn thư. " + new string('x', 300),
        status == StatusView.NotStarted ? null : "15/KH-TTr ngày 20/11/2026",
        status is StatusView.InProgress or StatusView.Done or StatusView.Blocked ? status.ToString() : null);

    public static IEnumerable<StatusView> AllStatuses => Enum.GetValues<StatusView>();

    public static List<TaskItemView> Many(int count) =>
        Enumerable.Range(1, count).Select(i => Item(i, (StatusView)(i % 6), i % 4 == 0 ? RoleView.Cooperating : RoleView.Lead, daysLeft: 10 - i)).ToList();
}
