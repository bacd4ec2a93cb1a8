using CchcBot.Hosting;
using CchcBot.Storage;

namespace CchcBot.Cli;

/// <summary>
/// One executable: no arguments runs the web host; a sub-command runs one operator task, prints a short summary,
/// and exits 0 on success, 1 on a failed task, 2 on bad usage or settings.
/// </summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, Action<IHostApplicationBuilder>? configure = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        try
        {
            if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
            {
                var app = BotWebApp.Create(args);
                await app.RunAsync();
                return 0;
            }

            var command = CliCommands.All.FirstOrDefault(c => c.Name == args[0]);
            if (command is null)
            {
                await error.WriteLineAsync(Usage($"Unknown command '{args[0]}'."));
                return 2;
            }

            var parsed = CliArguments.Parse(args.Skip(1).ToArray(), command.Options, command.Positionals);
            using var host = CliHost.Build(configure);
            try
            {
                return await command.RunAsync(parsed, host.Services, output, CancellationToken.None);
            }
            catch (Exception e) when (e is not (SettingsException or CliUsageException or CliFailureException))
            {
                // A command never ends in an unhandled exception: storage errors say what they are, anything else its type.
                await error.WriteLineAsync(DescribeFailure(e));
                return 1;
            }
        }
        catch (SettingsException e)
        {
            await error.WriteLineAsync(e.Message);
            return 2;
        }
        catch (CliUsageException e)
        {
            await error.WriteLineAsync(Usage(e.Message));
            return 2;
        }
        catch (CliFailureException e)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
        catch (Exception e) when (StorageOutage.Is(e) || e is Azure.RequestFailedException)
        {
            await error.WriteLineAsync(DescribeFailure(e));
            return 1;
        }
    }

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

    private static string Usage(string problem) =>
        problem + Environment.NewLine + "Usage: CchcBot [" + string.Join(" | ", CliCommands.All.Select(c => c.Usage)) + "]" +
        Environment.NewLine + "With no command, CchcBot runs the bot's web host.";
}
