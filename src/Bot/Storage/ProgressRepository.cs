using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CchcBot.Plan;

namespace CchcBot.Storage;

public interface IProgressRepository
{
    Task<IReadOnlyDictionary<string, MilestoneState>> GetStatesAsync(string agency, CancellationToken ct = default);

    Task<MilestoneState> GetStateAsync(string agency, string taskId, string milestoneId, CancellationToken ct = default);

    /// <summary>The states of the given milestones (missing = not started), one range query per task they belong to.</summary>
    Task<IReadOnlyDictionary<string, MilestoneState>> GetStatesAsync(string agency, IEnumerable<(string TaskId, string MilestoneId)> milestones, CancellationToken ct = default);

    /// <summary>The milestones currently reported blocked (Gặp vướng mắc), with their task ids.</summary>
    Task<IReadOnlyList<(string TaskId, MilestoneState State)>> GetBlockedAsync(string agency, CancellationToken ct = default);

    /// <summary>Every history entry of a task, oldest first.</summary>
    Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(string agency, string taskId, CancellationToken ct = default);

    /// <summary>Every history entry of the agency recorded at or after <paramref name="since"/>, oldest first.</summary>
    Task<IReadOnlyList<HistoryEntry>> GetHistorySinceAsync(string agency, DateTimeOffset since, CancellationToken ct = default);

    /// <summary>
    /// Records a status change or a comment: the milestone's state and a history entry are written in one table
    /// transaction, guarded by the state's ETag. The entry's key derives from (operation key, milestone, part), so
    /// replaying the same operation on the same milestone (Teams re-sends slow invokes) records nothing twice, while
    /// the same operation key on another milestone is recorded. The entry's time is read inside the attempt that
    /// commits, and the entry carries the milestone's next commit sequence (kept in the state row, written in the same
    /// transaction): history is ordered by commit.
    /// </summary>
    Task<RecordResult> RecordAsync(ProgressUpdate update, CancellationToken ct = default);
}

/// <param name="OperationKey">Unique per user action (the invoke activity id); equal keys on one milestone and part are one action.</param>
/// <param name="At">The time to record; null (what the bot passes) = the repository's clock, read inside the attempt
/// that commits, so times never disagree with the commit order.</param>
/// <param name="NewStatus">Null for a comment (ý kiến phối hợp), which leaves the status as it is.</param>
/// <param name="Part">Which part of the milestone the operation is about (empty: the milestone as a whole).</param>
/// <param name="Kind">The history entry's kind when it is not a plain status change or comment (see <see cref="Cards.HistoryKinds"/>).</param>
/// <param name="FromDue">For a deadline step: the due date before.</param>
/// <param name="ToDue">For a deadline step: the date asked for or approved.</param>
public sealed record ProgressUpdate(
    string Agency,
    string TaskId,
    string MilestoneId,
    string OperationKey,
    string By,
    string ByName,
    DateTimeOffset? At,
    MilestoneStatus? NewStatus,
    string? Note,
    string? Evidence,
    string Part = "",
    DateOnly? DoneOn = null,
    string? Kind = null,
    DateOnly? FromDue = null,
    DateOnly? ToDue = null);

/// <param name="State">The state after the operation (for a replay: the current state).</param>
/// <param name="Previous">The state the recorded operation was applied to; null for a replay.</param>
public sealed record RecordResult(bool Replayed, MilestoneState State, MilestoneState? Previous = null);

/// <summary>
/// One partition per agency and task holds the task's milestone states ("s|…") and its history ("h|…"), so a state
/// change and its history entry commit atomically.
/// </summary>
public sealed class ProgressRepository(CchcTables tables, TimeProvider time) : IProgressRepository
{
    public const string StatusKind = "status";
    public const string CommentKind = "comment";
    private const string StatePrefix = "s|";
    private const string HistoryPrefix = "h|";
    private const int MaxAttempts = 60;
    private const char PartSeparator = TableKeys.Separator;

    public ProgressRepository(CchcTables tables)
        : this(tables, TimeProvider.System)
    {
    }

