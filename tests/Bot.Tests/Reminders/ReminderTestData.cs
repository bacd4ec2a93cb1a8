using System.Globalization;
using CchcBot.Plan;
using CchcBot.Reminders;

namespace CchcBot.Bot.Tests.Reminders;

internal static class ReminderTestData
{
    public static readonly WorkingCalendar Calendar = WorkingCalendar.Load();

    public static readonly ReminderPolicy Policy = new(new ReminderOptions(), Calendar);

    public static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    public static Milestone Dated(string due) => new("ccth-01-1", "ccth-01", "Báo cáo kết quả thực hiện", D(due));

    public static Milestone Ongoing() => new("tthc-02-1", "tthc-02", "Quyết định công bố TTHC", null);

    public static IEnumerable<DateOnly> Days(string from, string to)
    {
        for (var d = D(from); d <= D(to); d = d.AddDays(1))
        {
            yield return d;
        }
    }

    /// <summary>Every reminder from <paramref name="from"/> to <paramref name="to"/>, by day.</summary>
    public static List<(DateOnly Day, DueReminder Reminder)> Sent(
        Milestone milestone, ReminderRole role, string from, string to, MilestoneStatus status = MilestoneStatus.NotStarted, int planYear = 0) =>
        Days(from, to)
            .SelectMany(day => Policy.DueOn(day, milestone, status, role, planYear == 0 ? day.Year : planYear).Select(r => (day, r)))
            .ToList();
}
