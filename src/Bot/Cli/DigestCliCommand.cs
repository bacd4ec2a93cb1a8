using CchcBot.Digest;
using CchcBot.Storage;

namespace CchcBot.Cli;

/// <summary>digest --at &lt;instant&gt; [--force]: the weekly digest for the week of that instant, for every agency.</summary>
public sealed class DigestCliCommand : ICliCommand
{
    public string Name => "digest";

    public string Usage => "digest --at <ISO-8601 instant> [--force]";

    public CliOptionSpec Options { get; } = new(new HashSet<string> { "--at" }, new HashSet<string> { "--force" });

    public int Positionals => 0;

    public async Task<int> RunAsync(CliArguments args, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var at = args.GetInstant("--at");
        services.GetRequiredService<Hosting.AnonymousMode>().EnsureAllowed(); // sends: no anonymous mode by accident
        var digest = services.GetRequiredService<DigestService>();
        var failed = false;
        foreach (var agency in await services.GetRequiredService<IPlanRepository>().AgenciesAsync(ct))
        {
            var posting = await digest.PostAsync(agency, at, args.Has("--force"), ct);
            failed |= posting.Failed;
            await output.WriteLineAsync(posting.Summary);
        }

        return failed ? 1 : 0;
    }
}
