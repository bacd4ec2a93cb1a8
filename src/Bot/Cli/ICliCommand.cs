namespace CchcBot.Cli;

/// <summary>One operator sub-command.</summary>
public interface ICliCommand
{
    string Name { get; }

    string Usage { get; }

    CliOptionSpec Options { get; }

    int Positionals { get; }

    /// <returns>The process exit code.</returns>
    Task<int> RunAsync(CliArguments args, IServiceProvider services, TextWriter output, CancellationToken ct);
}
