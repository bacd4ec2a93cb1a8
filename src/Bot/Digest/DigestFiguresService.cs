using CchcBot.Cards;
using CchcBot.Hosting;
using CchcBot.Plan;
using CchcBot.Progress;
using CchcBot.Storage;

namespace CchcBot.Digest;

/// <summary>
/// The digest's figures as of an instant, read from storage: what the weekly card, "tổng hợp", the reports and the tab
/// count (posting them is <see cref="DigestService"/>'s job).
/// </summary>
public sealed class DigestFiguresService(
    ISnapshotLoader snapshots, IProgressRepository progress, IUnreachableRecipients unreachableRecipients, BotClock clock)
{
    public async Task<DigestFigures?> FiguresAsync(string agency, DateTimeOffset at, string? departmentId, CancellationToken ct)
    {
        var snapshot = await snapshots.LoadAsync(agency, clock.LocalDate(at), ct);
        return snapshot is null ? null : await FiguresAsync(snapshot, at, departmentId, ct);
    }

    /// <summary>The figures from a snapshot already loaded (as of <paramref name="at"/>'s local date).</summary>
    public async Task<DigestFigures> FiguresAsync(PlanSnapshot snapshot, DateTimeOffset at, string? departmentId, CancellationToken ct) =>
        await FiguresAsync(snapshot, await progress.GetHistorySinceAsync(snapshot.Plan.ProgressScope, DateTimeOffset.MinValue, ct), at, departmentId, ct);

    /// <param name="history">Every history entry of the agency, for callers that need it too.</param>
    public async Task<DigestFigures> FiguresAsync(PlanSnapshot snapshot, IReadOnlyList<HistoryEntry> history, DateTimeOffset at, string? departmentId, CancellationToken ct)
    {
        var agency = snapshot.Plan.Agency;
        var unreachable = (await unreachableRecipients.ListAsync(agency, ct)).Select(u => CardStrings.Unreached.Line(u.Recipient, u.Why)).ToList();
        return DigestCalculator.Compute(snapshot, history, unreachable, at, departmentId);
    }

}
