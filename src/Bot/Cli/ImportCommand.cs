using System.Text.Json;
using CchcBot.Plan;
using CchcBot.Plan.Files;
using CchcBot.Storage;

namespace CchcBot.Cli;

/// <summary>import &lt;plan.json&gt; [--year YYYY]: validates the whole file, then stores it (history is kept).</summary>
public sealed class ImportCommand : ICliCommand
{
    public string Name => "import";

    public string Usage => "import <plan.json> [--year YYYY]";

    public CliOptionSpec Options { get; } = new(new HashSet<string> { "--year" }, new HashSet<string>());

    public int Positionals => 1;

    public async Task<int> RunAsync(CliArguments args, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var json = await CliFiles.ReadAsync(args.Positionals[0], ct);
        var summary = await ImportAsync(services, json, args.GetYear(), ct);
        await output.WriteLineAsync(summary);
        return 0;
    }

    /// <summary>Shared with "seed": validates against the agency's stored directory and saves.</summary>
    public static async Task<string> ImportAsync(IServiceProvider services, string json, int? year, CancellationToken ct)
    {
        var agency = PeekAgency(json);
        var directory = agency is null ? null : await services.GetRequiredService<IDirectoryRepository>().GetAsync(agency, ct);
        if (agency is not null && directory is null)
        {
            throw new CliFailureException($"No directory is stored for agency '{agency}': load it first with `directory <directory.json>`, so the plan's departments can be checked.");
        }

        var result = new PlanFileReader().Read(json, directory, year);
        if (!result.Ok)
        {
            throw new CliFailureException(CliFiles.Describe("The plan is invalid; nothing was imported.", result.Problems));
        }

        var plan = result.Value!;
        var saved = await services.GetRequiredService<IPlanRepository>().SaveAsync(plan, ct);
        var milestones = plan.Tasks.Sum(t => t.Milestones.Count);
        var head = $"Plan '{plan.Title}' ({plan.Agency}, {plan.Year}): {plan.Areas.Count} areas, {plan.Tasks.Count} tasks, {milestones} milestones";
        return saved.Changed
            ? $"{head} — imported: {saved.Added} added, {saved.Updated} updated, {saved.Unchanged} unchanged, {saved.Removed} removed."
            : $"{head} — already up to date, nothing changed.";
    }

    private static string? PeekAgency(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return doc.RootElement.ValueKind == JsonValueKind.Object &&
                   doc.RootElement.TryGetProperty("agency", out var a) && a.ValueKind == JsonValueKind.String
                ? a.GetString()!.Trim()
                : null;
        }
        catch (JsonException)
        {
            return null; // The reader reports it with its position.
        }
    }
}
