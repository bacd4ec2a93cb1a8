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
        var changed = await services.GetRequiredService<IDirectoryRepository>().ReplaceAsync(directory, ct);
        var people = directory.Departments.Sum(d => 1 + d.Deputies.Count);
        var head = $"Directory of '{directory.Agency}': {directory.Departments.Count} departments, {people} heads and deputies";
        return changed ? $"{head} — stored." : $"{head} — already up to date, nothing changed.";
    }
}
