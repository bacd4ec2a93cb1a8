using System.Globalization;
using CchcBot.Cards.Views;

namespace CchcBot.Cards;

/// <summary>Dates dd/MM/yyyy, times dd/MM/yyyy HH:mm (already local), and the Vietnamese words for states.</summary>
public static class Formats
{
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string DateTime(DateTime local) => local.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Status(StatusView status) => status switch
    {
        StatusView.NotStarted => "Chưa thực hiện",
        StatusView.InProgress => "Đang thực hiện",
        StatusView.Done => "Hoàn thành",
        StatusView.Blocked => "Gặp vướng mắc",
        StatusView.Overdue => "Quá hạn",
        StatusView.DoneLate => "Hoàn thành trễ hạn",
        _ => status.ToString(),
    };

    /// <summary>The Adaptive Card colour of a status.</summary>
    public static string StatusColor(StatusView status) => status switch
    {
        StatusView.Done => "Good",
        StatusView.DoneLate => "Good",
        StatusView.Overdue => "Attention",
        StatusView.Blocked => "Warning",
        StatusView.InProgress => "Accent",
        _ => "Default",
    };

    public static string Role(RoleView role) => role == RoleView.Lead ? "Chủ trì" : "Phối hợp";

    /// <summary>"Hạn 31/12/2026 · còn 5 ngày", "quá hạn 3 ngày", "đến hạn hôm nay", "Thường xuyên".</summary>
    public static string Due(DateOnly? due, int? daysLeft, bool done)
    {
        if (due is not { } date)
        {
            return "Thường xuyên (kiểm tra hằng tháng)";
        }

        var text = "Hạn " + Date(date);
        if (done || daysLeft is not { } days)
        {
            return text;
        }

        return days switch
        {
            0 => text + " · đến hạn hôm nay",
            > 0 => text + $" · còn {days} ngày",
            _ => text + $" · quá hạn {-days} ngày",
        };
    }

    public static string Percent(int part, int whole) =>
        whole == 0 ? "0%" : (100.0 * part / whole).ToString("0", CultureInfo.InvariantCulture) + "%";
}
