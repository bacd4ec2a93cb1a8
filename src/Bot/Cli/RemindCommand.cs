using CchcBot.Reminders;

namespace CchcBot.Cli;

/// <summary>remind --at &lt;ISO-8601 instant&gt;: one reminder sweep as of that instant; prints what it sent.</summary>
public sealed class RemindCommand : ICliCommand
{
    public string Name => "remind";

    public string Usage => "remind --at <ISO-8601 instant>";

    public CliOptionSpec Options { get; } = new(new HashSet<string> { "--at" }, new HashSet<string>());

    public int Positionals => 0;

    public async Task<int> RunAsync(CliArguments args, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var at = args.GetInstant("--at");
        services.GetRequiredService<Hosting.AnonymousMode>().EnsureAllowed(); // sends: no anonymous mode by accident
        var result = await services.GetRequiredService<ReminderSweep>().RunAsync(at, ct);
        foreach (var line in result.Lines)
        {
            await output.WriteLineAsync(line);
        }

        await output.WriteLineAsync($"Reminder sweep as of {at:O}: {result.Sent} message(s) sent, {result.Failed} failed (will retry), {result.Unreachable} unreachable.");
        return result.Failed > 0 ? 1 : 0;
    }
}
