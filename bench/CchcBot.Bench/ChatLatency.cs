using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CchcBot.Plan.Files;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bench;

/// <summary>
/// P1: "nhiệm vụ của tôi" latency under 8 concurrent users against the help card's (p50/p99), and the bot process's
/// resident memory after 10,000 requests. The bot runs as its own process (the built CchcBot.dll), as in production.
/// </summary>
public static class ChatLatency
{
    private const int Users = 8;

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(bool quick)
    {
        var perUser = quick ? 100 : 625; // 8 users × 625 × 2 commands = 10,000 requests
        var prefix = AzuriteServer.NewPrefix();
        var tables = new CchcTables(AzuriteServer.Shared.ConnectionString, prefix);
        await new DirectoryRepository(tables).ReplaceAsync(DirectoryFileReader.Read(BundledData.DirectoryJson).Value!);
        await new PlanRepository(tables).SaveAsync(new PlanFileReader().Read(BundledData.PlanJson, rebaseYear: 2026).Value!);
        await using var connector = await FakeConnector.StartAsync();
        var heads = new[] { "chanhvanphong", "truongphong.nv1", "truongphong.nv2", "truongphong.nv3", "truongphong.pctn", "phochanhvanphong", "phophong.nv1", "phophong.pctn" }
            .Select(u => new TeamsUser("29:" + u, u, Guid.NewGuid().ToString(), u + "@example.gov.vn")).ToList();
        foreach (var h in heads)
        {
            connector.Members[h.Id] = h;
        }

        var port = FreePort.Next();
        using var bot = StartBot(prefix, port);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitForHealthAsync(http, bot);
        await RunAsync(http, connector, heads, "trợ giúp", 5); // warm-up
        await RunAsync(http, connector, heads, "nhiệm vụ của tôi", 5);

        var help = await RunAsync(http, connector, heads, "trợ giúp", perUser);
        var tasks = await RunAsync(http, connector, heads, "nhiệm vụ của tôi", perUser);
        var rssMb = RssMegabytes(bot.Id);
        bot.Kill(entireProcessTree: true);
        var ratio = P(tasks, 99) / P(help, 99);
        var requests = help.Count + tasks.Count;
        Console.WriteLine($"P1 latency: help p50 {P(help, 50):0.0} ms p99 {P(help, 99):0.0} ms; my tasks p50 {P(tasks, 50):0.0} ms p99 {P(tasks, 99):0.0} ms; bot RSS {rssMb:0} MB after {requests} requests");
        return
        [
            new BenchRow("P1", $"\"nhiệm vụ của tôi\" p50 / p99 ({Users} users)", $"{P(tasks, 50):0.0} / {P(tasks, 99):0.0} ms", "—", true),
            new BenchRow("P1", $"help card p50 / p99 ({Users} users)", $"{P(help, 50):0.0} / {P(help, 99):0.0} ms", "—", true),
            new BenchRow("P1", "p99 ratio, my tasks / help", $"{ratio:0.00}", "≤ 2", ratio <= 2),
            new BenchRow("P1", $"bot process RSS after {requests} requests", $"{rssMb:0} MB", "≤ 150 MB", rssMb <= 150),
        ];
    }

    private static Process StartBot(string prefix, int port)
    {
        var dll = RepoPaths.Of("src", "Bot", "bin", "Release", "net10.0", "CchcBot.dll");
        var psi = new ProcessStartInfo("dotnet") { ArgumentList = { dll } };
        psi.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        psi.Environment["Storage__ConnectionString"] = AzuriteServer.Shared.ConnectionString;
        psi.Environment["Storage__TablePrefix"] = prefix;
        psi.Environment["Bot__AllowAnonymous"] = "true"; // anonymous on purpose, with a loopback connector
        psi.Environment["Reminders__Enabled"] = "false";
        psi.Environment["Digest__Enabled"] = "false";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        return ChildProcess.StartQuiet(psi);
    }

    private static async Task WaitForHealthAsync(HttpClient http, Process bot)
    {
        for (var i = 0; i < 120; i++)
        {
            if (bot.HasExited)
            {
                throw new InvalidOperationException($"the bot exited with code {bot.ExitCode}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("the bot did not become healthy");
    }

    private static double RssMegabytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    private static async Task<List<double>> RunAsync(HttpClient http, FakeConnector connector, List<TeamsUser> users, string text, int perUser)
    {
        var times = new List<double>();
        await Task.WhenAll(users.Select(async user =>
        {
            for (var i = 0; i < perUser; i++)
            {
                var body = Message(connector.ServiceUrl, user, text);
                var watch = Stopwatch.StartNew();
                using var response = await http.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
                watch.Stop();
                response.EnsureSuccessStatusCode();
                lock (times)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }));
        connector.Clear();
        return times;
    }

    private static string Message(string serviceUrl, TeamsUser user, string text) => new JsonObject
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString(),
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = user.Id, ["name"] = user.Name, ["aadObjectId"] = user.AadObjectId },
        ["recipient"] = new JsonObject { ["id"] = "28:cchcbot" },
        ["conversation"] = new JsonObject { ["id"] = "a:personal-" + user.Id, ["conversationType"] = "personal", ["tenantId"] = BotHarnessDefaults.TenantId },
        ["text"] = text,
    }.ToJsonString();

    private static double P(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
