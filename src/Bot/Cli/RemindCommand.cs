using CchcBot.Reminders;

namespace CchcBot.Cli;

/// <summary>
/// remind --at &lt;ISO-8601 instant&gt; [--dry-run]: one reminder sweep as of that instant; prints what it sent. Without
/// --dry-run it really sends, and what it sends counts (a slot sent here is not sent again by the host).
/// </summary>
public sealed class RemindCommand : ICliCommand
{
    public string Name => "remind";

    public string Usage => "remind --at <ISO-8601 instant> [--dry-run]";

    public CliOptionSpec Options { get; } = new(new HashSet<string> { "--at" }, new HashSet<string> { "--dry-run" });

    public int Positionals => 0;

    public async Task<int> RunAsync(CliArguments args, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var at = args.GetInstant("--at");
        services.GetRequiredService<Hosting.AnonymousMode>().EnsureAllowed(); // sends: no anonymous mode by accident
        var dryRun = args.Has("--dry-run");
        var result = await services.GetRequiredService<ReminderSweep>().RunAsync(at, ct, dryRun);
        foreach (var line in result.Lines)
        {
            await output.WriteLineAsync(line);
        }

        if (dryRun)
        {
            await output.WriteLineAsync($"Dry run as of {at:O}: {result.WouldSend} message(s) would be sent; nothing was sent or recorded.");
            return 0;
        }

        await output.WriteLineAsync($"Reminder sweep as of {at:O}: {result.Sent} message(s) sent, {result.Failed} failed (will retry), {result.Unreachable} unreachable.");
        return result.Failed > 0 ? 1 : 0;
    }
}
