using System.CommandLine;

namespace CchcBot.Cli;

/// <summary>One operator sub-command: how the parser knows it (name, arguments, options, the text of its --help) and
/// what it does.</summary>
public interface ICliCommand
{
    /// <summary>The sub-command for System.CommandLine, without an action (<see cref="CliApp"/> gives it one).</summary>
    Command Definition { get; }

    /// <summary>Runs the command on a command line already parsed without errors; <paramref name="ct"/> is cancelled by
    /// Ctrl+C.</summary>
    /// <returns>The process exit code (<see cref="CliExitCodes"/>).</returns>
    Task<int> RunAsync(ParseResult parsed, IServiceProvider services, TextWriter output, CancellationToken ct);
}
