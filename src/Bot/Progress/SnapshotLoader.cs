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

    /// <summary>Starts reading the agency's plan, statuses, approved due dates and assignments (under the plan year's
    /// scope last seen, <see cref="LatestPlanScopes"/>) before the directory is known: a command that will need the
    /// snapshot starts them as soon as its sender's agency is, alongside the directory read.</summary>
    SnapshotReads StartReads(string agency, CancellationToken ct);

    /// <summary>The user's agency today (from reads already <paramref name="started"/> for it, <see cref="StartReads"/>),
    /// and what <paramref name="alongside"/> reads of the plan year's scope: read at the same time under the scope the
    /// snapshot's reads start with, and again under the plan's own scope when that was not it.</summary>
    Task<(PlanSnapshot? Snapshot, T Alongside)> LoadAsync<T>(AgencyUser user, SnapshotReads? started, Func<string, Task<T>> alongside, CancellationToken ct);
}

/// <summary>A snapshot's storage reads under way for one agency (see <see cref="ISnapshotLoader.StartReads"/>).</summary>
/// <param name="Scope">The progress scope the statuses, due dates and assignments are read under.</param>
/// <param name="Latest">Whether the plan read is the latest year's (the one chat and the tab follow).</param>
public sealed record SnapshotReads(
    string Agency,
    string Scope,
    bool Latest,
    Task<CchcPlan?> Plan,
    Task<IReadOnlyDictionary<string, MilestoneState>> States,
    Task<IReadOnlyDictionary<string, ApprovedDue>> Dues,
    Task<AssignmentBook> Assignments);

/// <summary>Plan, directory, states and assignments read together; approved extensions applied to the plan (<see cref="EffectiveDues"/>).</summary>
public sealed class SnapshotLoader(
    IPlanRepository plans, IDirectoryRepository directories, IProgressRepository progress, IExtensionRepository extensions, IAssignmentRepository assignments,
    LatestPlanScopes scopes, BotClock clock)
    : ISnapshotLoader
{
    public Task<PlanSnapshot?> LoadAsync(string agency, CancellationToken ct) => LoadAsync(agency, clock.Today, ct);

    public Task<PlanSnapshot?> LoadAsync(string agency, DateOnly today, CancellationToken ct) =>
        LoadAsync(agency, today, directories.GetAsync(agency, ct), ct);

    public Task<PlanSnapshot?> LoadAsync(AgencyUser user, CancellationToken ct) =>
        LoadAsync(user.Agency, clock.Today, Task.FromResult<AgencyDirectory?>(user.Directory), ct);

    public Task<PlanSnapshot?> LoadAsync(string agency, int planYear, DateOnly today, CancellationToken ct) =>
        LoadAsync(Start(agency, ct, planYear), today, directories.GetAsync(agency, ct), ct);

    public SnapshotReads StartReads(string agency, CancellationToken ct) => Start(agency, ct);

    public async Task<(PlanSnapshot? Snapshot, T Alongside)> LoadAsync<T>(AgencyUser user, SnapshotReads? started, Func<string, Task<T>> alongside, CancellationToken ct)
    {
        var reads = started is not null && started.Agency == user.Agency ? started : Start(user.Agency, ct);
        var snapshotTask = LoadAsync(reads, clock.Today, Task.FromResult<AgencyDirectory?>(user.Directory), ct);
        var alongsideTask = alongside(reads.Scope);
        await Task.WhenAll(snapshotTask, alongsideTask);
        var snapshot = await snapshotTask;
        return snapshot is not null && snapshot.Plan.ProgressScope != reads.Scope
            ? (snapshot, await alongside(snapshot.Plan.ProgressScope))
            : (snapshot, await alongsideTask);
    }

    private SnapshotReads Start(string agency, CancellationToken ct, int? planYear = null)
    {
        var scope = planYear is null ? scopes.Of(agency) : agency;
        return new(
            agency,
            scope,
            planYear is null,
            planYear is { } year ? plans.GetWithArchivedAsync(agency, year, ct) : plans.GetAsync(agency, ct),
            progress.GetStatesAsync(scope, ct),
            extensions.GetApprovedDuesAsync(scope, ct),
            assignments.GetAllAsync(scope, ct));
    }

    private Task<PlanSnapshot?> LoadAsync(string agency, DateOnly today, Task<AgencyDirectory?> directoryTask, CancellationToken ct) =>
        LoadAsync(Start(agency, ct), today, directoryTask, ct);

    /// <summary>The plan chat follows is the latest year's; its statuses, approved due dates and assignments are read
    /// alongside, under the scope last seen for the agency, and read again under the plan's own scope when that was not it.</summary>
    private async Task<PlanSnapshot?> LoadAsync(SnapshotReads reads, DateOnly today, Task<AgencyDirectory?> directoryTask, CancellationToken ct)
    {
        var agency = reads.Agency;
        var plan = await reads.Plan;
        var directory = await directoryTask;
        var states = await reads.States;
        var dues = await reads.Dues;
        var book = await reads.Assignments;
        if (plan is null || directory is null)
        {
            return null;
        }

        if (reads.Latest)
        {
            scopes.Saw(agency, plan.ProgressScope);
        }

        if (plan.ProgressScope != reads.Scope)
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
