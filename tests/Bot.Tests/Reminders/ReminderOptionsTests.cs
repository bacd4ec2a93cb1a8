using CchcBot.Reminders;
using Microsoft.Extensions.Configuration;

namespace CchcBot.Bot.Tests.Reminders;

public sealed class ReminderOptionsTests
{
    private static ReminderOptions From(params (string Key, string Value)[] settings) =>
        ReminderOptions.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build());

    [Fact]
    public void Defaults_match_the_agreed_policy_and_are_valid()
    {
        var options = From();

        Assert.True(options.Enabled);
        Assert.Equal([7, 3, 1, 0], options.LeadDays);
        Assert.Equal([7, 1], options.CooperatingDays);
        Assert.Equal(3, options.OverdueEveryWorkingDays);
        Assert.Equal(3, options.EscalateAfterWorkingDaysOverdue);
        Assert.Equal("08:00", options.SendFrom);
        Assert.Equal(new TimeOnly(8, 0), options.SendFromTime);
        Assert.Equal(5, options.SweepIntervalMinutes);
        Assert.Null(options.HolidaysFile);
        Assert.Equal(10, options.ClaimLeaseMinutes);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Configured_lists_replace_the_defaults_instead_of_appending()
    {
        var options = From(("Reminders:LeadDays:0", "5"), ("Reminders:LeadDays:1", "2"), ("Reminders:CooperatingDays", "3, 0"));

        Assert.Equal([5, 2], options.LeadDays);
        Assert.Equal([3, 0], options.CooperatingDays);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Scalar_settings_are_read()
    {
        var options = From(
            ("Reminders:Enabled", "false"),
            ("Reminders:OverdueEveryWorkingDays", "2"),
            ("Reminders:EscalateAfterWorkingDaysOverdue", "5"),
            ("Reminders:SendFrom", "07:30"),
            ("Reminders:SweepIntervalMinutes", "15"),
            ("Reminders:HolidaysFile", " /etc/cchc/holidays.json "),
            ("Reminders:ClaimLeaseMinutes", "20"));

        Assert.False(options.Enabled);
        Assert.Equal(2, options.OverdueEveryWorkingDays);
        Assert.Equal(5, options.EscalateAfterWorkingDaysOverdue);
        Assert.Equal(new TimeOnly(7, 30), options.SendFromTime);
        Assert.Equal(15, options.SweepIntervalMinutes);
        Assert.Equal("/etc/cchc/holidays.json", options.HolidaysFile);
        Assert.Equal(20, options.ClaimLeaseMinutes);
        Assert.Empty(options.Validate());
    }

    [Theory]
    [InlineData("Reminders:SendFrom", "8h", "Reminders:SendFrom must be HH:mm (24-hour local time, e.g. 08:00); got '8h'.")]
    [InlineData("Reminders:SendFrom", "24:00", "Reminders:SendFrom must be HH:mm (24-hour local time, e.g. 08:00); got '24:00'.")]
    [InlineData("Reminders:SendFrom", "8:00", "Reminders:SendFrom must be HH:mm (24-hour local time, e.g. 08:00); got '8:00'.")]
    [InlineData("Reminders:Enabled", "yes", "Reminders:Enabled must be true or false; got 'yes'.")]
    [InlineData("Reminders:SweepIntervalMinutes", "abc", "Reminders:SweepIntervalMinutes must be a whole number; got 'abc'.")]
    [InlineData("Reminders:SweepIntervalMinutes", "0", "Reminders:SweepIntervalMinutes must be from 1 to 1440 minutes; got 0.")]
    [InlineData("Reminders:ClaimLeaseMinutes", "-1", "Reminders:ClaimLeaseMinutes must be from 1 to 1440 minutes; got -1.")]
    [InlineData("Reminders:OverdueEveryWorkingDays", "0", "Reminders:OverdueEveryWorkingDays must be from 1 to 60 working days; got 0.")]
    [InlineData("Reminders:EscalateAfterWorkingDaysOverdue", "0", "Reminders:EscalateAfterWorkingDaysOverdue must be from 1 to 60 working days; got 0.")]
    [InlineData("Reminders:LeadDays", "7,-1", "Reminders:LeadDays must list days before the due date from 0 to 60; got -1.")]
    [InlineData("Reminders:LeadDays", "7,3,3", "Reminders:LeadDays lists 3 more than once.")]
    [InlineData("Reminders:CooperatingDays", "7,x", "Reminders:CooperatingDays must list whole numbers of days; got 'x'.")]
    public void Invalid_settings_are_reported_by_name(string key, string value, string problem) =>
        Assert.Equal([problem], From((key, value)).Validate());

    [Fact]
    public void Several_problems_are_all_reported()
    {
        var problems = new ReminderOptions { SendFrom = "", SweepIntervalMinutes = 0, LeadDays = [100] }.Validate();
        Assert.Equal(3, problems.Count);
        Assert.All(problems, p => Assert.StartsWith("Reminders:", p, StringComparison.Ordinal));
    }
}
