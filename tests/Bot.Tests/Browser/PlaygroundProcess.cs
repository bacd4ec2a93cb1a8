using System.Diagnostics;
using System.Net.Sockets;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Browser;

/// <summary>The Microsoft 365 Agents Playground (npm, pinned) on a free port, pointed at a bot endpoint.</summary>
public sealed class PlaygroundProcess : IDisposable
{
    private readonly Process _process;
    private readonly ProcessOutput _log;

    private PlaygroundProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        _log = new ProcessOutput(process);
    }

    public int Port { get; }

    public string Url => $"http://localhost:{Port}";

    public string Log => _log.Text;

    public static async Task<PlaygroundProcess> StartAsync(string botEndpoint)
    {
        var port = FreePort.Next();
        var psi = NodeServer.StartInfo(
            RepoPaths.Of("node_modules", "@microsoft", "m365agentsplayground", "cli.js"),
            "-e", botEndpoint, "-c", "msteams", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--disable-telemetry");
        psi.Environment["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = RepoPaths.Of("scripts", "playground", ".m365agentsplayground.yml");
        psi.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        var playground = new PlaygroundProcess(Process.Start(psi)!, port);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        using var http = new HttpClient();
        while (DateTime.UtcNow < deadline)
        {
            if (playground._process.HasExited)
            {
                throw new InvalidOperationException("The Playground exited:\n" + playground.Log);
            }

            try
            {
                using var response = await http.GetAsync(new Uri($"{playground.Url}/_internal/v1/config"));
                if (response.IsSuccessStatusCode)
                {
                    return playground;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (SocketException)
            {
            }

            await Task.Delay(250);
        }

        playground.Dispose();
        throw new TimeoutException("The Playground did not answer within 60 s:\n" + playground.Log);
    }

    public void Dispose() => ChildProcess.Kill(_process);
}
