using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using CchcBot.Hosting;
using CchcBot.Storage;

namespace CchcBot.Cli;

/// <summary>
/// One executable: no arguments (or only the web host's own <c>--options</c>) runs the web host; a sub-command runs one
/// operator task on System.CommandLine, prints a short summary, and exits with a <see cref="CliExitCodes"/> code:
/// 0 done, 1 the task failed, 2 bad usage or settings, 130 cancelled (Ctrl+C).
/// </summary>
public static class CliApp
{
    public const string Executable = "CchcBot";

    /// <summary>How long a cancelled command may take to stop before the process exits anyway (with 130).</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private static readonly string[] HelpTokens = ["--help", "-h", "-?"];

    /// <param name="cancellation">A caller's token (tests): cancels the command as Ctrl+C does. Without one, Ctrl+C
    /// (SIGINT) and SIGTERM cancel the running command.</param>
    public static async Task<int> RunAsync(
        string[] args, TextWriter? output = null, TextWriter? error = null, Action<IHostApplicationBuilder>? configure = null, CancellationToken cancellation = default)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        if (RunsWebHost(args))
        {
            try
            {
                var app = BotWebApp.Create(args);
                await app.RunAsync();
                return CliExitCodes.Ok;
            }
            catch (SettingsException e)
            {
                await error.WriteLineAsync(e.Message);
                return CliExitCodes.Usage;
            }
            catch (Exception e) when (StorageOutage.Is(e) || e is Azure.RequestFailedException)
            {
                await error.WriteLineAsync(DescribeFailure(e));
                return CliExitCodes.Failed;
            }
        }

        // Operator messages are English whatever the machine's language (System.CommandLine's own are localised).
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        var root = BuildRoot(output, error, configure);
        var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Action is not HelpAction && parsed.Errors.Count > 0)
        {
            if (parsed.CommandResult.Command == root)
            {
                await error.WriteLineAsync($"Unknown command '{args[0]}'. The commands: {string.Join(", ", root.Subcommands.Select(c => c.Name))}.");
            }
            else
            {
                foreach (var message in parsed.Errors.Select(e => e.Message).Distinct())
                {
                    await error.WriteLineAsync(message);
                }
            }

            await error.WriteLineAsync(HelpHint(parsed.CommandResult.Command));
            return CliExitCodes.Usage;
        }

        return await parsed.InvokeAsync(
            new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = cancellation.CanBeCanceled ? null : StopTimeout,
            },
            cancellation);
    }

    /// <summary>
    /// The web host's command lines, as before System.CommandLine: none at all (scripts/run-local.sh, App Service), or
    /// starting with an option (<c>--urls …</c>, <c>--environment …</c>) other than help. Anything else is a sub-command.
    /// </summary>
    public static bool RunsWebHost(string[] args) =>
        args.Length == 0 || (args[0].StartsWith("--", StringComparison.Ordinal) && !HelpTokens.Contains(args[0], StringComparer.Ordinal));

    /// <summary>The command tree: every sub-command of <see cref="CliCommands"/>, each run by <see cref="RunCommandAsync"/>.</summary>
    public static Command BuildRoot(TextWriter output, TextWriter error, Action<IHostApplicationBuilder>? configure)
    {
        var root = new Command(
            Executable,
            "The CCHC plan bot. With no command (or only the web host's own options, e.g. --urls), it runs the bot's web host. " +
            "Exit codes: 0 done, 1 the task failed, 2 bad usage or invalid settings, 130 cancelled (Ctrl+C).")
        {
            new HelpOption { Recursive = true },
        };
        foreach (var command in CliCommands.Create())
        {
            var definition = command.Definition;
            definition.SetAction((parsed, ct) => RunCommandAsync(command, parsed, output, error, configure, ct));
            root.Subcommands.Add(definition);
        }

        return root;
    }

    /// <summary>Builds the services (settings, storage) and runs the command; every way it can end is an exit code and a
    /// message, never an unhandled exception.</summary>
    private static async Task<int> RunCommandAsync(
        ICliCommand command, ParseResult parsed, TextWriter output, TextWriter error, Action<IHostApplicationBuilder>? configure, CancellationToken ct)
    {
        try
        {
            ct.ThrowIfCancellationRequested();
            using var host = CliHost.Build(configure);
            return await command.RunAsync(parsed, host.Services, output, ct);
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
            // Whatever the cancellation surfaced as (OperationCanceledException, a storage call aborted…): it is a cancel.
            await error.WriteLineAsync(
                $"Cancelled: '{command.Definition.Name}' stopped before it finished; what it had done stays done, the rest was not done. " +
                "An import or a directory load takes effect whole or not at all, and so does a file a command writes.");
            return CliExitCodes.Cancelled;
        }
        catch (SettingsException e)
        {
            await error.WriteLineAsync(e.Message);
            return CliExitCodes.Usage;
        }
        catch (CliUsageException e)
        {
            await error.WriteLineAsync(e.Message);
            await error.WriteLineAsync(HelpHint(command.Definition));
            return CliExitCodes.Usage;
        }
        catch (CliFailureException e)
        {
            await error.WriteLineAsync(e.Message);
            return CliExitCodes.Failed;
        }
        catch (Exception e)
        {
            // Storage errors say what they are, anything else its type.
            await error.WriteLineAsync(DescribeFailure(e));
            return CliExitCodes.Failed;
        }
    }

    private static string HelpHint(Command command) => command.Parents.Any()
        ? $"Run '{Executable} {command.Name} --help' for its arguments and options."
        : $"Run '{Executable} --help' for the commands, or '{Executable} <command> --help' for one command's options.";

    /// <summary>"Storage is not reachable" only for a real outage (no answer, 5xx); a refusal (4xx) says so, with its
    /// status and error code, e.g. "Storage refused the request (413 RequestBodyTooLarge): …".</summary>
    public static string DescribeFailure(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: > 0 } aggregate)
        {
            e = aggregate.InnerExceptions[0];
        }

        if (StorageOutage.Is(e))
        {
            return $"Storage is not reachable (Storage:AccountUrl or Storage:ConnectionString): {FirstLine(e.Message)}";
        }

        return e is Azure.RequestFailedException refused
            ? $"Storage refused the request ({refused.Status} {refused.ErrorCode ?? "no error code"}): {FirstLine(refused.Message)}"
            : $"The command failed ({e.GetType().Name}): {FirstLine(e.Message)}";
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
