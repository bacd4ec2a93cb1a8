using System.CommandLine;
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

    private readonly Option<string?> _agency = CliOptions.Agency("Only the imports of this agency's plans.");
    private readonly Option<int?> _limit = new("--limit")
    {
        Description = $"How many imports to list, newest first (default {DefaultLimit}, at most {MaxLimit}).",
        HelpName = "N",
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= MaxLimit)
            {
                return limit;
            }

            result.AddError($"--limit must be a whole number from 1 to {MaxLimit}, not '{text}'.");
            return null;
        },
    };

    public PlanHistoryCommand() =>
        Definition = new Command("plan-history", "Lists every import of a plan (from the CLI or confirmed in Teams), newest first: local time, agency, year, who, file name and counts.")
        {
            _agency,
            _limit,
        };

    public Command Definition { get; }

    public async Task<int> RunAsync(ParseResult parsed, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var limit = parsed.GetValue(_limit) ?? DefaultLimit;
        var clock = services.GetRequiredService<BotClock>();
        var records = await services.GetRequiredService<IImportRecordRepository>().ListAsync(parsed.GetValue(_agency), limit, ct);
        if (records.Count == 0)
        {
            await output.WriteLineAsync(parsed.GetValue(_agency) is { } agency ? $"No import of a plan of '{agency}' is recorded." : "No import of a plan is recorded.");
            return CliExitCodes.Ok;
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

        return CliExitCodes.Ok;
    }
}
