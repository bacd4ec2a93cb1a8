using System.Diagnostics;
using CchcBot.Reminders;
using CchcBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CchcBot.Bench;

/// <summary>P2: a reminder sweep's time with 1k vs 100k milestones when the same 50 are due: cost follows what is due.</summary>
public static class SweepScaling
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(bool quick)
    {
        var small = await TimeSweepAsync(1_000);
        var large = await TimeSweepAsync(quick ? 10_000 : 100_000);
        var ratio = large.TotalMilliseconds / small.TotalMilliseconds;
        Console.WriteLine($"P2 sweep: 1k milestones {small.TotalMilliseconds:0} ms, {(quick ? "10k" : "100k")} milestones {large.TotalMilliseconds:0} ms");
        return
        [
            new BenchRow("P2", $"sweep time, {(quick ? "10k" : "100k")} vs 1k milestones (same 50 due)", $"{ratio:0.00} ({large.TotalMilliseconds:0} / {small.TotalMilliseconds:0} ms)", "≤ 1.5", ratio <= 1.5),
        ];
    }

    private static async Task<TimeSpan> TimeSweepAsync(int milestones)
    {
        var sweepAt = new DateTimeOffset(2026, 6, 23, 9, 0, 0, Vn);
        await using var bot = await BenchBot.StartAsync(sweepAt);
        var directory = BenchData.Directory("bench", 10);
        await new DirectoryRepository(bot.Tables).ReplaceAsync(directory);
        var seeding = Stopwatch.StartNew();
        await new PlanRepository(bot.Tables).SaveAsync(BenchData.Plan("bench", milestones, 50, new DateOnly(2026, 6, 30), 10));
        Console.WriteLine($"  seeded {milestones} milestones in {seeding.Elapsed.TotalSeconds:0.0} s");
        await BenchData.RegisterChatsAsync(bot.Tables, directory, bot.Connector.ServiceUrl);
        var sweep = bot.App.Services.GetRequiredService<ReminderSweep>();
        await sweep.RunAsync(sweepAt.AddDays(2), default); // warm-up on a day with nothing due (JIT, connections)

        var watch = Stopwatch.StartNew();
        var result = await sweep.RunAsync(sweepAt, default);
        watch.Stop();
        if (result.Sent != 5) // 50 due milestones = 5 tasks of 10, led by 5 departments
        {
            throw new InvalidOperationException($"expected 5 reminder messages, got {result.Sent}: {string.Join("; ", result.Lines)}");
        }

        return watch.Elapsed;
    }
}
