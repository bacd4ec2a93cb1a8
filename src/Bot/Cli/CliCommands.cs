namespace CchcBot.Cli;

public static class CliCommands
{
    public static readonly IReadOnlyList<ICliCommand> All =
    [
        new ImportCommand(),
        new DirectoryCommand(),
        new SeedCommand(),
        new RemindCommand(),
        new DigestCliCommand(),
        new ReportCommand(),
        new PlanHistoryCommand(),
    ];
}
