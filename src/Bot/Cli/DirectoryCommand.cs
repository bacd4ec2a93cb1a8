using CchcBot.Delivery;
using CchcBot.Plan;
using CchcBot.Plan.Files;
using CchcBot.Storage;

namespace CchcBot.Cli;

/// <summary>directory &lt;directory.json&gt;: replaces the agency's directory.</summary>
public sealed class DirectoryCommand : ICliCommand
{
    public string Name => "directory";

    public string Usage => "directory <directory.json>";

    public CliOptionSpec Options => CliOptionSpec.None;

    public int Positionals => 1;

    public async Task<int> RunAsync(CliArguments args, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var json = await CliFiles.ReadAsync(args.Positionals[0], ct);
        await output.WriteLineAsync(await LoadAsync(services, json, ct));
        return 0;
    }

    public static async Task<string> LoadAsync(IServiceProvider services, string json, CancellationToken ct)
    {
        var result = DirectoryFileReader.Read(json);
        if (!result.Ok)
        {
            throw new CliFailureException(CliFiles.Describe("The directory is invalid; nothing was stored.", result.Problems));
        }

        var directory = result.Value!;
        var repository = services.GetRequiredService<IDirectoryRepository>();
        var changed = await repository.ReplaceAsync(directory, ct);
        var people = directory.Departments.Sum(d => 1 + d.Deputies.Count);
        var head = $"Directory of '{directory.Agency}': {directory.Departments.Count} departments, {people} heads and deputies";
        var resolved = await ResolveWithGraphAsync(services, repository, directory, ct);
        return (changed ? $"{head} — stored." : $"{head} — already up to date, nothing changed.") + resolved;
    }

    /// <summary>With Graph configured, looks every person up (GET /users/{upn}) so reminders can reach them before
    /// they ever open the bot; without it, people are learned when they first talk to the bot.</summary>
    private static async Task<string> ResolveWithGraphAsync(IServiceProvider services, IDirectoryRepository repository, AgencyDirectory directory, CancellationToken ct)
    {
        if (services.GetService<ITeamsAppInstaller>() is not { } graph || graph is NoGraphInstaller)
        {
            return string.Empty;
        }

        var people = directory.Departments.SelectMany(d => d.Deputies.Prepend(d.Head))
            .Append(directory.ChiefOfOffice).Append(directory.ChiefInspector)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var found = 0;
        try
        {
            foreach (var person in people)
            {
                if (await repository.GetIdentityAsync(directory.Agency, person, ct) is not null || await graph.ResolveAsync(directory.Agency, person, ct) is not null)
                {
                    found++;
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return $" Could not look people up in Microsoft Graph ({e.GetType().Name}: {e.Message}); they will be learned when they first talk to the bot.";
        }

        return $" Microsoft Graph knows {found} of {people.Count} people.";
    }
}
