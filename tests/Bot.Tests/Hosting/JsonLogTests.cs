using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CchcBot.Bot.Tests.Support;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Hosting;

/// <summary>
/// The built bot, run as deployed (its own process, appsettings.json, Production): its console log is the configured
/// JSON formatter, one record per line, so user text (a newline in an unknown card verb) cannot forge a log line.
/// </summary>
public sealed class JsonLogTests
{
    private const string Forged = "{\"Timestamp\":\"2026-01-01\",\"LogLevel\":\"Critical\",\"Message\":\"forged\"}";

    [Fact]
    public async Task A_newline_in_an_unknown_verb_stays_inside_one_json_log_record()
    {
        await using var connector = await FakeConnector.StartAsync();
        var port = FreePort.Next();
        var stdout = new ConcurrentQueue<string>();
        using var bot = StartBot(port, stdout);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            await WaitForHealthAsync(http, bot, stdout);
            var user = SampleUsers.Nv1Head();
            var verb = "noSuchVerb\n" + Forged + "\r\nwarn: Forged[0]";
            var invoke = Activities.Invoke(connector.ServiceUrl, user, verb, [], null);

            using var response = await http.PostAsync("/api/messages", new StringContent(invoke.ToJsonString(), Encoding.UTF8, "application/json"));

            Assert.Equal(200, (int)response.StatusCode);
            var record = await WaitForLineAsync(stdout, "noSuchVerb");
            var lines = stdout.Where(l => l.Length > 0).ToList();
            Assert.All(lines, l => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(l).RootElement.ValueKind));
            using var json = JsonDocument.Parse(record);
            Assert.Contains(verb, json.RootElement.GetProperty("Message").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain(lines, l => l.StartsWith(Forged, StringComparison.Ordinal) || l.StartsWith("warn: Forged", StringComparison.Ordinal));
        }
        finally
        {
            ChildProcess.Kill(bot);
        }
    }

    private static Process StartBot(int port, ConcurrentQueue<string> stdout)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { typeof(CchcBot.Cli.CliApp).Assembly.Location },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.Environment.Remove("DOTNET_ENVIRONMENT");
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        psi.Environment["Storage__ConnectionString"] = AzuriteServer.Shared.ConnectionString;
        psi.Environment["Storage__TablePrefix"] = AzuriteServer.NewPrefix();
        psi.Environment["MicrosoftAppId"] = string.Empty;
        psi.Environment["Bot__AllowAnonymous"] = "true";
        psi.Environment["Reminders__Enabled"] = "false";
        psi.Environment["Digest__Enabled"] = "false";
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                stdout.Enqueue(e.Data);
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForHealthAsync(HttpClient http, Process bot, ConcurrentQueue<string> stdout)
    {
        for (var i = 0; i < 120; i++)
        {
            Assert.False(bot.HasExited, "the bot exited: " + string.Join("\n", stdout));
            try
            {
                using var health = await http.GetAsync("/healthz");
                if (health.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        Assert.Fail("the bot did not answer /healthz: " + string.Join("\n", stdout));
    }

    private static async Task<string> WaitForLineAsync(ConcurrentQueue<string> stdout, string text)
    {
        for (var i = 0; i < 100; i++)
        {
            if (stdout.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal)) is { } line)
            {
                await Task.Delay(200); // let the rest of the record (if the formatter split it) arrive too
                return line;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"no log line with '{text}':\n" + string.Join("\n", stdout));
        return string.Empty;
    }
}
