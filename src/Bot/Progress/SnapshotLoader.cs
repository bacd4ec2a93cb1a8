using CchcBot.Hosting;
using CchcBot.Storage;

namespace CchcBot.Progress;

public interface ISnapshotLoader
{
    /// <summary>Null when the agency has no plan or no directory yet.</summary>
    Task<PlanSnapshot?> LoadAsync(string agency, CancellationToken ct);

    /// <summary>The same, as of another day (the digest and report of a chosen instant).</summary>
    Task<PlanSnapshot?> LoadAsync(string agency, DateOnly today, CancellationToken ct);
}

public sealed class SnapshotLoader(IPlanRepository plans, IDirectoryRepository directories, IProgressRepository progress, BotClock clock)
    : ISnapshotLoader
{
    public Task<PlanSnapshot?> LoadAsync(string agency, CancellationToken ct) => LoadAsync(agency, clock.Today, ct);

    public async Task<PlanSnapshot?> LoadAsync(string agency, DateOnly today, CancellationToken ct)
    {
        var planTask = plans.GetAsync(agency, ct);
        var directoryTask = directories.GetAsync(agency, ct);
        var statesTask = progress.GetStatesAsync(agency, ct);
        var plan = await planTask;
        var directory = await directoryTask;
        var states = await statesTask;
        return plan is null || directory is null ? null : new PlanSnapshot(plan, directory, states, today, clock.Zone);
    }
}
