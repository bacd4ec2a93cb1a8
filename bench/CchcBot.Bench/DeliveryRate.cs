using System.Diagnostics;
using CchcBot.Reminders;
using CchcBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CchcBot.Bench;

/// <summary>
/// P3: 1,000 reminders to 1,000 heads (5 agencies of 200 departments, one tenant) through a fake connector that answers
/// 429 beyond 50 sends per second: achieved rate over the allowed rate, and nothing lost or duplicated.
/// </summary>
public static class DeliveryRate
{
    private const int Allowed = 50;
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(bool quick)
    {
        var agencies = quick ? 2 : 5;
        var sweepAt = new DateTimeOffset(2026, 6, 23, 9, 0, 0, Vn);
        await using var bot = await BenchBot.StartAsync(sweepAt);
        bot.Connector.MaxSendsPerSecond = Allowed;
        var heads = new List<string>();
        for (var a = 0; a < agencies; a++)
        {
            var agency = $"agency{a}";
            var directory = BenchData.Directory(agency, 200);
            await new DirectoryRepository(bot.Tables).ReplaceAsync(directory);
            await new PlanRepository(bot.Tables).SaveAsync(BenchData.Plan(agency, 200, 200, new DateOnly(2026, 6, 30), 200, perTask: 1));
            await BenchData.RegisterChatsAsync(bot.Tables, directory with { Departments = directory.Departments.Where(d => d.Id != "VP").ToList() }, bot.Connector.ServiceUrl);
            heads.AddRange(directory.Departments.Where(d => d.Id != "VP").Select(d => "a:personal-" + d.Id + "-" + agency));
        }

        bot.Connector.Clear();
        var watch = Stopwatch.StartNew();
        var result = await bot.App.Services.GetRequiredService<ReminderSweep>().RunAsync(sweepAt, default);
        watch.Stop();

        var delivered = bot.Connector.Sent.GroupBy(c => c.ConversationId).ToDictionary(g => g.Key, g => g.Count());
        var lost = heads.Count(h => !delivered.ContainsKey(h));
        var duplicates = delivered.Values.Sum(n => Math.Max(0, n - 1));
        var rate = delivered.Values.Sum() / watch.Elapsed.TotalSeconds;
        var throttled = bot.Connector.Calls.Count(c => c.Status == 429);
        Console.WriteLine($"P3 delivery: {heads.Count} heads, {delivered.Values.Sum()} delivered in {watch.Elapsed.TotalSeconds:0.0} s, {throttled} throttled answers, sweep said {result.Sent} sent / {result.Failed} failed");
        return
        [
            new BenchRow("P3", $"{heads.Count} reminders: achieved / allowed rate ({Allowed}/s)", $"{rate / Allowed:0.00} ({rate:0.0}/s)", "≥ 0.9", rate / Allowed >= 0.9),
            new BenchRow("P3", "lost / duplicated reminders", $"{lost} / {duplicates}", "0 / 0", lost == 0 && duplicates == 0),
        ];
    }
}