    public async Task<IReadOnlyDictionary<string, MilestoneState>> GetStatesAsync(string agency, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Progress, ct);
        return await QueryStatesAsync(table, TableFilter.And(TableFilter.PartitionStartsWith(AgencyPrefix(agency)), TableFilter.RowStartsWith(StatePrefix)), ct);
    }

    public async Task<MilestoneState> GetStateAsync(string agency, string taskId, string milestoneId, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Progress, ct);
        // The milestone's rows are its key and the key's part rows: a key range (which may also hold a milestone whose id
        // extends this one, "TC-1-1" → "TC-1-10", set aside below), where an "or" of the two would scan the partition.
        var filter = TableFilter.And(TableFilter.PartitionIs(Partition(agency, taskId)), TableFilter.RowStartsWith(StateKey(milestoneId)));
        return (await QueryStatesAsync(table, filter, ct)).GetValueOrDefault(milestoneId) ?? MilestoneState.Initial(milestoneId);
    }

    public async Task<IReadOnlyDictionary<string, MilestoneState>> GetStatesAsync(
        string agency, IEnumerable<(string TaskId, string MilestoneId)> milestones, CancellationToken ct = default)
    {
        // One key-range query per task (a task's states are few), not one per milestone: a range is what Azure Tables
        // seeks, where an "or" of row keys scans the partition.
        var table = await tables.GetAsync(CchcTables.Progress, ct);
        var byTask = await Task.WhenAll(milestones.Distinct().GroupBy(m => m.TaskId, m => m.MilestoneId, StringComparer.Ordinal).Select(async wanted =>
        {
            var filter = TableFilter.And(TableFilter.PartitionIs(Partition(agency, wanted.Key)), TableFilter.RowStartsWith(StatePrefix));
            return (Wanted: wanted, States: await QueryStatesAsync(table, filter, ct));
        }));
        var result = new Dictionary<string, MilestoneState>(StringComparer.Ordinal);
        foreach (var (wanted, states) in byTask)
        {
            foreach (var milestoneId in wanted)
            {
                result[milestoneId] = states.GetValueOrDefault(milestoneId) ?? MilestoneState.Initial(milestoneId);
            }
        }

        return result;
    }

    public async Task<IReadOnlyList<(string TaskId, MilestoneState State)>> GetBlockedAsync(string agency, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Progress, ct);
        var result = new List<(string, MilestoneState)>();
        var filter = TableFilter.And(
            TableFilter.PartitionStartsWith(AgencyPrefix(agency)), TableFilter.RowStartsWith(StatePrefix), TableClient.CreateQueryFilter($"Status eq {nameof(MilestoneStatus.Blocked)}"));
        await foreach (var row in table.QueryAsync<MilestoneStateEntity>(filter, cancellationToken: ct))
        {
            var taskId = TableKeys.Decode(row.PartitionKey[(row.PartitionKey.IndexOf(TableKeys.Separator, StringComparison.Ordinal) + 1)..]);
            result.Add((taskId, ToState(row)));
        }

        return result;
    }

    public async Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(string agency, string taskId, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Progress, ct);
        var filter = TableFilter.And(TableFilter.PartitionIs(Partition(agency, taskId)), TableFilter.RowStartsWith(HistoryPrefix));
        return await QueryHistoryAsync(table, filter, ct);
    }

    public async Task<IReadOnlyList<HistoryEntry>> GetHistorySinceAsync(string agency, DateTimeOffset since, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Progress, ct);
        var filter = TableFilter.And(
            TableFilter.PartitionStartsWith(AgencyPrefix(agency)), TableFilter.RowStartsWith(HistoryPrefix), TableClient.CreateQueryFilter($"At ge {TableFilter.ToMillisecond(since)}"));
        return await QueryHistoryAsync(table, filter, ct);
    }

    public async Task<RecordResult> RecordAsync(ProgressUpdate update, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Progress, ct);
        var partition = Partition(update.Agency, update.TaskId);
        var historyKey = HistoryKey(update.OperationKey, update.MilestoneId, update.Part);

        for (var attempt = 1; ; attempt++)
        {
            var stateKey = StateKey(update.MilestoneId, update.Part);
            var current = await table.GetEntityIfExistsAsync<MilestoneStateEntity>(partition, stateKey, cancellationToken: ct);
            // A part never reported starts from the milestone's whole state (recorded before the milestone had parts).
            var whole = current.HasValue || update.Part.Length == 0 ? null
                : await table.GetEntityIfExistsAsync<MilestoneStateEntity>(partition, StateKey(update.MilestoneId), cancellationToken: ct);
            var before = current.HasValue ? ToState(current.Value!)
                : whole is { HasValue: true } ? ToState(whole.Value!)
                : MilestoneState.Initial(update.MilestoneId);
            var seq = (current.HasValue ? current.Value!.Seq ?? 0 : 0) + 1;
            var at = update.At ?? time.GetUtcNow();
            var after = Apply(before, update, at);
            var history = new HistoryRowEntity
            {
                PartitionKey = partition,
                RowKey = historyKey,
                MilestoneId = update.MilestoneId,
                TaskId = update.TaskId,
                At = at,
                By = update.By,
                ByName = update.ByName,
                Kind = update.Kind ?? (update.NewStatus is null ? CommentKind : StatusKind),
                From = before.Status.ToString(),
                To = after.Status.ToString(),
                Note = update.Note,
                Evidence = update.Evidence,
                Seq = seq,
                Part = update.Part,
                DoneOn = after.Status == MilestoneStatus.Done ? IsoDate(after.DoneOn) : null,
                FromDue = IsoDate(update.FromDue),
                ToDue = IsoDate(update.ToDue),
            };

            // The state row is written even for a comment (unchanged but for its sequence), so every entry of a
            // milestone takes its place in one commit order.
            var stateRow = ToEntity(partition, after, update.Part);
            stateRow.Seq = seq;
            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.Add, history),
                current.HasValue
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, stateRow, current.Value!.ETag)
                    : new TableTransactionAction(TableTransactionActionType.Add, stateRow),
            };

            try
            {
                await table.SubmitTransactionAsync(actions, ct);
                return new RecordResult(false, after, before);
            }
            catch (TableTransactionFailedException e) when (e.FailedTransactionActionIndex == 0 && e.Status == 409)
            {
                // The history entry exists: this operation was recorded before. Answer with the current state.
                var now = await GetStateAsync(update.Agency, update.TaskId, update.MilestoneId, ct);
                return new RecordResult(true, update.Part.Length == 0 ? now : now.PartOf(update.Part));
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Someone else changed the state since we read it: read again and re-apply on top.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 10 + (20 * Math.Min(attempt, 10)))), ct);
            }
        }
    }

    private static MilestoneState Apply(MilestoneState before, ProgressUpdate u, DateTimeOffset at)
    {
        if (u.NewStatus is not { } status)
        {
            return before;
        }

        DateTimeOffset? completedAt = status != MilestoneStatus.Done ? null
            : before.Status == MilestoneStatus.Done ? before.CompletedAt ?? at
            : at;
        var doneOn = status != MilestoneStatus.Done ? null : u.DoneOn ?? (before.Status == MilestoneStatus.Done ? before.DoneOn : null);
        return new MilestoneState(u.MilestoneId, status, u.ByName, at, u.Note, u.Evidence, completedAt) { DoneOn = doneOn };
    }

    /// <summary>
    /// History in commit order: within a milestone by its commit sequence (rows written before sequences existed
    /// first, by time); milestones interleaved by time, never reordering one milestone's entries.
    /// </summary>
    private static async Task<IReadOnlyList<HistoryEntry>> QueryHistoryAsync(TableClient table, string filter, CancellationToken ct)
    {
        var rows = new List<(HistoryEntry Entry, long Seq)>();
        await foreach (var row in table.QueryAsync<HistoryRowEntity>(filter, cancellationToken: ct))
        {
            rows.Add((new HistoryEntry(
                row.TaskId ?? string.Empty,
                row.MilestoneId ?? string.Empty,
                row.At ?? row.Timestamp ?? DateTimeOffset.MinValue,
                row.By ?? string.Empty,
                row.ByName ?? string.Empty,
                row.Kind ?? string.Empty,
                Enum.Parse<MilestoneStatus>(row.From ?? string.Empty),
                Enum.Parse<MilestoneStatus>(row.To ?? string.Empty),
                row.Note,
                row.Evidence,
                row.Part ?? string.Empty,
                ParseIsoDate(row.DoneOn),
                ParseIsoDate(row.FromDue),
                ParseIsoDate(row.ToDue)), row.Seq ?? 0));
        }

        var ordered = new List<(HistoryEntry Entry, DateTimeOffset Effective, long Seq, int Index)>(rows.Count);
        foreach (var milestone in rows.GroupBy(r => (r.Entry.TaskId, r.Entry.MilestoneId)))
        {
            var effective = DateTimeOffset.MinValue;
            foreach (var (entry, seq) in milestone.OrderBy(r => r.Seq).ThenBy(r => r.Entry.At))
            {
                // A later commit is never placed before an earlier one, even if its clock was behind.
                effective = entry.At > effective ? entry.At : effective;
                ordered.Add((entry, effective, seq, ordered.Count));
            }
        }

        return ordered.OrderBy(o => o.Effective).ThenBy(o => o.Seq).ThenBy(o => o.Index).Select(o => o.Entry).ToList();
    }

    private static MilestoneStateEntity ToEntity(string partition, MilestoneState s, string part) => new()
    {
        PartitionKey = partition,
        RowKey = StateKey(s.MilestoneId, part),
        MilestoneId = s.MilestoneId,
        Part = part.Length == 0 ? null : part,
        Status = s.Status.ToString(),
        UpdatedBy = s.UpdatedBy,
        UpdatedAt = s.UpdatedAt,
        Note = s.Note,
        Evidence = s.Evidence,
        CompletedAt = s.CompletedAt,
        DoneOn = IsoDate(s.DoneOn),
    };

    private static MilestoneState ToState(MilestoneStateEntity row) => new(
        row.MilestoneId ?? string.Empty,
        Enum.Parse<MilestoneStatus>(row.Status ?? string.Empty),
        row.UpdatedBy,
        row.UpdatedAt,
        row.Note,
        row.Evidence,
        row.CompletedAt)
    {
        DoneOn = ParseIsoDate(row.DoneOn),
    };

    private static string? IsoDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly? ParseIsoDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;

    private static string AgencyPrefix(string agency) => TableKeys.Encode(agency) + TableKeys.Separator;

    private static string Partition(string agency, string taskId) => TableKeys.Compose(agency, taskId);

    /// <summary>"s|{milestone}" for a milestone's whole state; "s|{milestone}|{department}" for one lead department's part.</summary>
    private static string StateKey(string milestoneId, string part = "") =>
        StatePrefix + TableKeys.Encode(milestoneId) + (part.Length == 0 ? string.Empty : PartSeparator + TableKeys.Encode(part));

    private static async Task<Dictionary<string, MilestoneState>> QueryStatesAsync(TableClient table, string filter, CancellationToken ct)
    {
        var rows = new List<MilestoneStateEntity>();
        await foreach (var row in table.QueryAsync<MilestoneStateEntity>(filter, cancellationToken: ct))
        {
            rows.Add(row);
        }

        return Assemble(rows);
    }

    /// <summary>Whole-state rows and part rows of each milestone, as one state per milestone with its parts.</summary>
    private static Dictionary<string, MilestoneState> Assemble(IEnumerable<MilestoneStateEntity> rows)
    {
        var result = new Dictionary<string, MilestoneState>(StringComparer.Ordinal);
        var parts = new List<(string MilestoneId, string Part, MilestoneState State)>();
        foreach (var row in rows)
        {
            var state = ToState(row);
            if (row.Part is { Length: > 0 } part)
            {
                parts.Add((state.MilestoneId, part, state));
            }
            else
            {
                result[state.MilestoneId] = state;
            }
        }

        foreach (var (milestoneId, part, state) in parts)
        {
            var whole = result.GetValueOrDefault(milestoneId) ?? MilestoneState.Initial(milestoneId);
            result[milestoneId] = whole.WithPart(part, state);
        }

        return result;
    }

    /// <summary>
    /// "h|" and 32 hex digits of SHA-256 over (operation key, milestone id, part). Rows written before the milestone
    /// and part were part of the key (a hash of the operation key alone) keep their keys and read as before.
    /// </summary>
    private static string HistoryKey(string operationKey, string milestoneId, string part) =>
        HistoryPrefix + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{operationKey}\n{milestoneId}\n{part}")), 0, 16);
}

