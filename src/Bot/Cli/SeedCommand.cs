using System.Text;
using CchcBot.Hosting;
using CchcBot.Plan.Files;

namespace CchcBot.Cli;

/// <summary>seed [--year YYYY]: the sample directory and the bundled 2024 plan, moved to the current year. Idempotent.</summary>
public sealed class SeedCommand : ICliCommand
{
    public string Name => "seed";

    public string Usage => "seed [--year YYYY]";

    public CliOptionSpec Options { get; } = new(new HashSet<string> { "--year" }, new HashSet<string>());

    public int Positionals => 0;

    public async Task<int> RunAsync(CliArguments args, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var year = args.GetYear() ?? services.GetRequiredService<BotClock>().Today.Year;
        await output.WriteLineAsync(await DirectoryCommand.LoadAsync(services, Encoding.UTF8.GetBytes(BundledData.DirectoryJson), movePeople: false, ct));
        await output.WriteLineAsync(await ImportCommand.ImportAsync(services, Encoding.UTF8.GetBytes(BundledData.PlanJson), year, ct));
        return 0;
    }
}
