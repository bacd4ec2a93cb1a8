namespace CchcBot.Cli;

/// <summary>Positional arguments and "--name value" / "--flag" options of one sub-command.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string?> _options;

    private CliArguments(IReadOnlyList<string> positionals, Dictionary<string, string?> options)
    {
        Positionals = positionals;
        _options = options;
    }

    public IReadOnlyList<string> Positionals { get; }

    public bool Has(string option) => _options.ContainsKey(option);

    public string? Get(string option) => _options.GetValueOrDefault(option);

    public int? GetYear(string option = "--year")
    {
        var text = Get(option);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, out var year) && year is >= 2000 and <= 2100
            ? year
            : throw new CliUsageException($"{option} must be a year between 2000 and 2100, not '{text}'.");
    }

    public DateTimeOffset GetInstant(string option)
    {
        var text = Get(option) ?? throw new CliUsageException($"{option} <ISO-8601 instant> is required.");
        return DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var at)
            && (text.Contains('Z', StringComparison.OrdinalIgnoreCase) || text.Contains('+', StringComparison.Ordinal) || text.LastIndexOf('-') > 9)
            ? at
            : throw new CliUsageException($"{option} must be an ISO-8601 instant with an offset, e.g. 2026-11-27T16:00:00+07:00, not '{text}'.");
    }

    /// <param name="valued">Options that take a value.</param>
    /// <param name="flags">Options that stand alone.</param>
    public static CliArguments Parse(string[] args, CliOptionSpec spec, int positionals)
    {
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                rest.Add(arg);
                continue;
            }

            if (spec.Flags.Contains(arg))
            {
                options[arg] = null;
            }
            else if (spec.Valued.Contains(arg))
            {
                if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new CliUsageException($"{arg} needs a value.");
                }

                options[arg] = args[++i];
            }
            else
            {
                throw new CliUsageException($"Unknown option '{arg}'.");
            }
        }

        if (rest.Count != positionals)
        {
            throw new CliUsageException(positionals == 0
                ? $"Unexpected argument '{rest[0]}'."
                : $"Expected {positionals} argument(s), got {rest.Count}.");
        }

        return new CliArguments(rest, options);
    }
}

public sealed record CliOptionSpec(IReadOnlySet<string> Valued, IReadOnlySet<string> Flags)
{
    public static readonly CliOptionSpec None = new(new HashSet<string>(), new HashSet<string>());
}

/// <summary>The command line is wrong: exit code 2 with the usage.</summary>
public sealed class CliUsageException(string message) : Exception(message);

/// <summary>The task failed (invalid file, storage down…): exit code 1 with the message.</summary>
public sealed class CliFailureException(string message) : Exception(message);
