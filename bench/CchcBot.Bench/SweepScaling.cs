using System.Diagnostics;
using CchcBot.Reminders;
using CchcBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CchcBot.Bench;

/// <summary>
/// P2: a reminder sweep's time with 1k vs 100k milestones when the same 50 are due: cost follows what is due. Each bot
/// talks to Azurite through a counting proxy, so the table also shows the requests and entities a sweep reads (what
/// Azure Tables' cost follows), the time Azurite took to answer those reads, by table, and the time it takes to answer
/// an empty query of the grown tables: the emulator filters every query by scanning the whole table in JavaScript
/// (LokiTableMetadataStore.queryTableEntities), and finds even a point read's row among its partition's, where Azure
/// Tables seeks its PartitionKey/RowKey index.
/// </summary>
public static class SweepScaling
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);
    private static readonly DateTimeOffset SweepAt = new(2026, 6, 23, 9, 0, 0, Vn);

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(bool quick)
    {
        var largeCount = quick ? 10_000 : 100_000;
        var largeName = quick ? "10k" : "100k";
        await using var smallProxy = await CountingStorageProxy.StartAsync();
        await using var largeProxy = await CountingStorageProxy.StartAsync();
        await using var small = await StartAsync(1_000, smallProxy);
        await using var large = await StartAsync(largeCount, largeProxy);
        var runs = await Repeated.AlternateAsync("P2 sweep ms (1k | " + largeName + ")", _ => TimeSweepAsync(small), _ => TimeSweepAsync(large));
        var ratio = Samples.Ratios(runs[1], runs[0]);
        var (smallReads, largeReads) = (await ReadsOfOneSweepAsync(small, smallProxy), await ReadsOfOneSweepAsync(large, largeProxy));
        var empty = await Repeated.AlternateAsync("P2 empty due-index query ms (1k | " + largeName + ")", _ => TimeEmptyQueryAsync(small), _ => TimeEmptyQueryAsync(large));
        return
        [
            new BenchRow("P2", "sweep time, 1k milestones (50 due)", runs[0].Show("0", " ms"), "—", true),
            new BenchRow("P2", $"sweep time, {largeName} milestones (same 50 due)", runs[1].Show("0", " ms"), "—", true),
            new BenchRow("P2", $"ratio {largeName} / 1k", ratio.Show("0.00"), "≤ 1.2", ratio.Median <= 1.2),
            new BenchRow("P2", $"Table requests / entities read by one sweep, 1k vs {largeName}", $"{smallReads.Requests} / {smallReads.Entities} vs {largeReads.Requests} / {largeReads.Entities}", "equal", (smallReads.Requests, smallReads.Entities) == (largeReads.Requests, largeReads.Entities)),
            new BenchRow("P2", $"Azurite's time answering those reads, by table, 1k vs {largeName} (1 sweep)", ByTable(smallReads.Times, largeReads.Times), "—", true),
            new BenchRow("P2", $"Azurite's answer to an empty due-index query, 1k vs {largeName}", $"{empty[0].Median:0.0} vs {empty[1].Median:0.0} ms", "—", true),
        ];
    }

    private static async Task<(long Requests, long Entities, IReadOnlyDictionary<string, (int Reads, double Milliseconds)> Times)> ReadsOfOneSweepAsync(
        BenchBot bot, CountingStorageProxy proxy)
    {
        await BenchData.ClearLedgerAsync(bot.Tables);
        proxy.Reset();
        await bot.App.Services.GetRequiredService<ReminderSweep>().RunAsync(SweepAt, default);
        return (proxy.Reads, proxy.EntitiesRead, proxy.ReadTimes);
    }

    /// <summary>The two tables whose reads slowed most with size, then the others together: "Tasks (5 reads) 15 vs 80 ms, …".</summary>
    private static string ByTable(IReadOnlyDictionary<string, (int Reads, double Milliseconds)> small, IReadOnlyDictionary<string, (int Reads, double Milliseconds)> large)
    {
        var growth = large.Keys.Union(small.Keys)
            .Select(t => (Table: t, Reads: large.GetValueOrDefault(t).Reads, Small: small.GetValueOrDefault(t).Milliseconds, Large: large.GetValueOrDefault(t).Milliseconds))
            .OrderByDescending(t => t.Large - t.Small)
            .ToList();
        var shown = growth.Take(2).Select(t => $"{t.Table} ({t.Reads} read{(t.Reads == 1 ? string.Empty : "s")}) {t.Small:0} vs {t.Large:0} ms");
        var rest = growth.Skip(2).ToList();
        return string.Join(", ", shown) + $"; the other {rest.Count} tables {rest.Sum(t => t.Small):0} vs {rest.Sum(t => t.Large):0} ms";
    }

    /// <summary>A due-date range no milestone falls in: what Azurite spends on the query alone.</summary>
    private static async Task<double> TimeEmptyQueryAsync(BenchBot bot)
    {
        var plans = bot.App.Services.GetRequiredService<IPlanRepository>();
        var watch = Stopwatch.StartNew();
        var found = await plans.DueBetweenAsync("bench", new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 3));
        watch.Stop();
        return found.Count == 0 ? watch.Elapsed.TotalMilliseconds : throw new InvalidOperationException("the empty range holds milestones");
    }

    private static async Task<BenchBot> StartAsync(int milestones, CountingStorageProxy proxy)
    {
        var bot = await BenchBot.StartAsync(SweepAt, new() { ["Storage:ConnectionString"] = proxy.ConnectionString });
        var directory = BenchData.Directory("bench", 10);
        await new DirectoryRepository(bot.Tables).ReplaceAsync(directory);
        var seeding = Stopwatch.StartNew();
        await new PlanRepository(bot.Tables).SaveAsync(BenchData.Plan("bench", milestones, 50, new DateOnly(2026, 6, 30), 10));
        Console.WriteLine($"  seeded {milestones} milestones in {seeding.Elapsed.TotalSeconds:0.0} s");
        await BenchData.RegisterChatsAsync(bot.Tables, directory, bot.Connector.ServiceUrl);
        return bot;
    }

    private static async Task<double> TimeSweepAsync(BenchBot bot)
    {
        await BenchData.ClearLedgerAsync(bot.Tables);
        var sweep = bot.App.Services.GetRequiredService<ReminderSweep>();
        var watch = Stopwatch.StartNew();
        var result = await sweep.RunAsync(SweepAt, default);
        watch.Stop();
        if (result.Sent != 5) // 50 due milestones = 5 tasks of 10, led by 5 departments
        {
            throw new InvalidOperationException($"expected 5 reminder messages, got {result.Sent}: {string.Join("; ", result.Lines)}");
        }

        return watch.Elapsed.TotalMilliseconds;
    }
}
