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

    /// <summary>Starts reading the agency's plan, statuses, the year's requests and assignments (under the plan year's
    /// scope last seen, <see cref="LatestPlanScopes"/>) before the directory is known: a command that will need the
    /// snapshot starts them as soon as its sender's agency is, alongside the directory read.</summary>
    SnapshotReads StartReads(string agency, CancellationToken ct);

    /// <summary>The user's agency today (from reads already <paramref name="started"/> for it, <see cref="StartReads"/>),
    /// with the plan year's pending requests and open escalations: they come from the query that gave the snapshot its
    /// approved due dates (<see cref="IPlanYearRequests"/>), so what waits for a decision costs no read of its own.</summary>
    Task<(PlanSnapshot? Snapshot, YearRequests Requests)> LoadWithRequestsAsync(AgencyUser user, SnapshotReads? started, CancellationToken ct);
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
    Task<YearRequests> Requests,
    Task<AssignmentBook> Assignments);

/// <summary>Plan, directory, states and assignments read together; approved extensions applied to the plan (<see cref="EffectiveDues"/>).</summary>
public sealed class SnapshotLoader(
    IPlanRepository plans, IDirectoryRepository directories, IProgressRepository progress, IPlanYearRequests requests, IAssignmentRepository assignments,
    LatestPlanScopes scopes, BotClock clock)
    : ISnapshotLoader
{
    public Task<PlanSnapshot?> LoadAsync(string agency, CancellationToken ct) => LoadAsync(agency, clock.Today, ct);

    public async Task<PlanSnapshot?> LoadAsync(string agency, DateOnly today, CancellationToken ct) =>
        (await LoadAsync(Start(agency, ct), today, directories.GetAsync(agency, ct), ct)).Snapshot;

    public async Task<PlanSnapshot?> LoadAsync(AgencyUser user, CancellationToken ct) =>
        (await LoadWithRequestsAsync(user, null, ct)).Snapshot;

    public async Task<PlanSnapshot?> LoadAsync(string agency, int planYear, DateOnly today, CancellationToken ct) =>
        (await LoadAsync(Start(agency, ct, planYear), today, directories.GetAsync(agency, ct), ct)).Snapshot;

    public SnapshotReads StartReads(string agency, CancellationToken ct) => Start(agency, ct);

    public Task<(PlanSnapshot? Snapshot, YearRequests Requests)> LoadWithRequestsAsync(AgencyUser user, SnapshotReads? started, CancellationToken ct) =>
        LoadAsync(started is not null && started.Agency == user.Agency ? started : Start(user.Agency, ct), clock.Today, Task.FromResult<AgencyDirectory?>(user.Directory), ct);

    private SnapshotReads Start(string agency, CancellationToken ct, int? planYear = null)
    {
        var scope = planYear is null ? scopes.Of(agency) : agency;
        return new(
            agency,
            scope,
            planYear is null,
            planYear is { } year ? plans.GetWithArchivedAsync(agency, year, ct) : plans.GetAsync(agency, ct),
            progress.GetStatesAsync(scope, ct),
            requests.GetYearAsync(scope, ct),
            assignments.GetAllAsync(scope, ct));
    }

    /// <summary>The plan chat follows is the latest year's; its statuses, requests and assignments are read alongside,
    /// under the scope last seen for the agency, and read again under the plan's own scope when that was not it.</summary>
    private async Task<(PlanSnapshot? Snapshot, YearRequests Requests)> LoadAsync(SnapshotReads reads, DateOnly today, Task<AgencyDirectory?> directoryTask, CancellationToken ct)
    {
        var agency = reads.Agency;
        var plan = await reads.Plan;
        var directory = await directoryTask;
        var states = await reads.States;
        var year = await reads.Requests;
        var book = await reads.Assignments;
        if (plan is null || directory is null)
        {
            return (null, year);
        }

        if (reads.Latest)
        {
            scopes.Saw(agency, plan.ProgressScope);
        }

        if (plan.ProgressScope != reads.Scope)
        {
            var scopeStates = progress.GetStatesAsync(plan.ProgressScope, ct);
            var scopeYear = requests.GetYearAsync(plan.ProgressScope, ct);
            var scopeBook = assignments.GetAllAsync(plan.ProgressScope, ct);
            states = await scopeStates;
            year = await scopeYear;
            book = await scopeBook;
        }

        return (new PlanSnapshot(EffectiveDues.Apply(plan, year.ApprovedDues), directory, states, today, clock.Zone) { Assignments = book }, year);
    }
}
