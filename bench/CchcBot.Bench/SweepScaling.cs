using System.Diagnostics;
using CchcBot.Reminders;
using CchcBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CchcBot.Bench;

/// <summary>P2: a reminder sweep's time with 1k vs 100k milestones when the same 50 are due: cost follows what is due.</summary>
public static class SweepScaling
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);
    private static readonly DateTimeOffset SweepAt = new(2026, 6, 23, 9, 0, 0, Vn);

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(bool quick)
    {
        var largeCount = quick ? 10_000 : 100_000;
        var largeName = quick ? "10k" : "100k";
        await using var small = await StartAsync(1_000);
        await using var large = await StartAsync(largeCount);
        var runs = await Repeated.AlternateAsync("P2 sweep ms (1k | " + largeName + ")", _ => TimeSweepAsync(small), _ => TimeSweepAsync(large));
        var ratio = Samples.Ratios(runs[1], runs[0]);
        return
        [
            new BenchRow("P2", "sweep time, 1k milestones (50 due)", runs[0].Show("0", " ms"), "—", true),
            new BenchRow("P2", $"sweep time, {largeName} milestones (same 50 due)", runs[1].Show("0", " ms"), "—", true),
            new BenchRow("P2", $"ratio {largeName} / 1k", ratio.Show("0.00"), "≤ 1.2", ratio.Median <= 1.2),
        ];
    }

    private static async Task<BenchBot> StartAsync(int milestones)
    {
        var bot = await BenchBot.StartAsync(SweepAt);
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
