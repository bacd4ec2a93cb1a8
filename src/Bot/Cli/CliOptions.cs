using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace CchcBot.Cli;

/// <summary>
/// The options several commands share, with their checks: a malformed value is a usage error (exit 2) found while
/// parsing, before any storage is touched.
/// </summary>
internal static class CliOptions
{
    /// <summary>A year between 2000 and 2100 (<c>--year</c>, <c>--plan-year</c>).</summary>
    public static Option<int?> Year(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "YYYY",
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100)
            {
                return year;
            }

            result.AddError($"{name} must be a year between 2000 and 2100, not '{text}'.");
            return null;
        },
    };

    /// <summary>An ISO-8601 instant with its offset (<c>--at</c>), required.</summary>
    public static Option<DateTimeOffset> Instant(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "ISO-8601 instant",
        Required = true,
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) &&
                (text.Contains('Z', StringComparison.OrdinalIgnoreCase) || text.Contains('+', StringComparison.Ordinal) || text.LastIndexOf('-') > 9))
            {
                return at;
            }

            result.AddError($"{name} must be an ISO-8601 instant with an offset, e.g. 2026-11-27T16:00:00+07:00, not '{text}'.");
            return default;
        },
    };

    /// <summary>An agency's id (<c>--agency</c>).</summary>
    public static Option<string?> Agency(string description) => new("--agency") { Description = description, HelpName = "id" };

    /// <summary>A flag that stands alone: <c>--dry-run</c>, <c>--force</c>…</summary>
    public static Option<bool> Flag(string name, string description) => new(name) { Description = description, Arity = ArgumentArity.Zero };

    /// <summary>A value parsed by <paramref name="parse"/>; its <see cref="FormatException"/> is the usage error.</summary>
    public static Option<T?> Parsed<T>(string name, string helpName, string description, Func<string, T> parse)
        where T : class => new(name)
        {
            Description = description,
            HelpName = helpName,
            CustomParser = result =>
            {
                try
                {
                    return parse(result.Tokens[0].Value);
                }
                catch (FormatException e)
                {
                    result.AddError(e.Message);
                    return null;
                }
            },
        };

    /// <summary>Adds a usage error to the command when both options are given.</summary>
    public static void Exclusive(Command command, Option first, Option second, string message) =>
        command.Validators.Add(result =>
        {
            if (Given(result, first) && Given(result, second))
            {
                result.AddError(message);
            }
        });

    public static bool Given(CommandResult result, Option option) => result.GetResult(option) is { Implicit: false };
}
