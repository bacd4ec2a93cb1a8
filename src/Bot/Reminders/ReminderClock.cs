using CchcBot.Hosting;
using CchcBot.Plan;

namespace CchcBot.Reminders;

/// <summary>What a sweep at one instant may do.</summary>
/// <param name="LocalDate">The date in the bot's time zone: the "today" to pass to <see cref="ReminderPolicy"/>.</param>
/// <param name="SendingOpen">True on a working day from SendFrom (inclusive) to midnight local time.</param>
public sealed record ReminderMoment(DateOnly LocalDate, TimeOnly LocalTime, bool IsWorkingDay, bool SendingOpen);

/// <summary>Turns an instant into the local working date and whether reminders may go out (≥ SendFrom on a working day), in the bot's one time zone.</summary>
public sealed class ReminderClock
{
    private readonly WorkingCalendar calendar;

    public ReminderClock(TimeZoneInfo zone, TimeOnly sendFrom, WorkingCalendar calendar)
    {
        Zone = zone;
        SendFrom = sendFrom;
        this.calendar = calendar;
    }

    public TimeZoneInfo Zone { get; }

    public TimeOnly SendFrom { get; }

    /// <summary>The clock for setting <c>Bot:TimeZone</c> (null or blank → Asia/Ho_Chi_Minh) and <c>Reminders:SendFrom</c>.</summary>
    /// <exception cref="InvalidOperationException">The time zone is unknown; the message names Bot:TimeZone.</exception>
    public static ReminderClock Create(string? timeZoneId, ReminderOptions options, WorkingCalendar calendar) =>
        new(BotTimeZone.Resolve(timeZoneId), options.SendFromTime, calendar);

    public ReminderMoment At(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Zone).DateTime;
        var date = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        var working = calendar.IsWorkingDay(date);
        return new ReminderMoment(date, time, working, working && time >= SendFrom);
    }
}
