using System.Globalization;
using CchcBot.Cards.Views;

namespace CchcBot.Cards;

/// <summary>Dates dd/MM/yyyy, times dd/MM/yyyy HH:mm (already local), and the Vietnamese words for states.</summary>
public static class Formats
{
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string DateTime(DateTime local) => local.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>yyyy-MM-dd, as Input.Date values are written.</summary>
    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"14:30 ngày 20/01/2026", as administrative texts write a moment.</summary>
    public static string TimeOnDate(DateTime local) => local.ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Status(StatusView status) => status switch
    {
        StatusView.NotStarted => CardStrings.Statuses.NotStarted,
        StatusView.InProgress => CardStrings.Statuses.InProgress,
        StatusView.Done => CardStrings.Statuses.Done,
        StatusView.Blocked => CardStrings.Statuses.Blocked,
        StatusView.Overdue => CardStrings.Statuses.Overdue,
        StatusView.DoneLate => CardStrings.Statuses.DoneLate,
        _ => status.ToString(),
    };

    /// <summary>The Adaptive Card colour of a status.</summary>
    /// <summary>
    /// The container style a status stands on. Text keeps the default colour: in Teams' own host configs coloured text
    /// misses 4.5:1 somewhere (green and yellow on white, red on the dark theme), while each tinted container carries
    /// a text colour chosen for it.
    /// </summary>
    public static string? StatusStyle(StatusView status) => status switch
    {
        StatusView.Done => "good",
        StatusView.DoneLate => "good",
        StatusView.Overdue => "attention",
        StatusView.Blocked => "warning",
        StatusView.InProgress => "accent",
        _ => null,
    };

    public static string Role(RoleView role) => role == RoleView.Lead ? CardStrings.Statuses.Lead : CardStrings.Statuses.Cooperating;

    /// <summary>"Hạn 31/12/2026 · còn 5 ngày", "quá hạn 3 ngày", "đến hạn hôm nay", "Thường xuyên".</summary>
    public static string Due(DateOnly? due, int? daysLeft, bool done)
    {
        if (due is not { } date)
        {
            return CardStrings.OngoingDue;
        }

        var text = CardStrings.Due.On(Date(date));
        if (done || daysLeft is not { } days)
        {
            return text;
        }

        return days switch
        {
            0 => text + CardStrings.Due.Today,
            > 0 => text + CardStrings.Due.Left(days),
            _ => text + CardStrings.Due.Late(-days),
        };
    }

    public static string Percent(int part, int whole) =>
        whole == 0 ? "0%" : (100.0 * part / whole).ToString("0", CultureInfo.InvariantCulture) + "%";
}
