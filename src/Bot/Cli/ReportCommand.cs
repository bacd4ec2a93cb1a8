using System.CommandLine;
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
    private readonly Option<ReportPeriod?> _quarter = CliOptions.Parsed("--quarter", "YYYY-Qn", "The quarterly report of that quarter (Q1–Q4).", ReportPeriod.ParseQuarter);
    private readonly Option<ReportPeriod?> _half = CliOptions.Parsed("--half", "YYYY-H1", "The 6-month report (in place of Q2).", ReportPeriod.ParseHalf);
    private readonly Option<ReportPeriod?> _year = CliOptions.Parsed("--year", "YYYY", "The yearly report (in place of Q4).", ReportPeriod.ParseYear);

    private readonly Option<string> _out = new("--out")
    {
        Description = "The file to write: .docx for the Word report, .xlsx for the workbook.",
        HelpName = "file.docx|file.xlsx",
        Required = true,
    };

    private readonly Option<string?> _agency = CliOptions.Agency("Whose report (needed when several agencies are stored).");
    private readonly Option<int?> _planYear = CliOptions.Year("--plan-year", "The stored plan to report on, when the period's year has none and several are stored.");

    public ReportCommand()
    {
        Definition = new Command("report", "Writes the periodic report (exactly one of --quarter, --half, --year) as of the period's cut-off, on the stored plan of the period's year (or --plan-year).")
        {
            _quarter,
            _half,
            _year,
            _out,
            _agency,
            _planYear,
        };
        _out.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && ReportService.FormatOf(result.Tokens[0].Value) is null)
            {
                result.AddError($"--out must name a .docx (Word document) or .xlsx (workbook) file, not '{result.Tokens[0].Value}'.");
            }
        });
        Definition.Validators.Add(result =>
        {
            if (new[] { _quarter, _half, _year }.Count(o => CliOptions.Given(result, o)) != 1)
            {
                result.AddError("Give exactly one of --quarter YYYY-Qn, --half YYYY-H1 or --year YYYY.");
            }
        });
    }

    public Command Definition { get; }

    public async Task<int> RunAsync(ParseResult parsed, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var outFile = parsed.GetRequiredValue(_out);
        var format = ReportService.FormatOf(outFile)!.Value;
        var period = parsed.GetValue(_quarter) ?? parsed.GetValue(_half) ?? parsed.GetValue(_year)!;

        var agencies = await services.GetRequiredService<IPlanRepository>().AgenciesAsync(ct);
        var agency = parsed.GetValue(_agency) ?? (agencies.Count == 1 ? agencies[0]
            : throw new CliUsageException(agencies.Count == 0 ? "No plan is stored: import one first." : $"Several agencies are stored ({string.Join(", ", agencies)}): give --agency."));
        var planYear = parsed.GetValue(_planYear);
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
        await CliFiles.WriteAtomicallyAsync(outFile, content, $"Cannot write '{outFile}'", ct);

        var kind = format == ReportFormat.Document ? "Word report" : "Report workbook";
        var reported = planYear ?? (years.Contains(period.Start.Year) ? period.Start.Year : years.Count > 0 ? years[^1] : 0);
        await output.WriteLineAsync($"{kind} of {period.Label} ({period.Key}) for '{agency}', on the plan of {reported}, written to {outFile} ({content.Length} bytes).");
        return CliExitCodes.Ok;
    }

    private static string Years(IReadOnlyList<int> years) => years.Count == 0 ? "none" : string.Join(", ", years);
}
