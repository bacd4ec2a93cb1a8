using System.CommandLine;
using System.Text.Json;
using CchcBot.Plan;
using CchcBot.Plan.Files;
using CchcBot.Plan.Files.Word;
using CchcBot.Plan.Import;
using CchcBot.Storage;

namespace CchcBot.Cli;

/// <summary>
/// import &lt;plan.json | plan.docx&gt; [--year YYYY] [--agency ID] [--dry-run] [--write-json FILE]: validates the whole
/// file, then stores it (history is kept) and lists the differences from the stored plan. A Word document is recognised
/// by its content; its agency is --agency, or the one agency with a stored plan. --dry-run writes nothing to storage;
/// --write-json also writes the plan as read in the plan JSON format.
/// </summary>
public sealed class ImportCommand : ICliCommand
{
    private readonly Argument<string> _file = new("plan.json|plan.docx")
    {
        Description = "The plan: a plan JSON file, or the agency's own Word document (recognised by its content, whatever its name).",
    };

    private readonly Option<int?> _year = CliOptions.Year("--year", "Re-base every date (and the year written in the texts) to that year.");
    private readonly Option<string?> _agency = CliOptions.Agency("Whose plan a Word document is (default: the one agency with a stored plan); a JSON plan names its agency itself.");
    private readonly Option<bool> _dryRun = CliOptions.Flag("--dry-run", "Validate and print the summary and the differences from the stored plan; write nothing to storage.");
    private readonly Option<string?> _writeJson = new("--write-json")
    {
        Description = "Also write the plan as read, in the plan JSON format, to this file (to review, correct and import).",
        HelpName = "file",
    };

    public ImportCommand() =>
        Definition = new Command("import", "Validates the whole plan file against the agency's directory and stores it (history is kept); prints the differences from the stored plan.")
        {
            _file,
            _year,
            _agency,
            _dryRun,
            _writeJson,
        };

    public Command Definition { get; }

    public async Task<int> RunAsync(ParseResult parsed, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var path = parsed.GetRequiredValue(_file);
        var file = await CliFiles.ReadAsync(path, ct);
        var summary = await ImportAsync(
            services, file, parsed.GetValue(_year), ct, parsed.GetValue(_agency), parsed.GetValue(_dryRun), parsed.GetValue(_writeJson), Path.GetFileName(path));
        await output.WriteLineAsync(summary);
        return CliExitCodes.Ok;
    }

    /// <summary>Shared with "seed": validates against the agency's stored directory and saves.</summary>
    /// <param name="agency">For a Word document, whose plan it is (a JSON plan names its agency itself).</param>
    /// <param name="dryRun">Validate and compare with the stored plan only: nothing is written to storage.</param>
    /// <param name="writeJson">A file to write the plan to, as read, in the plan JSON format.</param>
    /// <param name="fileName">The file's name, for the record of imports.</param>
    public static async Task<string> ImportAsync(
        IServiceProvider services, byte[] file, int? year, CancellationToken ct, string? agency = null, bool dryRun = false, string? writeJson = null, string? fileName = null)
    {
        var isWord = PlanFileKind.Detect(file) == PlanFileKind.Docx;
        agency = isWord ? agency ?? await SingleStoredAgencyAsync(services, ct) : PeekAgency(file);
        var directory = agency is null ? null : await services.GetRequiredService<IDirectoryRepository>().GetAsync(agency, ct);
        if (agency is not null && directory is null)
        {
            throw new CliFailureException($"No directory is stored for agency '{agency}': load it first with `directory <directory.json>`, so the plan's departments can be checked.");
        }

        var importer = services.GetRequiredService<PlanImporter>();
        var preview = await importer.PreviewAsync(file, directory, year, ct);
        if (!preview.Ok)
        {
            throw new CliFailureException(CliFiles.Describe("The plan is invalid; nothing was imported.", preview.Problems));
        }

        var plan = preview.Plan!;
        var written = writeJson is null ? null : await WriteJsonAsync(plan, writeJson, ct);
        var diff = preview.Diff!;
        var milestones = plan.Tasks.Sum(t => t.Milestones.Count);
        var head = $"Plan '{plan.Title}' ({plan.Agency}, {plan.Year}): {plan.Areas.Count} areas, {plan.Tasks.Count} tasks, {milestones} milestones";
        string summary;
        if (dryRun)
        {
            summary = diff.IsEmpty
                ? $"{head} — dry run, nothing was written: the plan is the same as the stored one."
                : $"{head} — dry run, nothing was written: {diff.Added.Count} added, {diff.Changed.Count} changed, " +
                  $"{plan.Tasks.Count - diff.Added.Count - diff.Changed.Count} unchanged, {diff.Removed.Count} removed." + DescribeInFull(diff) +
                  (preview.ToArchive is { Count: > 0 } toArchive ? Environment.NewLine + "  would archive (removed, kept with their history for reports): " + string.Join(", ", toArchive) : string.Empty);
            return written is null ? summary : summary + Environment.NewLine + written;
        }

        PlanSaveResult saved;
        List<string> archived;
        try
        {
            var outcome = await importer.ImportAsync(plan, PlanImporter.CliSource, fileName ?? "(bundled plan)", ct);
            saved = outcome.Saved;
            diff = outcome.Diff;
            archived = outcome.Archived.Select(t => t.Id).ToList();
        }
        catch (PlanImportConflictException e)
        {
            throw new CliFailureException(e.Message);
        }

        summary = saved.Changed
            ? $"{head} — imported: {saved.Added} added, {saved.Updated} updated, {saved.Unchanged} unchanged, {saved.Removed} removed."
            : $"{head} — already up to date, nothing changed.";
        if (saved.CleanedUp > 0)
        {
            summary += $" Removed {saved.CleanedUp} stored rows of replaced or interrupted imports.";
        }

        if (saved.Changed)
        {
            summary += DescribeCompactly(diff);
            if (archived.Count > 0)
            {
                summary += Environment.NewLine + "  archived (removed, kept with their history for reports): " + string.Join(", ", archived);
            }
        }

        if (written is not null)
        {
            summary += Environment.NewLine + written;
        }

        return saved.Warning is null ? summary : summary + Environment.NewLine + "Warning: " + saved.Warning;
    }

