using System.Diagnostics;
using System.Globalization;
using System.Text;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Browser;

/// <summary>
/// scripts/run-local.sh as a developer runs it, on free ports, with its storage on the tests' Azurite under a fresh
/// table prefix and its files in a temporary folder. Stopped with SIGTERM, as Ctrl+C or a service manager would.
/// </summary>
public sealed class LocalRunScript : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly Process _process;
    private readonly ProcessOutput _output;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LocalRunScript(Process process, int botPort, int playgroundPort, string data)
    {
        _process = process;
        BotPort = botPort;
        PlaygroundPort = playgroundPort;
        Data = data;
        _output = new ProcessOutput(process, line =>
        {
            if (line.StartsWith("Ready.", StringComparison.Ordinal))
            {
                _ready.TrySetResult();
            }
        });
    }

    public int BotPort { get; }

    public int PlaygroundPort { get; }

    public Uri PlaygroundUrl => new($"http://localhost:{PlaygroundPort}");

    public string Data { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output => _output.Text;

    /// <summary>Starts the script and waits for its "Ready." line (it builds the bot first, so allow for a build).</summary>
    public static async Task<LocalRunScript> StartAsync(string connectionString, string tablePrefix, TimeSpan timeout)
    {
        var data = Directory.CreateTempSubdirectory("cchc-run-local-").FullName;
        var psi = new ProcessStartInfo("bash")
        {
            ArgumentList = { RepoPaths.Of("scripts", "run-local.sh") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        int botPort = FreePort.Next(), playgroundPort = FreePort.Next();
        var env = psi.Environment;
        env["BOT_PORT"] = botPort.ToString(CultureInfo.InvariantCulture);
        env["PLAYGROUND_PORT"] = playgroundPort.ToString(CultureInfo.InvariantCulture);
        env["CONFIGURATION"] = Configuration;
        env["RUN_LOCAL_DATA"] = data;
        env["Storage__ConnectionString"] = connectionString;
        env["Storage__TablePrefix"] = tablePrefix;
        env["Reminders__Enabled"] = "false";
        env["Digest__Enabled"] = "false";
        env["SKIP_CHROMIUM"] = "1";

        // No MSBuild or compiler servers outliving the script's build: they would hold this test's output pipes.
        env["MSBUILDDISABLENODEREUSE"] = "1";
        env["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        env["UseSharedCompilation"] = "false";

        var script = new LocalRunScript(Process.Start(psi)!, botPort, playgroundPort, data);
        var exited = script._process.WaitForExitAsync();
        var first = await Task.WhenAny(script._ready.Task, exited, Task.Delay(timeout));
        if (first != script._ready.Task)
        {
            var why = first == exited ? $"exited with code {script._process.ExitCode}" : $"was not ready within {timeout.TotalSeconds:0} s";
            var output = script.Output + script.Logs();
            script.Dispose();
            throw new InvalidOperationException($"scripts/run-local.sh {why}:\n{output}");
        }

        return script;
    }

    /// <summary>Sends SIGTERM to the script (not to its children: stopping them is the script's job) and waits for it.</summary>
    public async Task<bool> TerminateAsync(TimeSpan timeout)
    {
        ChildProcess.Signal(_process, "TERM");
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The tails of the logs the script wrote (for failure messages).</summary>
    public string Logs()
    {
        var text = new StringBuilder();
        foreach (var log in Directory.Exists(Path.Combine(Data, "logs")) ? Directory.GetFiles(Path.Combine(Data, "logs")) : [])
        {
            var lines = File.ReadAllLines(log);
            text.AppendLine(CultureInfo.InvariantCulture, $"--- {Path.GetFileName(log)} (last 40 lines) ---");
            foreach (var line in lines.Skip(Math.Max(0, lines.Length - 40)))
            {
                text.AppendLine(line);
            }
        }

        return text.ToString();
    }

    public void Dispose()
    {
        ChildProcess.Kill(_process, waitMilliseconds: 10_000);
        try
        {
            Directory.Delete(Data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
