using System.Diagnostics;
using CchcBot.Reminders;
using CchcBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CchcBot.Bench;

/// <summary>
/// P3: 1,000 reminders to 1,000 heads (5 agencies of 200 departments, one tenant) through the loopback connector that
/// enforces Teams' limits (per conversation 7/s and 60/30 s, per tenant 50/s; beyond them it answers 429): achieved
/// rate over the allowed 50/s, and nothing lost, duplicated or throttled. Each run sends every reminder again (the
/// send claims are cleared between runs, untimed).
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
        bot.Connector.EnforceTeamsLimits();
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

        var lost = 0;
        var duplicates = 0;
        var throttled = 0;
        var runs = await Repeated.AlternateAsync("P3 achieved/allowed", async run =>
        {
            await BenchData.ClearLedgerAsync(bot.Tables);
            bot.Connector.Clear();
            var watch = Stopwatch.StartNew();
            var result = await bot.App.Services.GetRequiredService<ReminderSweep>().RunAsync(sweepAt, default);
            watch.Stop();
            var delivered = bot.Connector.Sent.GroupBy(c => c.ConversationId).ToDictionary(g => g.Key, g => g.Count());
            var runLost = heads.Count(h => !delivered.ContainsKey(h));
            var runDuplicates = delivered.Values.Sum(n => Math.Max(0, n - 1));
            var runThrottled = bot.Connector.Calls.Count(c => c.Status == 429);
            if (run >= 0)
            {
                lost += runLost;
                duplicates += runDuplicates;
                throttled += runThrottled;
            }

            var rate = delivered.Values.Sum() / watch.Elapsed.TotalSeconds;
            Console.WriteLine($"  P3 {(run < 0 ? "warm-up" : $"run {run + 1}")}: {delivered.Values.Sum()} delivered in {watch.Elapsed.TotalSeconds:0.00} s ({rate:0.0}/s), {runThrottled} throttled, {runLost} lost, {runDuplicates} duplicated; sweep: {result.Sent} sent / {result.Failed} failed");
            return rate / Allowed;
        });
        var ratio = runs[0];
        return
        [
            new BenchRow("P3", $"{heads.Count} reminders: achieved / allowed rate ({Allowed}/s)", $"{ratio.Show("0.000")}; {ratio.Median * Allowed:0.0}/s", "≥ 0.95", ratio.Median >= 0.95),
            new BenchRow("P3", $"lost / duplicated / throttled answers, all {ratio.Runs} runs", $"{lost} / {duplicates} / {throttled}", "0 / 0 / 0", lost == 0 && duplicates == 0 && throttled == 0),
        ];
    }
}
