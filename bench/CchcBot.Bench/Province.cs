using System.Diagnostics;
using System.Globalization;
using CchcBot.Plan;
using CchcBot.Plan.Files;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bench;

/// <summary>
/// P7: a province in one tenant. 150 agencies, each with the seed's 22-task plan and 20 departments (3,000 heads),
/// every milestone due on the same day; the 08:00 sweep one week before reminds every head once, through the loopback
/// connector that enforces Teams' limits. The sweep runs as production's `remind` does, in its own process (cold:
/// start-up and JIT included), over a proxy that counts the Table entities it reads. Teams' tenant limit allows no
/// less than 3,000 / 50 = 60 s. A full P7 takes over a minute, so it runs once per bench run, after an uncounted dry run
/// (which reads everything and sends nothing).
/// </summary>
public static class Province
{
    private const int Departments = 20;
    private const int Allowed = 50;
    private static readonly DateTimeOffset SweepAt = new(2026, 6, 23, 8, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateOnly Due = new(2026, 6, 30);

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(bool quick)
    {
        var agencies = quick ? 15 : 150;
        var heads = agencies * Departments;
        var prefix = AzuriteServer.NewPrefix();
        var tables = new CchcTables(AzuriteServer.Shared.ConnectionString, prefix);
        await using var connector = await FakeConnector.StartAsync();
        connector.EnforceTeamsLimits();
        await using var proxy = await CountingStorageProxy.StartAsync();

        var seed = new PlanFileReader().Read(BundledData.PlanJson, rebaseYear: 2026).Value!;
        var seeding = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, agencies), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (a, ct) =>
        {
            var agency = $"agency{a:000}";
            var directory = Directory(agency);
            await new DirectoryRepository(tables).ReplaceAsync(directory, ct);
            await new PlanRepository(tables).SaveAsync(seed with
            {
                Agency = agency,
                Tasks = seed.Tasks.Select(t => t with { Milestones = t.Milestones.Select(m => m with { Due = Due, Period = null }).ToList() }).ToList(),
            }, ct);
            await BenchData.RegisterChatsAsync(tables, directory, connector.ServiceUrl);
        });
        Console.WriteLine($"  P7 seeded {agencies} agencies ({heads} heads, {agencies * seed.Tasks.Count} tasks) in {seeding.Elapsed.TotalSeconds:0} s");

        await RemindAsync(prefix, proxy, dryRun: true); // warm-up, not counted
        connector.Clear();
        proxy.Reset();
        var benchCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (seconds, peakMb, cpu, output) = await RemindAsync(prefix, proxy, dryRun: false);
        var connectorCpu = (Process.GetCurrentProcess().TotalProcessorTime - benchCpu).TotalSeconds;
        var sent = connector.Sent;
        var delivered = sent.GroupBy(c => c.ConversationId).ToDictionary(g => g.Key, g => g.Count());
        var lost = heads - delivered.Count;
        var duplicates = delivered.Values.Sum(n => Math.Max(0, n - 1));
        var throttled = connector.Calls.Count(c => c.Status == 429);
        var span = sent.Count > 1 ? (sent.Max(c => c.At) - sent.Min(c => c.At)).TotalSeconds : 0;
        var minimum = (double)heads / Allowed;
        var perReminder = sent.Count == 0 ? 0 : (double)proxy.EntitiesRead / sent.Count;
        Console.WriteLine($"  P7: {sent.Count} sent in {seconds:0.0} s (sends from first to last {span:0.0} s), peak RSS {peakMb:0} MB, {throttled} throttled, " +
            $"{proxy.EntitiesRead} entities read in {proxy.Reads} reads, {proxy.Writes} writes; {output.Split('\n').LastOrDefault(l => l.StartsWith("Reminder sweep", StringComparison.Ordinal))}");
        return
        [
            new BenchRow("P7", $"{agencies} agencies, {heads} heads, one tenant: 08:00 sweep, process start to exit (1 run)", $"{seconds:0.0} s = {seconds / minimum:0.00} × the {minimum:0} s Teams allows (sends first to last {span:0.0} s)", "≤ 1.1 ×", seconds <= 1.1 * minimum),
            new BenchRow("P7", "peak resident memory of the sweep's process", $"{peakMb:0} MB", "≤ 300 MB", peakMb <= 300),
            new BenchRow("P7", "CPU time of the sweep's process (per reminder); of the bench's connector and storage proxy", $"{cpu:0.0} s ({cpu * 1000 / Math.Max(1, sent.Count):0.0} ms); {connectorCpu:0.0} s", "reported", true),
            new BenchRow("P7", "lost / duplicated / throttled answers", $"{lost} / {duplicates} / {throttled}", "0 / 0 / 0", lost == 0 && duplicates == 0 && throttled == 0),
            new BenchRow("P7", "Table entities read per reminder sent", $"{perReminder:0.0} ({proxy.EntitiesRead} in {proxy.Reads} requests; {proxy.Writes} writes)", "reported", true),
        ];
    }

    private static AgencyDirectory Directory(string agency) => new(
        agency,
        [
            new Department("VP", "Văn phòng", "van-phong", $"vp@{agency}.example.gov.vn", []),
            .. new[] { "NV1", "NV2", "NV3", "PCTN" }.Concat(Enumerable.Range(6, Departments - 5).Select(i => $"D{i}"))
                .Select(id => new Department(id, "Phòng " + id, "nghiep-vu", $"{id.ToLowerInvariant()}@{agency}.example.gov.vn", [])),
        ],
        $"vp@{agency}.example.gov.vn",
        $"ct@{agency}.example.gov.vn");

    /// <returns>Wall time from the process's start to its exit, its peak resident memory, its CPU time (user + system, as
    /// last seen before it exited: at most one poll short) and its output.</returns>
    private static async Task<(double Seconds, double PeakMb, double CpuSeconds, string Output)> RemindAsync(string prefix, CountingStorageProxy proxy, bool dryRun)
    {
        var dll = RepoPaths.Of("src", "Bot", "bin", "Release", "net10.0", "CchcBot.dll");
        var psi = new ProcessStartInfo("dotnet") { ArgumentList = { dll, "remind", "--at", SweepAt.ToString("O", CultureInfo.InvariantCulture) } };
        if (dryRun)
        {
            psi.ArgumentList.Add("--dry-run");
        }

        psi.Environment["Storage__ConnectionString"] = proxy.ConnectionString;
        psi.Environment["Storage__TablePrefix"] = prefix;
        psi.Environment["Bot__AllowAnonymous"] = "true"; // anonymous on purpose, with a loopback connector
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.UseShellExecute = false;
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start the remind command");
        var output = new ProcessOutput(process);
        long peakBytes = 0;
        var cpu = TimeSpan.Zero;
        while (!process.HasExited)
        {
            try
            {
                process.Refresh();
                peakBytes = Math.Max(peakBytes, process.PeakWorkingSet64); // VmHWM on Linux
                cpu = process.TotalProcessorTime;
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
            {
                // it exited between two looks
            }

            await Task.Delay(100);
        }

        await process.WaitForExitAsync();
        watch.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"remind exited with {process.ExitCode}: {output.Text[^Math.Min(2000, output.Text.Length)..]}");
        }

        return (watch.Elapsed.TotalSeconds, peakBytes / (1024.0 * 1024), cpu.TotalSeconds, output.Text);
    }
}
