using System.Text.Json;
using CchcBot.Plan;
using CchcBot.Plan.Files;
using CchcBot.Plan.Files.Word;
using CchcBot.Storage;

namespace CchcBot.Cli;

/// <summary>
/// import &lt;plan.json | plan.docx&gt; [--year YYYY] [--agency ID]: validates the whole file, then stores it (history is
/// kept). A Word document is recognised by its content; its agency is --agency, or the one agency with a stored plan.
/// </summary>
public sealed class ImportCommand : ICliCommand
{
    public string Name => "import";

    public string Usage => "import <plan.json | plan.docx> [--year YYYY] [--agency ID]";

    public CliOptionSpec Options { get; } = new(new HashSet<string> { "--year", "--agency" }, new HashSet<string>());

    public int Positionals => 1;

    public async Task<int> RunAsync(CliArguments args, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var year = args.GetYear();
        var file = await CliFiles.ReadAsync(args.Positionals[0], ct);
        var summary = await ImportAsync(services, file, year, ct, args.Get("--agency"));
        await output.WriteLineAsync(summary);
        return 0;
    }

    /// <summary>Shared with "seed": validates against the agency's stored directory and saves.</summary>
    /// <param name="agency">For a Word document, whose plan it is (a JSON plan names its agency itself).</param>
    public static async Task<string> ImportAsync(IServiceProvider services, byte[] file, int? year, CancellationToken ct, string? agency = null)
    {
        var isWord = PlanFileKind.Detect(file) == PlanFileKind.Docx;
        agency = isWord ? agency ?? await SingleStoredAgencyAsync(services, ct) : PeekAgency(file);
        var directory = agency is null ? null : await services.GetRequiredService<IDirectoryRepository>().GetAsync(agency, ct);
        if (agency is not null && directory is null)
        {
            throw new CliFailureException($"No directory is stored for agency '{agency}': load it first with `directory <directory.json>`, so the plan's departments can be checked.");
        }

        var result = isWord ? new WordPlanReader().Read(file, directory!, year) : new PlanFileReader().Read(file, directory, year);
        if (!result.Ok)
        {
            throw new CliFailureException(CliFiles.Describe("The plan is invalid; nothing was imported.", result.Problems));
        }

        var plan = result.Value!;
        PlanSaveResult saved;
        try
        {
            saved = await services.GetRequiredService<IPlanRepository>().SaveAsync(plan, ct);
        }
        catch (PlanImportConflictException e)
        {
            throw new CliFailureException(e.Message);
        }

        var milestones = plan.Tasks.Sum(t => t.Milestones.Count);
        var head = $"Plan '{plan.Title}' ({plan.Agency}, {plan.Year}): {plan.Areas.Count} areas, {plan.Tasks.Count} tasks, {milestones} milestones";
        var summary = saved.Changed
            ? $"{head} — imported: {saved.Added} added, {saved.Updated} updated, {saved.Unchanged} unchanged, {saved.Removed} removed."
            : $"{head} — already up to date, nothing changed.";
        if (saved.CleanedUp > 0)
        {
            summary += $" Removed {saved.CleanedUp} stored rows of replaced or interrupted imports.";
        }

        return saved.Warning is null ? summary : summary + Environment.NewLine + "Warning: " + saved.Warning;
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
