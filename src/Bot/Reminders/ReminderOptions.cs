using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace CchcBot.Reminders;

/// <summary>
/// Settings of section "Reminders". Build it with <see cref="FromConfiguration"/>, not with the configuration
/// binder: the binder appends configured list items to the default lists instead of replacing them.
/// </summary>
public sealed class ReminderOptions
{
    public const string SectionName = "Reminders";
    public const string TimeFormat = "HH:mm";
    private const int MaxLeadDays = 60;

    private readonly List<string> bindingProblems = [];

    /// <summary>When false the host does not run the reminder sweep (the policy itself ignores it).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Calendar days before the due date on which the lead department's head is reminded (0 = on the due date).</summary>
    public IReadOnlyList<int> LeadDays { get; set; } = [7, 3, 1, 0];

    /// <summary>Calendar days before the due date on which cooperating departments' heads are reminded.</summary>
    public IReadOnlyList<int> CooperatingDays { get; set; } = [7, 1];

    /// <summary>Once overdue, the lead is reminded every this many working days (counted from the due date).</summary>
    public int OverdueEveryWorkingDays { get; set; } = 3;

    /// <summary>A milestone this many working days overdue goes into the Chief of Office's daily summary.</summary>
    public int EscalateAfterWorkingDaysOverdue { get; set; } = 3;

    /// <summary>Local time (Bot:TimeZone) from which a working day's reminders go out, "HH:mm".</summary>
    public string SendFrom { get; set; } = "08:00";

    public int SweepIntervalMinutes { get; set; } = 5;

    /// <summary>Optional path of an extra holiday file (format of Data/holidays.json) that extends the bundled holidays.</summary>
    public string? HolidaysFile { get; set; }

    /// <summary>How long an instance's claim on a reminder slot lasts before another instance may take it over.</summary>
    public int ClaimLeaseMinutes { get; set; } = 10;

    /// <summary><see cref="SendFrom"/> parsed. Call <see cref="Validate"/> first: this throws when it is not HH:mm.</summary>
    public TimeOnly SendFromTime => TimeOnly.ParseExact(SendFrom, TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads section "Reminders" of the app's configuration. Lists may be given as items
    /// (<c>Reminders:LeadDays:0=7</c>, env <c>Reminders__LeadDays__0=7</c>) or as one comma-separated value
    /// (<c>Reminders:LeadDays=7,3,1,0</c>). Values that do not parse are reported by <see cref="Validate"/>.
    /// </summary>
    public static ReminderOptions FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var options = new ReminderOptions();
        options.Enabled = options.ReadBool(section, nameof(Enabled), options.Enabled);
        options.LeadDays = options.ReadList(section, nameof(LeadDays), options.LeadDays);
        options.CooperatingDays = options.ReadList(section, nameof(CooperatingDays), options.CooperatingDays);
        options.OverdueEveryWorkingDays = options.ReadInt(section, nameof(OverdueEveryWorkingDays), options.OverdueEveryWorkingDays);
        options.EscalateAfterWorkingDaysOverdue = options.ReadInt(section, nameof(EscalateAfterWorkingDaysOverdue), options.EscalateAfterWorkingDaysOverdue);
        options.SendFrom = section[nameof(SendFrom)] ?? options.SendFrom;
        options.SweepIntervalMinutes = options.ReadInt(section, nameof(SweepIntervalMinutes), options.SweepIntervalMinutes);
        options.HolidaysFile = string.IsNullOrWhiteSpace(section[nameof(HolidaysFile)]) ? null : section[nameof(HolidaysFile)]!.Trim();
        options.ClaimLeaseMinutes = options.ReadInt(section, nameof(ClaimLeaseMinutes), options.ClaimLeaseMinutes);
        return options;
    }

    /// <summary>Every problem, each naming its setting; empty when the options are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>(bindingProblems);
        CheckDays(nameof(LeadDays), LeadDays, problems);
        CheckDays(nameof(CooperatingDays), CooperatingDays, problems);
        CheckRange(nameof(OverdueEveryWorkingDays), OverdueEveryWorkingDays, 1, MaxLeadDays, "working days", problems);
        CheckRange(nameof(EscalateAfterWorkingDaysOverdue), EscalateAfterWorkingDaysOverdue, 1, MaxLeadDays, "working days", problems);
        if (!TimeOnly.TryParseExact(SendFrom, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            problems.Add($"{SectionName}:{nameof(SendFrom)} must be HH:mm (24-hour local time, e.g. 08:00); got '{SendFrom}'.");
        }

        CheckRange(nameof(SweepIntervalMinutes), SweepIntervalMinutes, 1, 1440, "minutes", problems);
        CheckRange(nameof(ClaimLeaseMinutes), ClaimLeaseMinutes, 1, 1440, "minutes", problems);
        return problems;
    }

    private static void CheckDays(string name, IReadOnlyList<int> days, List<string> problems)
    {
        foreach (var day in days.Where(d => d is < 0 or > MaxLeadDays).Distinct())
        {
            problems.Add($"{SectionName}:{name} must list days before the due date from 0 to {MaxLeadDays}; got {day}.");
        }

        foreach (var day in days.GroupBy(d => d).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            problems.Add($"{SectionName}:{name} lists {day} more than once.");
        }
    }

    private static void CheckRange(string name, int value, int min, int max, string unit, List<string> problems)
    {
        if (value < min || value > max)
        {
            problems.Add($"{SectionName}:{name} must be from {min} to {max} {unit}; got {value}.");
        }
    }

    private bool ReadBool(IConfigurationSection section, string name, bool fallback)
    {
        var text = section[name];
        if (text is null)
        {
            return fallback;
        }

        if (bool.TryParse(text.Trim(), out var value))
        {
            return value;
        }

        bindingProblems.Add($"{SectionName}:{name} must be true or false; got '{text}'.");
        return fallback;
    }

    private int ReadInt(IConfigurationSection section, string name, int fallback)
    {
        var text = section[name];
        if (text is null)
        {
            return fallback;
        }

        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        bindingProblems.Add($"{SectionName}:{name} must be a whole number; got '{text}'.");
        return fallback;
    }

    private List<int> ReadList(IConfigurationSection section, string name, IReadOnlyList<int> fallback)
    {
        var list = section.GetSection(name);
        var items = list.Value is { } joined
            ? joined.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : list.GetChildren()
                .OrderBy(c => int.TryParse(c.Key, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue)
                .Select(c => c.Value ?? string.Empty)
                .ToArray();
        if (list.Value is null && items.Length == 0)
        {
            return [.. fallback];
        }

        var values = new List<int>();
        foreach (var item in items)
        {
            if (int.TryParse(item.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                values.Add(value);
            }
            else
            {
                bindingProblems.Add($"{SectionName}:{name} must list whole numbers of days; got '{item}'.");
            }
        }

        return values;
    }
}
