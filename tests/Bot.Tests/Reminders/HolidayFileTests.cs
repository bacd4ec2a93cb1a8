using CchcBot.Plan;

namespace CchcBot.Bot.Tests.Reminders;

public sealed class HolidayFileTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("cchc-holidays-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private string Write(string json)
    {
        var path = Path.Combine(directory, $"extra-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void An_extra_file_adds_holidays_to_the_bundled_ones()
    {
        var path = Write("""
            { "holidays": [ { "date": "2026-11-24", "name": "Ngày Văn hóa Việt Nam", "source": "ví dụ" } ] }
            """);

        var calendar = WorkingCalendar.Load(path);

        Assert.False(calendar.IsWorkingDay(D("2026-11-24")));
        Assert.Equal("Ngày Văn hóa Việt Nam", calendar.HolidayName(D("2026-11-24")));
        Assert.False(calendar.IsWorkingDay(D("2025-01-29")));
        Assert.True(WorkingCalendar.Load().IsWorkingDay(D("2026-11-24")));
    }

    [Fact]
    public void An_extra_file_can_correct_an_estimated_day_back_to_a_working_day_and_add_a_make_up_Saturday()
    {
        var path = Write("""
            {
              "holidays": [ { "date": "2027-02-03", "name": "Tết Nguyên đán Đinh Mùi" } ],
              "workingDays": [
                { "date": "2027-02-10", "name": "Đi làm (thông báo chính thức)" },
                { "date": "2027-02-20", "name": "Làm bù" }
              ]
            }
            """);

        var calendar = WorkingCalendar.Load(path);

        Assert.False(calendar.IsWorkingDay(D("2027-02-03")));
        Assert.True(calendar.IsWorkingDay(D("2027-02-10")));
        Assert.True(calendar.IsWorkingDay(D("2027-02-20")));
        Assert.Equal(1, calendar.WorkingDaysBetween(D("2027-02-19"), D("2027-02-20")));
    }

    [Fact]
    public void A_blank_extra_path_means_the_bundled_data_only() =>
        Assert.Equal(WorkingCalendar.Load().Holidays.Count, WorkingCalendar.Load("  ").Holidays.Count);

    [Fact]
    public void A_missing_extra_file_is_reported_with_its_path()
    {
        var path = Path.Combine(directory, "khong-co.json");
        var error = Assert.Throws<HolidayFileException>(() => WorkingCalendar.Load(path));
        Assert.Equal($"Holiday file '{path}': the file does not exist.", error.Message);
        Assert.Equal(path, error.File);
    }

    [Theory]
    [InlineData("{ \"holidays\": [ ", "not valid JSON")]
    [InlineData("[]", "the top level must be a JSON object")]
    [InlineData("{ \"ngayNghi\": [] }", "neither a \"holidays\" nor a \"workingDays\" array")]
    [InlineData("{ \"holidays\": {} }", "\"holidays\" must be an array")]
    [InlineData("{ \"holidays\": [ \"2026-11-24\" ] }", "holidays[0] must be an object")]
    [InlineData("{ \"holidays\": [ { \"name\": \"X\" } ] }", "holidays[0] has no \"date\" string")]
    [InlineData("{ \"holidays\": [ { \"date\": \"2026-11-24\", \"name\": \"X\" }, { \"date\": \"2026-02-30\", \"name\": \"X\" } ] }", "holidays[1].date \"2026-02-30\" is not a date in the form yyyy-MM-dd")]
    [InlineData("{ \"holidays\": [ { \"date\": \"24/11/2026\", \"name\": \"X\" } ] }", "holidays[0].date \"24/11/2026\" is not a date in the form yyyy-MM-dd")]
    [InlineData("{ \"workingDays\": [ { \"date\": \"2026-11-28\" } ] }", "workingDays[0] (2026-11-28) has no \"name\"")]
    [InlineData("{ \"holidays\": [ { \"date\": \"2026-11-24\", \"name\": \"X\" }, { \"date\": \"2026-11-24\", \"name\": \"Y\" } ] }", "2026-11-24 is listed twice in \"holidays\"")]
    [InlineData("{ \"holidays\": [ { \"date\": \"2026-11-24\", \"name\": \"X\" } ], \"workingDays\": [ { \"date\": \"2026-11-24\", \"name\": \"Y\" } ] }", "2026-11-24 is listed both in \"holidays\" and in \"workingDays\"")]
    public void A_bad_extra_file_is_reported_with_its_path_and_the_problem(string json, string problem)
    {
        var path = Write(json);
        var error = Assert.Throws<HolidayFileException>(() => WorkingCalendar.Load(path));
        Assert.StartsWith($"Holiday file '{path}': ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_bundled_data_is_embedded_and_covers_2024_to_2027()
    {
        var file = WorkingCalendar.ReadEmbedded();
        Assert.Equal(WorkingCalendar.EmbeddedResourceName, file.Source);
        Assert.Equal([2024, 2025, 2026, 2027], file.Holidays.Keys.Select(d => d.Year).Distinct().Order());
        Assert.All(file.Holidays.Keys, d => Assert.True(d.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday, $"{d} is a weekend day"));
        Assert.All(file.WorkingDays.Keys, d => Assert.Equal(DayOfWeek.Saturday, d.DayOfWeek));
    }
}
