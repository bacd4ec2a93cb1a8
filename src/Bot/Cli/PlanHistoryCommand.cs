using System.Globalization;
using CchcBot.Hosting;
using CchcBot.Storage;

namespace CchcBot.Cli;

/// <summary>
/// plan-history [--agency ID] [--limit N]: every import of a plan (from the CLI or confirmed in Teams), newest first —
/// when (local time), agency, year, who, file name and counts.
/// </summary>
public sealed class PlanHistoryCommand : ICliCommand
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 10_000;

    public string Name => "plan-history";

    public string Usage => "plan-history [--agency <id>] [--limit N]";

    public CliOptionSpec Options { get; } = new(new HashSet<string> { "--agency", "--limit" }, new HashSet<string>());

    public int Positionals => 0;

    public async Task<int> RunAsync(CliArguments args, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var limit = DefaultLimit;
        if (args.Get("--limit") is { } text && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            throw new CliUsageException($"--limit must be a whole number from 1 to {MaxLimit}, not '{text}'.");
        }

        var clock = services.GetRequiredService<BotClock>();
        var records = await services.GetRequiredService<IImportRecordRepository>().ListAsync(args.Get("--agency"), limit, ct);
        if (records.Count == 0)
        {
            await output.WriteLineAsync(args.Get("--agency") is { } agency ? $"No import of a plan of '{agency}' is recorded." : "No import of a plan is recorded.");
            return 0;
        }

        await output.WriteLineAsync($"{records.Count} import(s), newest first:");
        foreach (var r in records)
        {
            var when = clock.ToLocal(r.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            var counts = r.Changed
                ? $"{r.Tasks} tasks, {r.Milestones} milestones: {r.Added} added, {r.ChangedTasks} changed, {r.Removed} removed, {r.Archived} archived"
                : $"{r.Tasks} tasks, {r.Milestones} milestones: unchanged";
            await output.WriteLineAsync($"  {when}  {r.Agency}  {r.Year}  by {r.By}  file {r.FileName}  — {counts}");
        }

        return 0;
    }
}
