using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CchcBot.Plan.Files;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bench;

/// <summary>
/// P1: "nhiệm vụ của tôi" and the tab's JSON call (GET /api/progress, issue 17) under 8 concurrent users against the
/// help card, alternated in rounds (help, my tasks, tab); p95 of each round, ratios of each round's p95s, and the CPU
/// each request cost the bot's process and Azurite (<see cref="CpuPerRequest"/>). Then the bot
/// process's resident memory after more than 10,000 requests with the Word report writer and the tab loaded, and the
/// tab's first-load payload. The bot runs as its own process (the built CchcBot.dll), as in production.
/// </summary>
public static class ChatLatency
{
    private const int Users = 8;

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(bool quick)
    {
        // (1 warm-up + runs) rounds × 3 cases × 8 users × perUser requests: 10,080 with 5 runs.
        var perUser = quick ? 15 : (int)Math.Ceiling(10_000.0 / ((Repeated.Runs + 1) * 3 * Users));
        var prefix = AzuriteServer.NewPrefix();
        var tables = new CchcTables(AzuriteServer.Shared.ConnectionString, prefix);
        await new DirectoryRepository(tables).ReplaceAsync(DirectoryFileReader.Read(BundledData.DirectoryJson).Value!);
        var year = DateTime.UtcNow.Year;
        await new PlanRepository(tables).SaveAsync(new PlanFileReader().Read(BundledData.PlanJson, rebaseYear: year).Value!);
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

        // Every feature in memory: the Word report and the workbook (verb makeReport, as the Chief of Office), the tab.
        var report = await PostAsync(http, Invoke(connector.ServiceUrl, heads[0], "makeReport", new JsonObject { ["period"] = $"{year}-Q3" }));
        if (!report.Contains("docx", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("makeReport did not answer with the report's links: " + report[..Math.Min(300, report.Length)]);
        }

        var (firstLoad, jsonBytes, jsonGzip) = await TabPayloadAsync(http, heads[0]);

        CpuPerRequest[] cpu = [.. Enumerable.Range(0, 3).Select(_ => new CpuPerRequest(bot.Id, AzuriteServer.Shared.ProcessId))];
        var runs = await Repeated.AlternateAsync("P1 p95 ms (help | my tasks | tab)",
            run => P95Async(run, cpu[0], () => ChatAsync(http, connector, heads, "trợ giúp", perUser)),
            run => P95Async(run, cpu[1], () => ChatAsync(http, connector, heads, "nhiệm vụ của tôi", perUser)),
            run => P95Async(run, cpu[2], () => TabAsync(http, heads, perUser)));
        var rssMb = RssMegabytes(bot.Id);
        var (anon, file, shmem) = (StatusMegabytes(bot.Id, "RssAnon:"), StatusMegabytes(bot.Id, "RssFile:"), StatusMegabytes(bot.Id, "RssShmem:"));
        bot.Kill(entireProcessTree: true);
        var requests = (Repeated.Runs + 1) * 3 * Users * perUser + 2;
        var tasksRatio = Samples.Ratios(runs[1], runs[0]);
        var tabRatio = Samples.Ratios(runs[2], runs[0]);
        return
        [
            new BenchRow("P1", $"help card p95 ({Users} users)", runs[0].Show("0.0", " ms"), "—", true),
            new BenchRow("P1", $"\"nhiệm vụ của tôi\" p95 ({Users} users)", runs[1].Show("0.0", " ms"), "—", true),
            new BenchRow("P1", "p95 ratio, my tasks / help", tasksRatio.Show("0.00"), "≤ 2", tasksRatio.Median <= 2),
            new BenchRow("P1", $"tab GET /api/progress p95 ({Users} users)", runs[2].Show("0.0", " ms"), "—", true),
            new BenchRow("P1", "p95 ratio, tab API / help", tabRatio.Show("0.00"), "≤ 2", tabRatio.Median <= 2),
            new BenchRow("P1", "CPU per request, bot process + Azurite (medians)", string.Join(", ", new[] { "help", "my tasks", "tab" }.Zip(cpu, (name, c) => $"{name} {c.Bot.Median:0.00} + {c.Azurite.Median:0.00} ms")), "reported", true),
            new BenchRow("P1", "tab first load: JavaScript + CSS after gzip", $"{firstLoad / 1024.0:0.0} KB", "≤ 400 KB", firstLoad <= 400 * 1024),
            new BenchRow("P1", "tab JSON (/api/progress, Chief of Office, seed plan)", $"{jsonBytes / 1024.0:0.0} KB ({jsonGzip / 1024.0:0.0} KB gzip)", "—", true),
            new BenchRow("P1", $"bot process RSS after {requests} requests (Word report, workbook, tab loaded)", $"{rssMb:0} MB", "≤ 150 MB", rssMb <= 150),
            new BenchRow("P1", "of which anonymous (GC heap, native) / mapped files (assemblies, native libraries) / shared (the runtime's type data and JIT code, W^X)", $"{anon:0} / {file:0} / {shmem:0} MB", "—", true),
        ];
    }

    /// <summary>The p95 of one run; the counted runs (not the warm-up, run −1) also give their CPU per request.</summary>
    private static async Task<double> P95Async(int run, CpuPerRequest cpu, Func<Task<List<double>>> requests) =>
        P(run < 0 ? await requests() : await cpu.MeasureAsync(requests), 95);

    /// <summary>The tab's JS and CSS as its page loads them, each compressed with gzip; and its one JSON call's size.</summary>
    private static async Task<(long FirstLoad, long Json, long JsonGzip)> TabPayloadAsync(HttpClient http, TeamsUser chief)
    {
        var page = await http.GetStringAsync(new Uri("/tab/", UriKind.Relative));
        long total = Gzip(Encoding.UTF8.GetBytes(page));
        foreach (var asset in System.Text.RegularExpressions.Regex.Matches(page, "(?:src|href)=\"([^\"]+\\.(?:js|css))\"").Select(m => m.Groups[1].Value).Distinct())
        {
            var url = asset.StartsWith('/') ? asset : "/tab/" + asset.TrimStart('.', '/');
            total += Gzip(await http.GetByteArrayAsync(new Uri(url, UriKind.Relative)));
        }

        using var request = TabRequest(chief);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadAsByteArrayAsync();
        return (total, json.Length, Gzip(json));
    }

    private static long Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.Length;
    }

