using CchcBot.Reports;
using CchcBot.Storage;

namespace CchcBot.Cli;

/// <summary>
/// report --quarter YYYY-Qn | --half YYYY-H1 | --year YYYY --out &lt;file.docx|file.xlsx&gt; [--agency id] [--plan-year YYYY]:
/// the periodic report, as the Word document or the workbook (by the extension of --out), as of the period's cut-off, on
/// the stored plan of the period's year (or --plan-year; the only stored plan when there is one).
/// </summary>
public sealed class ReportCommand : ICliCommand
{
    public string Name => "report";

    public string Usage => "report --quarter YYYY-Qn | --half YYYY-H1 | --year YYYY --out <file.docx|file.xlsx> [--agency <id>] [--plan-year YYYY]";

    public CliOptionSpec Options { get; } = new(new HashSet<string> { "--quarter", "--half", "--year", "--out", "--agency", "--plan-year" }, new HashSet<string>());

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
        var planYear = args.GetYear("--plan-year");
        var years = await services.GetRequiredService<IPlanRepository>().YearsAsync(agency, ct);
        if (planYear is { } chosen && !years.Contains(chosen))
        {
            throw new CliFailureException($"No plan of {chosen} is stored for '{agency}' (stored: {Years(years)}).");
        }

        if (planYear is null && !years.Contains(period.Start.Year))
        {
            planYear = years.Count <= 1 ? null : throw new CliUsageException(
                $"No plan of {period.Start.Year} is stored for '{agency}' and several are (stored: {Years(years)}): give --plan-year YYYY.");
        }

        var content = await services.GetRequiredService<ReportService>().BuildAsync(agency, period, format, ct, planYear)
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
        var reported = planYear ?? (years.Contains(period.Start.Year) ? period.Start.Year : years.Count > 0 ? years[^1] : 0);
        await output.WriteLineAsync($"{kind} of {period.Label} ({period.Key}) for '{agency}', on the plan of {reported}, written to {outFile} ({content.Length} bytes).");
        return 0;
    }

    private static string Years(IReadOnlyList<int> years) => years.Count == 0 ? "none" : string.Join(", ", years);
}
