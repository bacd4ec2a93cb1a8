using CchcBot.Reports;
using CchcBot.Storage;

namespace CchcBot.Cli;

/// <summary>report --quarter YYYY-Qn | --year YYYY --out &lt;file.xlsx&gt; [--agency id]: the periodic report workbook.</summary>
public sealed class ReportCommand : ICliCommand
{
    public string Name => "report";

    public string Usage => "report --quarter YYYY-Qn --out <file.xlsx> [--year YYYY instead of --quarter] [--agency <id>]";

    public CliOptionSpec Options { get; } = new(new HashSet<string> { "--quarter", "--year", "--out", "--agency" }, new HashSet<string>());

    public int Positionals => 0;

    public async Task<int> RunAsync(CliArguments args, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var outFile = args.Get("--out") ?? throw new CliUsageException("--out <file.xlsx> is required.");
        ReportPeriod period;
        try
        {
            period = (args.Get("--quarter"), args.Get("--year")) switch
            {
                ({ } quarter, null) => ReportPeriod.ParseQuarter(quarter),
                (null, { } year) => ReportPeriod.ParseYear(year),
                _ => throw new CliUsageException("Give one of --quarter YYYY-Qn or --year YYYY."),
            };
        }
        catch (FormatException e)
        {
            throw new CliUsageException(e.Message);
        }

        var agencies = await services.GetRequiredService<IPlanRepository>().AgenciesAsync(ct);
        var agency = args.Get("--agency") ?? (agencies.Count == 1 ? agencies[0]
            : throw new CliUsageException(agencies.Count == 0 ? "No plan is stored: import one first." : $"Several agencies are stored ({string.Join(", ", agencies)}): give --agency."));
        var content = await services.GetRequiredService<ReportService>().BuildAsync(agency, period, ct)
            ?? throw new CliFailureException($"Agency '{agency}' has no plan or no directory.");
        try
        {
            await File.WriteAllBytesAsync(outFile, content, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DirectoryNotFoundException)
        {
            throw new CliFailureException($"Cannot write '{outFile}': {e.Message}");
        }

        await output.WriteLineAsync($"Report of {period.Label} for '{agency}' written to {outFile} ({content.Length} bytes).");
        return 0;
    }
}