    /// <summary>One line per task added or removed (id and title) and per task changed (id and the fields).</summary>
    private static string DescribeInFull(PlanDiff diff)
    {
        var lines = new List<string>();
        lines.AddRange(diff.Added.Select(t => $"  added   {t.Id}: {t.Title}"));
        lines.AddRange(diff.Changed.Select(c => $"  changed {c.Id}: {string.Join(", ", c.Fields)}"));
        lines.AddRange(diff.Removed.Select(t => $"  removed {t.Id}: {t.Title}"));
        return lines.Count == 0 ? string.Empty : Environment.NewLine + string.Join(Environment.NewLine, lines);
    }

    /// <summary>One line each for the ids added, changed (with their fields) and removed.</summary>
    private static string DescribeCompactly(PlanDiff diff)
    {
        var lines = new List<string>();
        if (diff.Added.Count > 0)
        {
            lines.Add("  added: " + string.Join(", ", diff.Added.Select(t => t.Id)));
        }

        if (diff.Changed.Count > 0)
        {
            lines.Add("  changed: " + string.Join("; ", diff.Changed.Select(c => $"{c.Id} ({string.Join(", ", c.Fields)})")));
        }

        if (diff.Removed.Count > 0)
        {
            lines.Add("  removed: " + string.Join(", ", diff.Removed.Select(t => t.Id)));
        }

        return lines.Count == 0 ? string.Empty : Environment.NewLine + string.Join(Environment.NewLine, lines);
    }

    /// <summary>Writes the plan JSON next to its final name first, then moves it there: never a half-written file.</summary>
    private static async Task<string> WriteJsonAsync(CchcPlan plan, string path, CancellationToken ct)
    {
        var full = await CliFiles.WriteAtomicallyAsync(path, PlanJsonWriter.Write(plan), $"Could not write the plan JSON to '{path}'", ct);
        return $"Wrote the plan as read to {full}.";
    }

    private static async Task<string> SingleStoredAgencyAsync(IServiceProvider services, CancellationToken ct)
    {
        var agencies = await services.GetRequiredService<IPlanRepository>().AgenciesAsync(ct);
        return agencies.Count == 1
            ? agencies[0]
            : throw new CliUsageException(agencies.Count == 0
                ? "A Word plan names no agency: give --agency <id> (the agency of a stored directory)."
                : $"Several agencies are stored ({string.Join(", ", agencies)}): give --agency <id>.");
    }

    private static string? PeekAgency(byte[] file)
    {
        try
        {
            using var doc = JsonDocument.Parse(file.AsMemory(file.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return doc.RootElement.ValueKind == JsonValueKind.Object &&
                   doc.RootElement.TryGetProperty("agency", out var a) && a.ValueKind == JsonValueKind.String
                ? a.GetString()!.Trim()
                : null;
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return null; // The reader reports it with its position.
        }
    }
}
