using CchcBot.Plan;

namespace CchcBot.Reminders;

/// <summary>What a sweep at one instant may do.</summary>
/// <param name="LocalDate">The date in the bot's time zone: the "today" to pass to <see cref="ReminderPolicy"/>.</param>
/// <param name="SendingOpen">True on a working day from SendFrom (inclusive) to midnight local time.</param>
public sealed record ReminderMoment(DateOnly LocalDate, TimeOnly LocalTime, bool IsWorkingDay, bool SendingOpen);

/// <summary>Turns an instant into the local working date and whether reminders may go out (≥ SendFrom on a working day).</summary>
public sealed class ReminderClock
{
    public const string DefaultTimeZoneId = "Asia/Ho_Chi_Minh";

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
        new(ResolveTimeZone(timeZoneId), options.SendFromTime, calendar);

    /// <exception cref="InvalidOperationException">The time zone is unknown; the message names Bot:TimeZone.</exception>
    public static TimeZoneInfo ResolveTimeZone(string? timeZoneId)
    {
        var id = string.IsNullOrWhiteSpace(timeZoneId) ? DefaultTimeZoneId : timeZoneId.Trim();
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // Containers without tzdata: Viet Nam has kept UTC+07:00 without daylight saving since 1975.
            if (id is DefaultTimeZoneId or "SE Asia Standard Time")
            {
                return TimeZoneInfo.CreateCustomTimeZone(DefaultTimeZoneId, TimeSpan.FromHours(7), "Giờ Việt Nam", "Giờ Việt Nam");
            }

            throw new InvalidOperationException($"Bot:TimeZone '{id}' is not a time zone known to this machine (e.g. Asia/Ho_Chi_Minh).", e);
        }
    }

    public ReminderMoment At(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Zone).DateTime;
        var date = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        var working = calendar.IsWorkingDay(date);
        return new ReminderMoment(date, time, working, working && time >= SendFrom);
    }
}
