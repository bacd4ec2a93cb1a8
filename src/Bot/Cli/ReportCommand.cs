using CchcBot.Reports;
using CchcBot.Storage;

namespace CchcBot.Cli;

/// <summary>
/// report --quarter YYYY-Qn | --half YYYY-H1 | --year YYYY --out &lt;file.docx|file.xlsx&gt; [--agency id]: the periodic
/// report, as the Word document or the workbook (by the extension of --out), as of the period's cut-off.
/// </summary>
public sealed class ReportCommand : ICliCommand
{
    public string Name => "report";

    public string Usage => "report --quarter YYYY-Qn | --half YYYY-H1 | --year YYYY --out <file.docx|file.xlsx> [--agency <id>]";

    public CliOptionSpec Options { get; } = new(new HashSet<string> { "--quarter", "--half", "--year", "--out", "--agency" }, new HashSet<string>());

    public int Positionals => 0;

    public async Task<int> RunAsync(CliArguments args, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var outFile = args.Get("--out") ?? throw new CliUsageException("--out <file.docx|file.xlsx> is required.");
        var format = ReportService.FormatOf(outFile)
            ?? throw new CliUsageException($"--out must name a .docx (Word document) or .xlsx (workbook) file, not '{outFile}'.");
        ReportPeriod period;
        try
        {
            period = (args.Get("--quarter"), args.Get("--half"), args.Get("--year")) switch
            {
                ({ } quarter, null, null) => ReportPeriod.ParseQuarter(quarter),
                (null, { } half, null) => ReportPeriod.ParseHalf(half),
                (null, null, { } year) => ReportPeriod.ParseYear(year),
                _ => throw new CliUsageException("Give exactly one of --quarter YYYY-Qn, --half YYYY-H1 or --year YYYY."),
            };
        }
        catch (FormatException e)
        {
            throw new CliUsageException(e.Message);
        }

        var agencies = await services.GetRequiredService<IPlanRepository>().AgenciesAsync(ct);
        var agency = args.Get("--agency") ?? (agencies.Count == 1 ? agencies[0]
            : throw new CliUsageException(agencies.Count == 0 ? "No plan is stored: import one first." : $"Several agencies are stored ({string.Join(", ", agencies)}): give --agency."));
        var content = await services.GetRequiredService<ReportService>().BuildAsync(agency, period, format, ct)
            ?? throw new CliFailureException($"Agency '{agency}' has no plan or no directory.");
        try
        {
            await File.WriteAllBytesAsync(outFile, content, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DirectoryNotFoundException)
        {
            throw new CliFailureException($"Cannot write '{outFile}': {e.Message}");
        }

        var kind = format == ReportFormat.Document ? "Word report" : "Report workbook";
        await output.WriteLineAsync($"{kind} of {period.Label} ({period.Key}) for '{agency}' written to {outFile} ({content.Length} bytes).");
        return 0;
    }
}
