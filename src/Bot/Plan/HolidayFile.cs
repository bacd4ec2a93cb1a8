using System.Globalization;
using System.Text.Json;

namespace CchcBot.Plan;

/// <summary>One holiday data file (the bundled <c>Data/holidays.json</c> or an operator's extra file), parsed.</summary>
/// <param name="Source">What to call the file in error messages: its path, or the embedded resource name.</param>
/// <param name="Holidays">Dates on which offices are closed, with their names.</param>
/// <param name="WorkingDays">Dates that are working days even on a weekend or in an earlier file's holidays (làm bù).</param>
public sealed record HolidayFile(
    string Source,
    IReadOnlyDictionary<DateOnly, string> Holidays,
    IReadOnlyDictionary<DateOnly, string> WorkingDays)
{
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>Reads and parses a file from disk.</summary>
    /// <exception cref="HolidayFileException">The file is missing, unreadable or not in the holiday format.</exception>
    public static HolidayFile Read(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var problem = e is FileNotFoundException or DirectoryNotFoundException
                ? "the file does not exist"
                : $"the file cannot be read ({e.Message})";
            throw new HolidayFileException(path, problem, e);
        }

        return Parse(json, path);
    }

    /// <summary>
    /// Parses the holiday format: a JSON object with "holidays" and/or "workingDays", each an array of
    /// <c>{ "date": "yyyy-MM-dd", "name": "…" }</c> (other properties such as "status", "source", "note" are documentation).
    /// </summary>
    /// <exception cref="HolidayFileException">The text is not in the holiday format; the message says where.</exception>
    public static HolidayFile Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new HolidayFileException(source, $"not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new HolidayFileException(source, "the top level must be a JSON object with \"holidays\" and/or \"workingDays\" arrays");
            }

            var hasHolidays = root.TryGetProperty("holidays", out var holidaysElement);
            var hasWorkingDays = root.TryGetProperty("workingDays", out var workingDaysElement);
            if (!hasHolidays && !hasWorkingDays)
            {
                throw new HolidayFileException(source, "it has neither a \"holidays\" nor a \"workingDays\" array");
            }

            var holidays = hasHolidays ? ReadDates(holidaysElement, "holidays", source) : new Dictionary<DateOnly, string>();
            var workingDays = hasWorkingDays ? ReadDates(workingDaysElement, "workingDays", source) : new Dictionary<DateOnly, string>();
            foreach (var clash in holidays.Keys.Where(workingDays.ContainsKey).Order().Take(1))
            {
                throw new HolidayFileException(source, $"{clash.ToString(DateFormat, CultureInfo.InvariantCulture)} is listed both in \"holidays\" and in \"workingDays\"");
            }

            return new HolidayFile(source, holidays, workingDays);
        }
    }

    private static Dictionary<DateOnly, string> ReadDates(JsonElement array, string property, string source)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new HolidayFileException(source, $"\"{property}\" must be an array");
        }

        var dates = new Dictionary<DateOnly, string>();
        var index = 0;
        foreach (var entry in array.EnumerateArray())
        {
            var place = $"{property}[{index}]";
            if (entry.ValueKind != JsonValueKind.Object)
            {
                throw new HolidayFileException(source, $"{place} must be an object like {{ \"date\": \"2026-09-02\", \"name\": \"Quốc khánh\" }}");
            }

            if (!entry.TryGetProperty("date", out var dateElement) || dateElement.ValueKind != JsonValueKind.String)
            {
                throw new HolidayFileException(source, $"{place} has no \"date\" string");
            }

            var text = dateElement.GetString()!;
            if (!DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new HolidayFileException(source, $"{place}.date \"{text}\" is not a date in the form {DateFormat}");
            }

            if (!entry.TryGetProperty("name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String ||
                string.IsNullOrWhiteSpace(nameElement.GetString()))
            {
                throw new HolidayFileException(source, $"{place} ({text}) has no \"name\"");
            }

            if (!dates.TryAdd(date, nameElement.GetString()!.Trim()))
            {
                throw new HolidayFileException(source, $"{place}: {text} is listed twice in \"{property}\"");
            }

            index++;
        }

        return dates;
    }
}

/// <summary>A holiday data file that cannot be used. The message names the file and the problem.</summary>
public sealed class HolidayFileException : Exception
{
    public HolidayFileException(string file, string problem, Exception? inner = null)
        : base($"Holiday file '{file}': {problem}.", inner)
    {
        File = file;
        Problem = problem;
    }

    public HolidayFileException()
    {
        File = string.Empty;
        Problem = string.Empty;
    }

    public HolidayFileException(string message)
        : base(message)
    {
        File = string.Empty;
        Problem = message;
    }

    public HolidayFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = string.Empty;
        Problem = message;
    }

    public string File { get; }

    public string Problem { get; }
}
