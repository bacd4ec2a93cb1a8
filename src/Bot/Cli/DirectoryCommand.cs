using System.CommandLine;
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
    public const string MovePeople = "--move-people";
    public const string Export = "--export";

    private readonly Argument<string> _file = new("directory.json")
    {
        Description = "The directory file to load; with --export, the file to write the stored directory to.",
    };

    private readonly Option<bool> _movePeople = CliOptions.Flag(
        MovePeople, "Take people the file names out of another agency's people index, so they are recognised in this agency only (otherwise such a file is refused).");

    private readonly Option<bool> _export = CliOptions.Flag(Export, "Write the stored directory to the file, in the directory file format, instead of loading it.");
    private readonly Option<string?> _agency = CliOptions.Agency("With --export: whose directory (needed when several agencies, or none, have a plan stored).");

    public DirectoryCommand()
    {
        Definition = new Command("directory", "Replaces the agency's directory from the file (load it before the plan); with --export, writes the stored directory to the file instead.")
        {
            _file,
            _movePeople,
            _export,
            _agency,
        };
        CliOptions.Exclusive(Definition, _export, _movePeople, $"{Export} writes the stored directory; {MovePeople} belongs to loading one.");
        Definition.Validators.Add(result =>
        {
            if (CliOptions.Given(result, _agency) && !CliOptions.Given(result, _export))
            {
                result.AddError($"--agency goes with {Export}: a directory file names its agency.");
            }
        });
    }

    public Command Definition { get; }

    public async Task<int> RunAsync(ParseResult parsed, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var path = parsed.GetRequiredValue(_file);
        if (parsed.GetValue(_export))
        {
            await output.WriteLineAsync(await ExportAsync(services, parsed.GetValue(_agency), path, ct));
            return CliExitCodes.Ok;
        }

        var file = await CliFiles.ReadAsync(path, ct);
        await output.WriteLineAsync(await LoadAsync(services, file, parsed.GetValue(_movePeople), ct));
        return CliExitCodes.Ok;
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
        // Ctrl+C stops a load before it writes, not in the middle: the people index and the directory change together.
        ct.ThrowIfCancellationRequested();
        try
        {
            replaced = await repository.ReplaceAsync(directory, movePeople, CancellationToken.None);
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
        var text = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(DirectoryFileWriter.Write(directory));
        await CliFiles.WriteAtomicallyAsync(path, text, $"Could not write {path}", ct);

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
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The directory is stored; the look-up is a convenience, as when Graph fails.
            return " Cancelled before the Microsoft Graph look-up finished: the people not looked up are learned when they first talk to the bot.";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return $" Could not look people up in Microsoft Graph ({e.GetType().Name}: {e.Message}); they will be learned when they first talk to the bot.";
        }

        return $" Microsoft Graph knows {found} of {people.Count} people.";
    }
}
