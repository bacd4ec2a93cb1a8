using CchcBot.Hosting;
using CchcBot.Plan;
using CchcBot.Storage;

namespace CchcBot.Progress;

public interface ISnapshotLoader
{
    /// <summary>Null when the agency has no plan or no directory yet.</summary>
    Task<PlanSnapshot?> LoadAsync(string agency, CancellationToken ct);

    /// <summary>The same, as of another day (the digest and report of a chosen instant).</summary>
    Task<PlanSnapshot?> LoadAsync(string agency, DateOnly today, CancellationToken ct);

    /// <summary>The user's agency today, with the directory the user was just resolved from (one read fewer).</summary>
    Task<PlanSnapshot?> LoadAsync(AgencyUser user, CancellationToken ct);

    /// <summary>The agency's plan of one stored year (not necessarily the latest) with its archived tasks, for reports, as
    /// of a day; null when that year is not stored.</summary>
    Task<PlanSnapshot?> LoadAsync(string agency, int planYear, DateOnly today, CancellationToken ct);
}

/// <summary>Plan, directory, states and assignments read together; approved extensions applied to the plan (<see cref="EffectiveDues"/>).</summary>
public sealed class SnapshotLoader(
    IPlanRepository plans, IDirectoryRepository directories, IProgressRepository progress, IExtensionRepository extensions, IAssignmentRepository assignments, BotClock clock)
    : ISnapshotLoader
{
    public Task<PlanSnapshot?> LoadAsync(string agency, CancellationToken ct) => LoadAsync(agency, clock.Today, ct);

    public Task<PlanSnapshot?> LoadAsync(string agency, DateOnly today, CancellationToken ct) =>
        LoadAsync(agency, today, directories.GetAsync(agency, ct), ct);

    public Task<PlanSnapshot?> LoadAsync(AgencyUser user, CancellationToken ct) =>
        LoadAsync(user.Agency, clock.Today, Task.FromResult<AgencyDirectory?>(user.Directory), ct);

    public Task<PlanSnapshot?> LoadAsync(string agency, int planYear, DateOnly today, CancellationToken ct) =>
        LoadAsync(agency, today, directories.GetAsync(agency, ct), ct, planYear);

    /// <summary>The plan chat follows is the latest year's; its statuses, approved due dates and assignments are read
    /// alongside (under the agency, where the first year keeps them) and read again under the plan's own scope when it is
    /// another year's.</summary>
    private async Task<PlanSnapshot?> LoadAsync(string agency, DateOnly today, Task<AgencyDirectory?> directoryTask, CancellationToken ct, int? planYear = null)
    {
        var planTask = planYear is { } year ? plans.GetWithArchivedAsync(agency, year, ct) : plans.GetAsync(agency, ct);
        var statesTask = progress.GetStatesAsync(agency, ct);
        var duesTask = extensions.GetApprovedDuesAsync(agency, ct);
        var assignmentsTask = assignments.GetAllAsync(agency, ct);
        var plan = await planTask;
        var directory = await directoryTask;
        var states = await statesTask;
        var dues = await duesTask;
        var book = await assignmentsTask;
        if (plan is null || directory is null)
        {
            return null;
        }

        if (plan.ProgressScope != agency)
        {
            var scopeStates = progress.GetStatesAsync(plan.ProgressScope, ct);
            var scopeDues = extensions.GetApprovedDuesAsync(plan.ProgressScope, ct);
            var scopeBook = assignments.GetAllAsync(plan.ProgressScope, ct);
            states = await scopeStates;
            dues = await scopeDues;
            book = await scopeBook;
        }

        return new PlanSnapshot(EffectiveDues.Apply(plan, dues), directory, states, today, clock.Zone) { Assignments = book };
    }
}
