namespace CchcBot.Plan;

/// <summary>
/// Working days of a Vietnamese state office: Monday–Friday, minus holidays (nghỉ lễ, nghỉ bù, nghỉ hoán đổi),
/// plus make-up working days (làm bù). Immutable and thread-safe. Outside the years in the data only weekends count.
/// </summary>
public sealed class WorkingCalendar
{
    /// <summary>Manifest name of the bundled <c>Data/holidays.json</c>.</summary>
    public const string EmbeddedResourceName = "CchcBot.Data.holidays.json";

    private readonly Dictionary<DateOnly, string> holidays;
    private readonly Dictionary<DateOnly, string> workingDays;

    // Sorted, for counting in O(log n): holidays that fall Monday–Friday and working days that fall on a weekend.
    private readonly DateOnly[] closedWeekdays;
    private readonly DateOnly[] openWeekendDays;

    /// <summary>Builds a calendar from explicit dates (later sources win; a date in both lists is a working day).</summary>
    public WorkingCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly>? workingDays = null)
        : this([new HolidayFile(
            "code",
            holidays.Distinct().ToDictionary(d => d, _ => "Ngày nghỉ"),
            (workingDays ?? []).Distinct().ToDictionary(d => d, _ => "Ngày làm bù"))])
    {
    }

    /// <summary>Merges holiday files in order: an entry of a later file overrides an earlier file's entry for the same date.</summary>
    public WorkingCalendar(IEnumerable<HolidayFile> files)
    {
        holidays = [];
        workingDays = [];
        foreach (var file in files)
        {
            foreach (var (date, name) in file.Holidays)
            {
                workingDays.Remove(date);
                holidays[date] = name;
            }

            foreach (var (date, name) in file.WorkingDays)
            {
                holidays.Remove(date);
                workingDays[date] = name;
            }
        }

        closedWeekdays = holidays.Keys.Where(d => !IsWeekend(d)).Order().ToArray();
        openWeekendDays = workingDays.Keys.Where(IsWeekend).Order().ToArray();
    }

    /// <summary>
    /// The bundled Vietnamese holidays (2024–2027), extended by <paramref name="extraFile"/> when given
    /// (setting <c>Reminders:HolidaysFile</c>; same format, its entries win).
    /// </summary>
    /// <exception cref="HolidayFileException">The extra file (or, for a broken build, the bundled data) is not usable.</exception>
    public static WorkingCalendar Load(string? extraFile = null)
    {
        var files = new List<HolidayFile> { ReadEmbedded() };
        if (!string.IsNullOrWhiteSpace(extraFile))
        {
            files.Add(HolidayFile.Read(extraFile));
        }

        return new WorkingCalendar(files);
    }

    /// <summary>The bundled holiday data as parsed from the assembly's embedded resource.</summary>
    public static HolidayFile ReadEmbedded()
    {
        using var stream = typeof(WorkingCalendar).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new HolidayFileException(EmbeddedResourceName, "the embedded resource is missing from the bot assembly");
        using var reader = new StreamReader(stream);
        return HolidayFile.Parse(reader.ReadToEnd(), EmbeddedResourceName);
    }

    /// <summary>Holidays known to this calendar, with names (dates that are working days are not in it).</summary>
    public IReadOnlyDictionary<DateOnly, string> Holidays => holidays;

    public bool IsWorkingDay(DateOnly date) =>
        IsWeekend(date) ? workingDays.ContainsKey(date) : !holidays.ContainsKey(date);

    /// <summary>The holiday's name when <paramref name="date"/> is a listed holiday; null otherwise (weekends included).</summary>
    public string? HolidayName(DateOnly date) => holidays.GetValueOrDefault(date);

    /// <summary><paramref name="date"/> itself when it is a working day, otherwise the closest working day before it.</summary>
    public DateOnly OnOrBeforeWorkingDay(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(-1);
        }

        return date;
    }

    /// <summary><paramref name="date"/> itself when it is a working day, otherwise the closest working day after it.</summary>
    public DateOnly OnOrAfterWorkingDay(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>The closest working day strictly before <paramref name="date"/>.</summary>
    public DateOnly PreviousWorkingDay(DateOnly date) => OnOrBeforeWorkingDay(date.AddDays(-1));

    /// <summary>The closest working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date) => OnOrAfterWorkingDay(date.AddDays(1));

    /// <summary>
    /// The number of working days d with <paramref name="from"/> &lt; d ≤ <paramref name="to"/> (from excluded, to
    /// included), so "how many working days after the due date is today". Negative when <paramref name="to"/> is
    /// before <paramref name="from"/>: <c>WorkingDaysBetween(a, b) == -WorkingDaysBetween(b, a)</c>.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to) => Ordinal(to) - Ordinal(from);

    /// <summary>
    /// The <paramref name="count"/>-th working day strictly after <paramref name="start"/> (strictly before when
    /// negative); <paramref name="start"/> itself when 0. For count &gt; 0, <c>WorkingDaysBetween(start, result) == count</c>.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int count)
    {
        var date = start;
        for (var i = 0; i < count; i++)
        {
            date = NextWorkingDay(date);
        }

        for (var i = 0; i > count; i--)
        {
            date = PreviousWorkingDay(date);
        }

        return date;
    }

    public DateOnly FirstWorkingDayOfMonth(int year, int month) => OnOrAfterWorkingDay(new DateOnly(year, month, 1));

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>Working days in (0001-01-01 − 1 day, date]: weekdays, minus closed weekdays, plus open weekend days.</summary>
    private int Ordinal(DateOnly date)
    {
        // DayNumber 0 (0001-01-01) is a Monday, so day numbers 0–4 of every week are Monday–Friday.
        var days = date.DayNumber + 1;
        var weekdays = (days / 7 * 5) + Math.Min(days % 7, 5);
        return weekdays - CountOnOrBefore(closedWeekdays, date) + CountOnOrBefore(openWeekendDays, date);
    }

    private static int CountOnOrBefore(DateOnly[] sorted, DateOnly date)
    {
        var index = Array.BinarySearch(sorted, date);
        return index >= 0 ? index + 1 : ~index;
    }
}
