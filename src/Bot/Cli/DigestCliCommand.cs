using System.CommandLine;
using CchcBot.Digest;
using CchcBot.Storage;

namespace CchcBot.Cli;

/// <summary>digest --at &lt;instant&gt; [--force]: the weekly digest for the week of that instant, for every agency.</summary>
public sealed class DigestCliCommand : ICliCommand
{
    private readonly Option<DateTimeOffset> _at = CliOptions.Instant("--at", "An instant of the week to post the digest of, with its offset, e.g. 2026-07-03T10:00:00+07:00.");
    private readonly Option<bool> _force = CliOptions.Flag("--force", "Post it again even when this week's digest was already posted.");

    public DigestCliCommand() =>
        Definition = new Command("digest", "Posts the weekly digest of the week of --at, for every agency; without --force a second call in the same week says it was already posted and sends nothing.")
        {
            _at,
            _force,
        };

    public Command Definition { get; }

    public async Task<int> RunAsync(ParseResult parsed, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var at = parsed.GetValue(_at);
        services.GetRequiredService<Hosting.AnonymousMode>().EnsureAllowed(); // sends: no anonymous mode by accident
        var digest = services.GetRequiredService<DigestService>();
        var failed = false;
        foreach (var agency in await services.GetRequiredService<IPlanRepository>().AgenciesAsync(ct))
        {
            var posting = await digest.PostAsync(agency, at, parsed.GetValue(_force), ct);
            failed |= posting.Failed;
            await output.WriteLineAsync(posting.Summary);
        }

        return failed ? CliExitCodes.Failed : CliExitCodes.Ok;
    }
}
