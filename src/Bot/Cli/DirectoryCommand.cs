using CchcBot.Delivery;
using CchcBot.Plan;
using CchcBot.Plan.Files;
using CchcBot.Storage;

namespace CchcBot.Cli;

/// <summary>
/// directory &lt;directory.json&gt; [--move-people]: replaces the agency's directory. A person may be in one agency's
/// directory only: a file naming someone another agency's directory names is refused, unless --move-people, which
/// takes them out of the other agency's people index (that agency's directory text is unchanged, but the bot no longer
/// recognises them as its member, and its reminders no longer reach them) so they are recognised in this agency only.
/// </summary>
public sealed class DirectoryCommand : ICliCommand
{
    public string Name => "directory";

    public const string MovePeople = "--move-people";
    public const string Export = "--export";

    public string Usage => "directory <directory.json> [--move-people] | directory --export <directory.json> [--agency <id>]";

    public CliOptionSpec Options { get; } = new(new HashSet<string> { "--agency" }, new HashSet<string> { MovePeople, Export });

    public int Positionals => 1;

    public async Task<int> RunAsync(CliArguments args, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        if (args.Has(Export))
        {
            if (args.Has(MovePeople))
            {
                throw new CliUsageException($"{Export} writes the stored directory; {MovePeople} belongs to loading one.");
            }

            await output.WriteLineAsync(await ExportAsync(services, args.Get("--agency"), args.Positionals[0], ct));
            return 0;
        }

        if (args.Has("--agency"))
        {
            throw new CliUsageException($"--agency goes with {Export}: a directory file names its agency.");
        }

        var file = await CliFiles.ReadAsync(args.Positionals[0], ct);
        await output.WriteLineAsync(await LoadAsync(services, file, args.Has(MovePeople), ct));
        return 0;
    }

    public static async Task<string> LoadAsync(IServiceProvider services, byte[] file, bool movePeople, CancellationToken ct)
    {
        var result = DirectoryFileReader.Read(file);
        if (!result.Ok)
        {
            throw new CliFailureException(CliFiles.Describe("The directory is invalid; nothing was stored.", result.Problems));
        }

        var directory = result.Value!;
        var repository = services.GetRequiredService<IDirectoryRepository>();
        DirectoryReplaceResult replaced;
        try
        {
            replaced = await repository.ReplaceAsync(directory, movePeople, ct);
        }
        catch (PersonInOtherAgencyException e)
        {
            throw new CliFailureException(
                $"The directory of '{directory.Agency}' was not stored: a person may be in one agency's directory only." + Environment.NewLine +
                string.Join(Environment.NewLine, e.Conflicts.Select(c => $"  {c}; the file names them for '{directory.Agency}'.")) + Environment.NewLine +
                $"Remove them from the other agency's directory first, or pass {MovePeople} to make them members of '{directory.Agency}' only.");
        }
        catch (InvalidOperationException e)
        {
            throw new CliFailureException(e.Message);
        }

        var changed = replaced.Changed;
        var people = directory.Departments.Sum(d => 1 + d.Deputies.Count);
        var staffCount = directory.Departments.Sum(d => d.Staff.Count);
        var head = $"Directory of '{directory.Agency}': {directory.Departments.Count} departments, {people} heads and deputies, {staffCount} staff";
        var resolved = await ResolveWithGraphAsync(services, repository, directory, ct);
        var moved = replaced.Moved.Count == 0
            ? string.Empty
            : $" Moved {replaced.Moved.Count} people to '{directory.Agency}': " + string.Join(", ", replaced.Moved.Select(c => $"{c.Person} (no longer recognised in '{c.OtherAgency}')")) + ".";
        return (changed ? $"{head} — stored." : $"{head} — already up to date, nothing changed.") + moved + resolved;
    }

    /// <summary>Writes the stored directory in the directory file format, to edit and load back with <c>directory &lt;file&gt;</c>.</summary>
    public static async Task<string> ExportAsync(IServiceProvider services, string? agency, string path, CancellationToken ct)
    {
        if (agency is null)
        {
            var agencies = await services.GetRequiredService<IPlanRepository>().AgenciesAsync(ct);
            agency = agencies.Count == 1 ? agencies[0]
                : throw new CliUsageException(agencies.Count == 0 ? "No plan is stored: give --agency." : $"Several agencies are stored ({string.Join(", ", agencies)}): give --agency.");
        }

        var directory = await services.GetRequiredService<IDirectoryRepository>().GetAsync(agency, ct)
            ?? throw new CliFailureException($"Agency '{agency}' has no directory stored.");
        var text = DirectoryFileWriter.Write(directory);
        try
        {
            await File.WriteAllTextAsync(path, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliFailureException($"Could not write {path}: {e.Message}");
        }

        var staff = directory.Departments.Sum(d => d.Staff.Count);
        return $"Directory of '{agency}' written to {path}: {directory.Departments.Count} departments, {staff} staff. Load it back with: directory {path}";
    }

    /// <summary>With Graph configured, looks every person up (GET /users/{upn}) so reminders can reach them before
    /// they ever open the bot; without it, people are learned when they first talk to the bot.</summary>
    private static async Task<string> ResolveWithGraphAsync(IServiceProvider services, IDirectoryRepository repository, AgencyDirectory directory, CancellationToken ct)
    {
        if (services.GetService<ITeamsAppInstaller>() is not { } graph || graph is NoGraphInstaller)
        {
            return string.Empty;
        }

        var people = directory.Departments.SelectMany(d => d.Deputies.Prepend(d.Head).Concat(d.Staff))
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
