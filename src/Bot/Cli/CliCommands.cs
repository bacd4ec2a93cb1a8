namespace CchcBot.Cli;

public static class CliCommands
{
    /// <summary>Every sub-command, new for each run (the parser's symbols belong to one command tree).</summary>
    public static IReadOnlyList<ICliCommand> Create() =>
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
