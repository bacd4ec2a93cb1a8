using System.Diagnostics;
using Azure.Data.Tables;
using CchcBot.Reminders;
using CchcBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CchcBot.Bench;

/// <summary>
/// P2: a reminder sweep's time with 1k vs 100k milestones when the same 50 are due: cost follows what is due. Each bot
/// talks to Azurite through a counting proxy, so the table also shows the requests and entities a sweep reads (what
/// Azure Tables' cost follows), and the time Azurite itself takes to answer an empty query of the grown tables and a
/// point read of one task: the emulator filters every query by scanning the whole table in JavaScript
/// (LokiTableMetadataStore.queryTableEntities) and looks for a point read's row among all of its partition's (the plan's
/// tasks share one), where Azure Tables seeks its PartitionKey/RowKey index.
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
        var (smallTask, largeTask) = (await TaskKeysAsync(small), await TaskKeysAsync(large));
        var pointRead = await Repeated.AlternateAsync("P2 task point read ms (1k | " + largeName + ")", _ => TimePointReadAsync(small, smallTask), _ => TimePointReadAsync(large, largeTask));
        return
        [
            new BenchRow("P2", "sweep time, 1k milestones (50 due)", runs[0].Show("0", " ms"), "—", true),
            new BenchRow("P2", $"sweep time, {largeName} milestones (same 50 due)", runs[1].Show("0", " ms"), "—", true),
            new BenchRow("P2", $"ratio {largeName} / 1k", ratio.Show("0.00"), "≤ 1.2", ratio.Median <= 1.2),
            new BenchRow("P2", $"Table requests / entities read by one sweep, 1k vs {largeName}", $"{smallReads.Requests} / {smallReads.Entities} vs {largeReads.Requests} / {largeReads.Entities}", "equal", smallReads == largeReads),
            new BenchRow("P2", $"Azurite's answer to an empty due-index query, 1k vs {largeName}", $"{empty[0].Median:0.0} vs {empty[1].Median:0.0} ms", "—", true),
            new BenchRow("P2", $"Azurite's answer to a point read of one task, 1k vs {largeName} (the sweep makes 5)", $"{pointRead[0].Median:0.0} vs {pointRead[1].Median:0.0} ms", "—", true),
        ];
    }

    private static async Task<(long Requests, long Entities)> ReadsOfOneSweepAsync(BenchBot bot, CountingStorageProxy proxy)
    {
        await BenchData.ClearLedgerAsync(bot.Tables);
        proxy.Reset();
        await bot.App.Services.GetRequiredService<ReminderSweep>().RunAsync(SweepAt, default);
        return (proxy.Reads, proxy.EntitiesRead);
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

    /// <summary>The keys of one stored task (found with a query, untimed).</summary>
    private static async Task<(string Partition, string Row)> TaskKeysAsync(BenchBot bot)
    {
        var tasks = await bot.Tables.GetAsync(CchcTables.Tasks);
        await foreach (var row in tasks.QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey", "RowKey"]))
        {
            return (row.PartitionKey, row.RowKey);
        }

        throw new InvalidOperationException("no task stored");
    }

    private static async Task<double> TimePointReadAsync(BenchBot bot, (string Partition, string Row) key)
    {
        var tasks = await bot.Tables.GetAsync(CchcTables.Tasks);
        var watch = Stopwatch.StartNew();
        var found = await tasks.GetEntityIfExistsAsync<TableEntity>(key.Partition, key.Row, select: ["RowKey"]);
        watch.Stop();
        return found.HasValue ? watch.Elapsed.TotalMilliseconds : throw new InvalidOperationException("the task is gone");
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
