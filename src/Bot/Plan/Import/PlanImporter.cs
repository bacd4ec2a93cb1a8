using CchcBot.Plan.Files;
using CchcBot.Plan.Files.Word;
using CchcBot.Storage;

namespace CchcBot.Plan.Import;

/// <summary>A plan file read and compared with the stored plan, before anything is written.</summary>
/// <param name="Diff">The differences from the plan stored for the same year (null when the file is invalid).</param>
/// <param name="Stored">Whether a plan of the same agency and year is stored (otherwise every task is new).</param>
/// <param name="ToArchive">The ids of the tasks removed that have history: they will be archived, not deleted.</param>
public sealed record PlanPreview(CchcPlan? Plan, IReadOnlyList<ImportProblem> Problems, PlanDiff? Diff, bool Stored = false, IReadOnlyList<string>? ToArchive = null)
{
    public bool Ok => Plan is not null && Problems.Count == 0;
}

/// <param name="Diff">The differences from the plan of the same year stored before the import.</param>
/// <param name="Before">The plan of the same year stored before the import (null: none).</param>
/// <param name="Archived">The tasks removed by this import that had history, kept for reports.</param>
public sealed record PlanImportOutcome(CchcPlan Plan, PlanDiff Diff, PlanSaveResult Saved, CchcPlan? Before, IReadOnlyList<PlanTask> Archived);

/// <summary>
/// The one import of a plan, shared by the CLI (<c>import</c>, <c>seed</c>) and Teams (a file sent to the bot): reads a
/// JSON plan or a Word document (recognised by content), validates it against the agency's directory, compares it with
/// the stored plan, stores it and records the import (who, when, file name, counts).
/// </summary>
public sealed class PlanImporter(IPlanRepository plans, IProgressRepository progress, IImportRecordRepository records, TimeProvider time, ILogger<PlanImporter> logger)
{
    /// <summary>Who imported, in the records of imports made with the command line.</summary>
    public const string CliSource = "CLI";

    /// <summary>Reads a plan file of either kind. A Word document needs the directory (its agency and unit names).</summary>
    public static ReadResult<CchcPlan> Read(byte[] file, AgencyDirectory? directory, int? year)
    {
        if (PlanFileKind.Detect(file) == PlanFileKind.Docx)
        {
            return directory is null
                ? new ReadResult<CchcPlan>(null, [new ImportProblem(WordPlanReader.FilePath, "chưa có danh bạ của cơ quan để đối chiếu tên các phòng")])
                : new WordPlanReader().Read(file, directory, year);
        }

        return new PlanFileReader().Read(file, directory, year);
    }

    /// <summary>Reads and validates the file and compares it with the plan stored for its agency and year. Writes nothing.</summary>
    /// <param name="directory">The agency's directory: a plan naming another agency is a problem.</param>
    public async Task<PlanPreview> PreviewAsync(byte[] file, AgencyDirectory? directory, int? year, CancellationToken ct)
    {
        var result = Read(file, directory, year);
        if (!result.Ok)
        {
            return new PlanPreview(null, result.Problems, null);
        }

        var plan = result.Value!;
        if (directory is not null && !string.Equals(plan.Agency, directory.Agency, StringComparison.Ordinal))
        {
            return new PlanPreview(null, [new ImportProblem("$.agency", $"kế hoạch của cơ quan '{plan.Agency}', không phải của cơ quan '{directory.Agency}'")], null);
        }

        var stored = await plans.GetAsync(plan.Agency, plan.Year, ct);
        var diff = PlanDiff.Between(stored, plan);
        var toArchive = stored is null ? [] : await WithHistoryAsync(stored, diff.Removed, ct);
        return new PlanPreview(plan, [], diff, stored is not null, toArchive.Select(t => t.Id).ToList());
    }

    /// <summary>The tasks of <paramref name="tasks"/> that have history in <paramref name="stored"/>'s progress.</summary>
    private async Task<List<PlanTask>> WithHistoryAsync(CchcPlan stored, IEnumerable<PlanTask> tasks, CancellationToken ct)
    {
        var result = new List<PlanTask>();
        foreach (var task in tasks)
        {
            if ((await progress.GetHistoryAsync(stored.ProgressScope, task.Id, ct)).Count > 0)
            {
                result.Add(task);
            }
        }

        return result;
    }

    /// <summary>Stores a validated plan and records the import.</summary>
    /// <param name="by">"CLI", or the Teams user who confirmed.</param>
    /// <param name="fileName">The file's name as sent or given.</param>
    /// <exception cref="PlanImportConflictException">Another import switched the plan while this one wrote.</exception>
    public async Task<PlanImportOutcome> ImportAsync(CchcPlan plan, string by, string fileName, CancellationToken ct)
    {
        var stored = await plans.GetWithArchivedAsync(plan.Agency, plan.Year, ct);
        var before = stored is null ? null : stored with { Tasks = stored.Tasks.Where(t => !t.Archived).ToList() };
        var diff = PlanDiff.Between(before, plan);

        // An amendment: statuses stay with the milestones that still match; a removed task with history is archived.
        plan = MilestoneCarry.Apply(stored?.Tasks ?? [], plan);
        var archived = before is null ? [] : await WithHistoryAsync(before, diff.Removed, ct);
        var kept = plan.Tasks.Select(t => t.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var archive = (stored?.Tasks ?? []).Where(t => t.Archived && !kept.Contains(t.Id))
            .Concat(archived)
            .Select((t, i) => t with { Archived = true, Order = plan.Tasks.Count + i })
            .ToList();
        var saved = await plans.SaveAsync(plan with { Tasks = [.. plan.Tasks, .. archive] }, ct);
        try
        {
            await records.AddAsync(new ImportRecord(
                time.GetUtcNow(), plan.Agency, plan.Year, by, fileName, plan.Tasks.Count, plan.Tasks.Sum(t => t.Milestones.Count),
                saved.Changed ? diff.Added.Count : 0, saved.Changed ? diff.Changed.Count : 0, saved.Changed ? diff.Removed.Count : 0,
                saved.Changed ? archived.Count : 0, saved.Changed), CancellationToken.None); // the plan is in place: not cancelled
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The plan is in place: a missing line in the history must not turn the import into a failure.
            logger.LogWarning(e, "The import of the plan of {Agency} ({Year}) is done but could not be recorded", plan.Agency, plan.Year);
        }

        return new PlanImportOutcome(plan, diff, saved, before, archived);
    }
}
