using CchcBot.Hosting;
using CchcBot.Plan;
using CchcBot.Reminders;
using static CchcBot.Bot.Tests.Reminders.ReminderTestData;

namespace CchcBot.Bot.Tests.Reminders;

public sealed class SendingHoursTests
{
    private static readonly SendingHours Hours = new(BotTimeZone.Resolve(null), new ReminderOptions().SendFromTime, Calendar);

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>What one sweep at an instant would send for one milestone: the sending hours gate, the policy decides.</summary>
    private static IReadOnlyList<DueReminder> Sweep(string instant, Milestone milestone)
    {
        var moment = Hours.At(At(instant));
        return moment.SendingOpen
            ? Policy.DueOn(moment.LocalDate, milestone, MilestoneStatus.NotStarted, ReminderRole.Lead, moment.LocalDate.Year)
            : [];
    }

    [Fact]
    public void The_default_time_zone_is_Ho_Chi_Minh_City()
    {
        Assert.Equal(TimeSpan.FromHours(7), Hours.Zone.GetUtcOffset(At("2024-11-22T00:00:00Z")));
        Assert.Equal(new TimeOnly(8, 0), Hours.SendFrom);
    }

    [Fact]
    public void At_01_30_UTC_it_is_08_30_local_and_sending_is_open()
    {
        var moment = Hours.At(At("2024-11-22T01:30:00Z"));

        Assert.Equal(D("2024-11-22"), moment.LocalDate);
        Assert.Equal(new TimeOnly(8, 30), moment.LocalTime);
        Assert.True(moment.IsWorkingDay);
        Assert.True(moment.SendingOpen);
    }

    [Theory]
    [InlineData("2024-11-22T00:59:59Z", false)]
    [InlineData("2024-11-22T01:00:00Z", true)]
    [InlineData("2024-11-22T16:59:59Z", true)]
    [InlineData("2024-11-22T07:59:59+07:00", false)]
    public void Sending_opens_at_08_00_local_on_a_working_day(string instant, bool open) =>
        Assert.Equal(open, Hours.At(At(instant)).SendingOpen);

    [Fact]
    public void Late_evening_UTC_is_already_the_next_local_day()
    {
        var moment = Hours.At(At("2024-11-21T17:30:00Z"));
        Assert.Equal(D("2024-11-22"), moment.LocalDate);
        Assert.False(moment.SendingOpen);
    }

    [Theory]
    [InlineData("2024-11-23T03:00:00Z")]
    [InlineData("2024-09-02T03:00:00Z")]
    [InlineData("2025-01-29T03:00:00Z")]
    public void Sending_stays_closed_on_weekends_and_holidays(string instant)
    {
        var moment = Hours.At(At(instant));
        Assert.False(moment.IsWorkingDay);
        Assert.False(moment.SendingOpen);
    }

    [Fact]
    public void Sending_opens_on_a_make_up_Saturday() =>
        Assert.True(Hours.At(At("2024-05-04T03:00:00Z")).SendingOpen);

    [Fact]
    public void A_sweep_before_08_00_sends_nothing_and_a_later_sweep_the_same_day_sends_the_same_reminder()
    {
        var milestone = Dated("2024-11-22");

        Assert.Empty(Sweep("2024-11-22T07:55:00+07:00", milestone));
        var morning = Assert.Single(Sweep("2024-11-22T08:05:00+07:00", milestone));
        var evening = Assert.Single(Sweep("2024-11-22T21:40:00+07:00", milestone));
        Assert.Equal("lead:d0@2024-11-22", morning.SlotKey);
        Assert.Equal(morning.SlotKey, evening.SlotKey);
    }

    [Fact]
    public void A_missed_day_is_not_sent_the_next_day()
    {
        // d-1 is Thu 21/11/2024; a sweep first running on Friday sees only Friday's d0 slot.
        var friday = Assert.Single(Sweep("2024-11-22T09:00:00+07:00", Dated("2024-11-22")));
        Assert.Equal("lead:d0@2024-11-22", friday.SlotKey);
        Assert.Empty(Sweep("2024-11-20T09:00:00+07:00", Dated("2024-11-22")));
    }

    [Fact]
    public void Another_time_zone_moves_the_local_date()
    {
        var hours = new SendingHours(BotTimeZone.Resolve("UTC"), new ReminderOptions().SendFromTime, Calendar);
        var moment = hours.At(At("2024-11-22T01:30:00Z"));
        Assert.Equal(new TimeOnly(1, 30), moment.LocalTime);
        Assert.False(moment.SendingOpen);
    }

    [Fact]
    public void An_unknown_time_zone_names_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => BotTimeZone.Resolve("Mars/Olympus"));
        Assert.Contains("Bot:TimeZone 'Mars/Olympus'", error.Message, StringComparison.Ordinal);
    }
}
