using System.CommandLine;
using CchcBot.Reminders;

namespace CchcBot.Cli;

/// <summary>
/// remind --at &lt;ISO-8601 instant&gt; [--dry-run]: one reminder sweep as of that instant; prints what it sent. Without
/// --dry-run it really sends, and what it sends counts (a slot sent here is not sent again by the host).
/// </summary>
public sealed class RemindCommand : ICliCommand
{
    private readonly Option<DateTimeOffset> _at = CliOptions.Instant("--at", "The instant the sweep runs as of, with its offset, e.g. 2026-06-23T08:30:00+07:00.");
    private readonly Option<bool> _dryRun = CliOptions.Flag("--dry-run", "Print what would be sent to whom; send and record nothing.");

    public RemindCommand() =>
        Definition = new Command("remind", "One reminder sweep as of --at; prints what it sent. Without --dry-run it really sends, and what it sends counts: a slot sent here is not sent again by the host.")
        {
            _at,
            _dryRun,
        };

    public Command Definition { get; }

    public async Task<int> RunAsync(ParseResult parsed, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var at = parsed.GetValue(_at);
        services.GetRequiredService<Hosting.AnonymousMode>().EnsureAllowed(); // sends: no anonymous mode by accident
        var dryRun = parsed.GetValue(_dryRun);
        var result = await services.GetRequiredService<ReminderSweep>().RunAsync(at, ct, dryRun);
        foreach (var line in result.Lines)
        {
            await output.WriteLineAsync(line);
        }

        if (dryRun)
        {
            await output.WriteLineAsync($"Dry run as of {at:O}: {result.WouldSend} message(s) would be sent; nothing was sent or recorded.");
            return CliExitCodes.Ok;
        }

        await output.WriteLineAsync($"Reminder sweep as of {at:O}: {result.Sent} message(s) sent, {result.Failed} failed (will retry), {result.Unreachable} unreachable.");
        return result.Failed > 0 ? CliExitCodes.Failed : CliExitCodes.Ok;
    }
}