    internal static HttpRequestMessage TabRequest(TeamsUser user)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/progress", UriKind.Relative));
        request.Headers.Add("X-CchcBot-Tab-User", user.Upn); // the local sign-in (anonymous mode on loopback)
        return request;
    }

    private static async Task<List<double>> TabAsync(HttpClient http, List<TeamsUser> users, int perUser)
    {
        var times = new List<double>();
        await Task.WhenAll(users.Select(async user =>
        {
            for (var i = 0; i < perUser; i++)
            {
                using var request = TabRequest(user);
                var watch = Stopwatch.StartNew();
                using var response = await http.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                watch.Stop();
                response.EnsureSuccessStatusCode();
                lock (times)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }));
        return times;
    }

    private static async Task<string> PostAsync(HttpClient http, string body)
    {
        using var response = await http.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    private static string Invoke(string serviceUrl, TeamsUser user, string verb, JsonObject data) => new JsonObject
    {
        ["type"] = "invoke",
        ["name"] = "adaptiveCard/action",
        ["id"] = Guid.NewGuid().ToString(),
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = user.Id, ["name"] = user.Name, ["aadObjectId"] = user.AadObjectId },
        ["recipient"] = new JsonObject { ["id"] = "28:cchcbot" },
        ["conversation"] = new JsonObject { ["id"] = "a:personal-" + user.Id, ["conversationType"] = "personal", ["tenantId"] = BotHarnessDefaults.TenantId },
        ["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        },
    }.ToJsonString();

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

    private static double RssMegabytes(int pid) => StatusMegabytes(pid, "VmRSS:");

    /// <summary>A kB figure of /proc/pid/status (VmRSS, RssAnon, RssFile, RssShmem) in MB; 0 where the kernel has none.</summary>
    private static double StatusMegabytes(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line.Split(' ', '\t').Where(p => p.Length > 0).ElementAt(1), CultureInfo.InvariantCulture) / 1024;
    }

    private static async Task<List<double>> ChatAsync(HttpClient http, FakeConnector connector, List<TeamsUser> users, string text, int perUser)
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

    internal static string Message(string serviceUrl, TeamsUser user, string text) => new JsonObject
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
