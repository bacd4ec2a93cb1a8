using System.CommandLine;
using System.Text;
using CchcBot.Hosting;
using CchcBot.Plan.Files;

namespace CchcBot.Cli;

/// <summary>seed [--year YYYY]: the sample directory and the bundled 2024 plan, moved to the current year. Idempotent.</summary>
public sealed class SeedCommand : ICliCommand
{
    private readonly Option<int?> _year = CliOptions.Year("--year", "The plan's year (default: the current year); every date is re-based to it.");

    public SeedCommand() =>
        Definition = new Command("seed", "Stores the sample directory and the bundled 2024 plan, re-based to the current year unless --year. Idempotent.")
        {
            _year,
        };

    public Command Definition { get; }

    public async Task<int> RunAsync(ParseResult parsed, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var year = parsed.GetValue(_year) ?? services.GetRequiredService<BotClock>().Today.Year;
        await output.WriteLineAsync(await DirectoryCommand.LoadAsync(services, Encoding.UTF8.GetBytes(BundledData.DirectoryJson), movePeople: false, ct));
        await output.WriteLineAsync(await ImportCommand.ImportAsync(services, Encoding.UTF8.GetBytes(BundledData.PlanJson), year, ct));
        return CliExitCodes.Ok;
    }
}
