using CchcBot.Plan;

namespace CchcBot.Bot.Tests.Reminders;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Load();

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2024-01-01")]
    [InlineData("2024-02-08")]
    [InlineData("2024-02-14")]
    [InlineData("2024-04-18")]
    [InlineData("2024-04-29")]
    [InlineData("2024-04-30")]
    [InlineData("2024-05-01")]
    [InlineData("2024-09-02")]
    [InlineData("2024-09-03")]
    [InlineData("2025-01-01")]
    [InlineData("2025-01-27")]
    [InlineData("2025-01-31")]
    [InlineData("2025-04-07")]
    [InlineData("2025-05-02")]
    [InlineData("2025-09-01")]
    [InlineData("2025-09-02")]
    [InlineData("2026-01-02")]
    [InlineData("2026-02-16")]
    [InlineData("2026-02-20")]
    [InlineData("2026-04-27")]
    [InlineData("2026-09-02")]
    [InlineData("2027-01-01")]
    [InlineData("2027-02-04")]
    [InlineData("2027-02-10")]
    [InlineData("2027-04-16")]
    [InlineData("2027-05-03")]
    [InlineData("2027-09-03")]
    public void Bundled_holidays_on_weekdays_are_not_working_days(string date)
    {
        Assert.NotEqual(DayOfWeek.Saturday, D(date).DayOfWeek);
        Assert.NotEqual(DayOfWeek.Sunday, D(date).DayOfWeek);
        Assert.False(Calendar.IsWorkingDay(D(date)));
        Assert.NotNull(Calendar.HolidayName(D(date)));
    }

    [Theory]
    [InlineData("2024-05-04")]
    [InlineData("2025-02-15")]
    [InlineData("2025-04-26")]
    [InlineData("2026-01-10")]
    public void Make_up_Saturdays_are_working_days(string date)
    {
        Assert.Equal(DayOfWeek.Saturday, D(date).DayOfWeek);
        Assert.True(Calendar.IsWorkingDay(D(date)));
    }

    [Theory]
    [InlineData("2024-11-22", true)]
    [InlineData("2024-11-23", false)]
    [InlineData("2024-11-24", false)]
    [InlineData("2025-01-24", true)]
    [InlineData("2025-02-03", true)]
    [InlineData("2025-02-22", false)]
    [InlineData("2028-01-03", true)]
    public void Ordinary_days_follow_Monday_to_Friday(string date, bool working) =>
        Assert.Equal(working, Calendar.IsWorkingDay(D(date)));

    [Theory]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    [InlineData(2027)]
    public void Every_bundled_year_has_five_working_days_off_for_Tet_and_the_other_holidays(int year)
    {
        var names = Calendar.Holidays.Where(h => h.Key.Year == year).Select(h => h.Value).ToList();
        Assert.Equal(5, names.Count(n => n.Contains("Tết Nguyên đán", StringComparison.Ordinal)));
        Assert.Contains(names, n => n.Contains("Tết Dương lịch", StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains("Giỗ Tổ Hùng Vương", StringComparison.Ordinal));
        Assert.Equal(2, names.Count(n => n.Contains("Quốc khánh", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("2024-04-18")]
    [InlineData("2025-04-07")]
    [InlineData("2026-04-27")] // 26/04/2026 is a Sunday: nghỉ bù on Monday
    [InlineData("2027-04-16")]
    public void Gio_To_Hung_Vuong_is_off_each_year(string date) =>
        Assert.Contains("Giỗ Tổ Hùng Vương", Calendar.HolidayName(D(date)), StringComparison.Ordinal);

    [Theory]
    [InlineData(2025, 1, "2025-01-02")]
    [InlineData(2025, 5, "2025-05-05")]
    [InlineData(2024, 9, "2024-09-04")]
    [InlineData(2026, 1, "2026-01-05")]
    [InlineData(2025, 2, "2025-02-03")]
    [InlineData(2024, 6, "2024-06-03")]
    [InlineData(2027, 2, "2027-02-01")]
    public void First_working_day_of_month_skips_weekends_and_holidays(int year, int month, string expected) =>
        Assert.Equal(D(expected), Calendar.FirstWorkingDayOfMonth(year, month));

    [Fact]
    public void Previous_and_next_working_days_step_over_Tet_2025()
    {
        Assert.Equal(D("2025-01-24"), Calendar.OnOrBeforeWorkingDay(D("2025-02-02")));
        Assert.Equal(D("2025-01-24"), Calendar.PreviousWorkingDay(D("2025-02-03")));
        Assert.Equal(D("2025-02-03"), Calendar.OnOrAfterWorkingDay(D("2025-01-25")));
        Assert.Equal(D("2025-02-03"), Calendar.NextWorkingDay(D("2025-01-24")));
        Assert.Equal(D("2025-02-03"), Calendar.OnOrBeforeWorkingDay(D("2025-02-03")));
        Assert.Equal(D("2025-02-03"), Calendar.OnOrAfterWorkingDay(D("2025-02-03")));
        Assert.Equal(D("2025-02-04"), Calendar.NextWorkingDay(D("2025-02-03")));
    }

    [Fact]
    public void Working_days_between_excludes_from_and_includes_to()
    {
        // Fri 22/11/2024 → Wed 27/11/2024: Mon 25, Tue 26, Wed 27.
        Assert.Equal(3, Calendar.WorkingDaysBetween(D("2024-11-22"), D("2024-11-27")));
        Assert.Equal(-3, Calendar.WorkingDaysBetween(D("2024-11-27"), D("2024-11-22")));
        Assert.Equal(0, Calendar.WorkingDaysBetween(D("2024-11-22"), D("2024-11-22")));
        Assert.Equal(0, Calendar.WorkingDaysBetween(D("2024-11-22"), D("2024-11-24")));
        // Fri 24/01/2025 → Mon 03/02/2025: Tết 2025 in between, so one working day.
        Assert.Equal(1, Calendar.WorkingDaysBetween(D("2025-01-24"), D("2025-02-03")));
        // The make-up Saturday 04/05/2024 counts.
        Assert.Equal(3, Calendar.WorkingDaysBetween(D("2024-04-26"), D("2024-05-04")));
    }

    [Fact]
    public void Working_days_between_agrees_with_counting_day_by_day()
    {
        var random = new Random(20241122);
        var origin = D("2023-11-01");
        for (var i = 0; i < 3000; i++)
        {
            var from = origin.AddDays(random.Next(0, 1600));
            var to = from.AddDays(random.Next(-90, 90));
            var (low, high, sign) = from <= to ? (from, to, 1) : (to, from, -1);
            var counted = 0;
            for (var d = low.AddDays(1); d <= high; d = d.AddDays(1))
            {
                counted += Calendar.IsWorkingDay(d) ? 1 : 0;
            }

            Assert.Equal(sign * counted, Calendar.WorkingDaysBetween(from, to));
        }
    }

    [Fact]
    public void Add_working_days_lands_on_working_days_and_inverts_working_days_between()
    {
        for (var start = D("2024-01-01"); start <= D("2027-12-31"); start = start.AddDays(3))
        {
            Assert.Equal(start, Calendar.AddWorkingDays(start, 0));
            foreach (var n in new[] { 1, 3, 6, 9 })
            {
                var forward = Calendar.AddWorkingDays(start, n);
                Assert.True(Calendar.IsWorkingDay(forward));
                Assert.Equal(n, Calendar.WorkingDaysBetween(start, forward));
                Assert.True(Calendar.WorkingDaysBetween(start, forward.AddDays(-1)) < n);

                var backward = Calendar.AddWorkingDays(start, -n);
                Assert.True(Calendar.IsWorkingDay(backward));
                Assert.True(backward < start);
                // (backward, start] holds the n - 1 working days strictly between them, plus start when it works.
                Assert.Equal(n - 1 + (Calendar.IsWorkingDay(start) ? 1 : 0), Calendar.WorkingDaysBetween(backward, start));
            }
        }
    }

    [Fact]
    public void Add_working_days_over_Tet_2025()
    {
        Assert.Equal(D("2025-02-03"), Calendar.AddWorkingDays(D("2025-01-24"), 1));
        Assert.Equal(D("2025-01-23"), Calendar.AddWorkingDays(D("2025-02-03"), -2));
    }

    [Fact]
    public void A_calendar_built_from_dates_uses_them()
    {
        var calendar = new WorkingCalendar([D("2030-01-01")], [D("2030-01-05")]);
        Assert.False(calendar.IsWorkingDay(D("2030-01-01")));
        Assert.True(calendar.IsWorkingDay(D("2030-01-05")));
        Assert.True(calendar.IsWorkingDay(D("2030-01-02")));
        Assert.False(calendar.IsWorkingDay(D("2030-01-06")));
    }
}
