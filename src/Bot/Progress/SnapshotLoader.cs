using CchcBot.Hosting;
using CchcBot.Plan;
using CchcBot.Storage;
using CchcBot.Teams.Identity;

namespace CchcBot.Progress;

public interface ISnapshotLoader
{
    /// <summary>Null when the agency has no plan or no directory yet.</summary>
    Task<PlanSnapshot?> LoadAsync(string agency, CancellationToken ct);

    /// <summary>The same, as of another day (the digest and report of a chosen instant).</summary>
    Task<PlanSnapshot?> LoadAsync(string agency, DateOnly today, CancellationToken ct);

    /// <summary>The user's agency today, with the directory the user was just resolved from (one read fewer).</summary>
    Task<PlanSnapshot?> LoadAsync(BotUser user, CancellationToken ct);
}

/// <summary>Plan, directory, states and assignments read together; approved extensions applied to the plan (<see cref="EffectiveDues"/>).</summary>
public sealed class SnapshotLoader(
    IPlanRepository plans, IDirectoryRepository directories, IProgressRepository progress, IExtensionRepository extensions, IAssignmentRepository assignments, BotClock clock)
    : ISnapshotLoader
{
    public Task<PlanSnapshot?> LoadAsync(string agency, CancellationToken ct) => LoadAsync(agency, clock.Today, ct);

    public Task<PlanSnapshot?> LoadAsync(string agency, DateOnly today, CancellationToken ct) =>
        LoadAsync(agency, today, directories.GetAsync(agency, ct), ct);

    public Task<PlanSnapshot?> LoadAsync(BotUser user, CancellationToken ct) =>
        LoadAsync(user.Agency, clock.Today, Task.FromResult<AgencyDirectory?>(user.Directory), ct);

    private async Task<PlanSnapshot?> LoadAsync(string agency, DateOnly today, Task<AgencyDirectory?> directoryTask, CancellationToken ct)
    {
        var planTask = plans.GetAsync(agency, ct);
        var statesTask = progress.GetStatesAsync(agency, ct);
        var duesTask = extensions.GetApprovedDuesAsync(agency, ct);
        var assignmentsTask = assignments.GetAllAsync(agency, ct);
        var plan = await planTask;
        var directory = await directoryTask;
        var states = await statesTask;
        var dues = await duesTask;
        var book = await assignmentsTask;
        return plan is null || directory is null ? null : new PlanSnapshot(EffectiveDues.Apply(plan, dues), directory, states, today, clock.Zone) { Assignments = book };
    }
}