/// <summary>A milestone's state, or one lead department's part of it ("s|…"). Its property names are the stored format:
/// Status is the <see cref="MilestoneStatus"/> name, DoneOn an ISO date, Seq (Int64) the milestone's last commit
/// sequence (absent on rows written before sequences existed).</summary>
internal sealed class MilestoneStateEntity : StoredRow
{
    public string? MilestoneId { get; set; }

    /// <summary>The lead department of a part row; absent on a whole-milestone row.</summary>
    public string? Part { get; set; }

    public string? Status { get; set; }

    public string? UpdatedBy { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public string? Note { get; set; }

    public string? Evidence { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? DoneOn { get; set; }

    public long? Seq { get; set; }
}

/// <summary>A history entry ("h|…"). Its property names are the stored format: From and To are <see cref="MilestoneStatus"/>
/// names, the dates ISO dates, Seq (Int64) the commit sequence within the milestone.</summary>
internal sealed class HistoryRowEntity : StoredRow
{
    public string? MilestoneId { get; set; }

    public string? TaskId { get; set; }

    public DateTimeOffset? At { get; set; }

    public string? By { get; set; }

    public string? ByName { get; set; }

    public string? Kind { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public string? Note { get; set; }

    public string? Evidence { get; set; }

    public long? Seq { get; set; }

    public string? Part { get; set; }

    public string? DoneOn { get; set; }

    public string? FromDue { get; set; }

    public string? ToDue { get; set; }
}
