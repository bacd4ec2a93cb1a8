using CchcBot.Plan;

namespace CchcBot.Reminders;

/// <summary>What a sweep at one instant may do.</summary>
/// <param name="LocalDate">The date in the bot's time zone: the "today" to pass to <see cref="ReminderPolicy"/>.</param>
/// <param name="SendingOpen">True on a working day from SendFrom (inclusive) to midnight local time.</param>
public sealed record ReminderMoment(DateOnly LocalDate, TimeOnly LocalTime, bool IsWorkingDay, bool SendingOpen);

/// <summary>
/// The hours reminders may go out in: turns an instant into the local working date and whether sending is open
/// (≥ SendFrom on a working day), in the bot's time zone (resolved once, by <c>BotClock</c>).
/// </summary>
public sealed class SendingHours
{
    private readonly WorkingCalendar calendar;

    public SendingHours(TimeZoneInfo zone, TimeOnly sendFrom, WorkingCalendar calendar)
    {
        Zone = zone;
        SendFrom = sendFrom;
        this.calendar = calendar;
    }

    public TimeZoneInfo Zone { get; }

    public TimeOnly SendFrom { get; }

    public ReminderMoment At(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Zone).DateTime;
        var date = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        var working = calendar.IsWorkingDay(date);
        return new ReminderMoment(date, time, working, working && time >= SendFrom);
    }
}
