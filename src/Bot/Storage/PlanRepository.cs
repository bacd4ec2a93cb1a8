using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CchcBot.Plan;

namespace CchcBot.Storage;

public interface IPlanRepository
{
    /// <summary>The plan chat, reminders and the digest follow: the agency's latest year.</summary>
    Task<CchcPlan?> GetAsync(string agency, CancellationToken ct = default);

    /// <summary>The agency's plan of one year (any year stored, e.g. for a report); null when none is stored.</summary>
    Task<CchcPlan?> GetAsync(string agency, int year, CancellationToken ct = default);

    /// <summary>The plan of one year with its archived tasks (removed by an amendment while they had history), for reports
    /// and the next import; the other reads leave archived tasks out.</summary>
    Task<CchcPlan?> GetWithArchivedAsync(string agency, int year, CancellationToken ct = default);

    /// <summary>The years of the agency's stored plans, in order.</summary>
    Task<IReadOnlyList<int>> YearsAsync(string agency, CancellationToken ct = default);

    /// <summary>Stores the plan as the agency's plan of its year (the other years' plans are kept). Task history and
    /// statuses live elsewhere and are never touched here.</summary>
    Task<PlanSaveResult> SaveAsync(CchcPlan plan, CancellationToken ct = default);

    Task<IReadOnlyList<string>> AgenciesAsync(CancellationToken ct = default);

    /// <summary>The plan without its tasks (year, title, areas): one point read.</summary>
    Task<CchcPlan?> GetHeadAsync(string agency, CancellationToken ct = default);

    /// <summary>The given tasks only: by point reads when they are few of the plan's (work proportional to what is due,
    /// not to the plan), in one query of the plan's tasks when they are most of them.</summary>
    Task<IReadOnlyList<PlanTask>> GetTasksAsync(string agency, IEnumerable<string> taskIds, CancellationToken ct = default);

    /// <summary>The milestones due on any day from <paramref name="from"/> to <paramref name="to"/>, from the due-date index.</summary>
    Task<IReadOnlyList<DueIndexEntry>> DueBetweenAsync(string agency, DateOnly from, DateOnly to, CancellationToken ct = default);

    /// <summary>The milestone ids due on <paramref name="due"/> (null: the ongoing ones), from the due-date index.</summary>
    Task<IReadOnlyList<DueIndexEntry>> DueOnAsync(string agency, DateOnly? due, CancellationToken ct = default);
}

/// <param name="CleanedUp">Rows left by earlier failed or interrupted imports (and by the replaced version) that were removed.</param>
/// <param name="Warning">Set when the new plan is in place but the previous version's rows could not all be removed yet.</param>
public sealed record PlanSaveResult(bool Changed, int Added, int Updated, int Unchanged, int Removed, int CleanedUp = 0, string? Warning = null);

/// <param name="Due">The due date (null for ongoing work).</param>
public sealed record DueIndexEntry(string TaskId, string MilestoneId, DateOnly? Due = null);

/// <summary>Another import switched the agency's plan (or cleaned this one up) while this import was writing.</summary>
public sealed class PlanImportConflictException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// Plans: one head row per agency (year, title, areas, content hash, current version) and one registry row per
/// version being written or in use. Tasks: one row per task of one version, its milestones inside (partition
/// "agency|version"). DueIndex: one partition per agency, version and due date ("agency|version|date"), so a reminder
/// sweep reads only the days it needs.
/// An import writes a complete new version next to the current one and then switches the head row to it in one
/// transaction (guarded by the head's and the registry row's ETags); only after the switch are the old version's
/// rows deleted. Readers read the head first and then only the rows of its version, so a failure or a crash at any
/// point leaves them on the whole old plan; the next import removes what an interrupted one left behind.
/// Rows written before versions existed (head without Version, tasks in partition "agency", due dates in
/// "agency|date") are read as the legacy version and removed by the next import that changes the plan.
/// </summary>
public sealed class PlanRepository(CchcTables tables, TimeProvider? time = null) : IPlanRepository
{
    /// <summary>How long the registry row of an abandoned version is kept: an import still writing it (a slow one,
    /// overtaken by another) keeps finding its rows removed until then, so none of them are left behind.</summary>
    public static readonly TimeSpan AbandonedRetention = TimeSpan.FromHours(1);

    private const string PlanRow = "plan";
    private const string VersionRowPrefix = "version|";
    private const string YearRowPrefix = "year|";
    private const string OngoingKey = "ongoing";
    private const string Writing = "Writing";
    private const string Committed = "Committed";
    private const string Abandoned = "Abandoned";
    private const int MaxBatchBytes = 2 * 1024 * 1024;

    // The last plan read per agency, with its content hash. The head row (a point read) says whether it is still
    // current, so a chat turn skips the task query while the plan is unchanged.
    private readonly ConcurrentDictionary<string, (string Hash, Loaded Plan)> _lastRead = new(StringComparer.Ordinal);

    public async Task<CchcPlan?> GetAsync(string agency, CancellationToken ct = default) =>
        (await LoadAsync(agency, agency, () => ReadHeadAsync(agency, ct), ct))?.Active;

    public async Task<CchcPlan?> GetAsync(string agency, int year, CancellationToken ct = default) =>
        (await LoadAsync(agency, $"{agency}{TableKeys.Separator}{year}", () => ReadYearHeadAsync(agency, year, ct), ct))?.Active;

    public async Task<CchcPlan?> GetWithArchivedAsync(string agency, int year, CancellationToken ct = default) =>
        (await LoadAsync(agency, $"{agency}{TableKeys.Separator}{year}", () => ReadYearHeadAsync(agency, year, ct), ct))?.All;

    public async Task<IReadOnlyList<int>> YearsAsync(string agency, CancellationToken ct = default) =>
        (await HeadsAsync(agency, ct)).Select(h => h.Year ?? 0).Distinct().Order().ToList();

    private async Task<Loaded?> LoadAsync(string agency, string cacheKey, Func<Task<PlanHeadEntity?>> readHead, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var head = await readHead();
            if (head is null)
            {
                return null;
            }

            var hash = head.Hash;
            if (hash is not null && _lastRead.TryGetValue(cacheKey, out var last) && last.Hash == hash)
            {
                return last.Plan;
            }

            var tasks = await LoadTasksAsync(agency, VersionOf(head), ct);
            if (head.TaskCount is { } count && count != tasks.Count && attempt < 3)
            {
                continue; // The version was replaced (and its rows removed) while we read it: read the new head.
            }

            var plan = PlanOf(agency, head, tasks.OrderBy(t => t.Order).ToList());
            var loaded = new Loaded(plan, plan.Tasks.Any(t => t.Archived) ? plan with { Tasks = plan.Tasks.Where(t => !t.Archived).ToList() } : plan);
            if (hash is not null)
            {
                _lastRead[cacheKey] = (hash, loaded);
            }

            return loaded;
        }
    }

    /// <summary>A plan as stored (<see cref="All"/>) and without its archived tasks (<see cref="Active"/>, what chat sees).</summary>
    private sealed record Loaded(CchcPlan All, CchcPlan Active);

    public async Task<PlanSaveResult> SaveAsync(CchcPlan plan, CancellationToken ct = default)
    {
        var agencyKey = TableKeys.Encode(plan.Agency);
        var hash = Hash(StoredJson.Serialize(plan));
        var plans = await tables.GetAsync(CchcTables.Plans, ct);
        // The head chat follows (the latest year), and this year's own head: its year row, or the latest head when it
        // is of this year and was written before years were kept apart.
        var current = await ReadHeadAsync(plan.Agency, ct);
        var yearRow = await ReadYearRowAsync(plan.Agency, plan.Year, ct);
        var head = yearRow ?? (current?.Year == plan.Year ? current : null);
        var same = head is not null && head.Hash == hash;
        if (same && VersionOf(head!) is not null)
        {
            // Nothing to change; what an interrupted import left behind is still removed.
            var cleaned = await CleanUpAsync(plan.Agency, VersionOf(head!), ct);
            return new PlanSaveResult(false, 0, 0, plan.Tasks.Count(t => !t.Archived), 0, cleaned);
        }

        var currentVersion = head is null ? null : VersionOf(head);
        var oldTasks = head is null
            ? new Dictionary<string, PlanTask>(StringComparer.Ordinal)
            : (await LoadTasksAsync(plan.Agency, currentVersion, ct)).ToDictionary(t => t.Id, StringComparer.Ordinal);
        var cleanedUp = head is null ? 0 : await CleanUpAsync(plan.Agency, currentVersion, ct);

        // 1. Register the new version: from here on any import can find (and remove) its rows.
        var version = "v" + Guid.NewGuid().ToString("N")[..16];
        var registered = await plans.AddEntityAsync(
            new PlanVersionEntity { PartitionKey = agencyKey, RowKey = VersionRowPrefix + version, State = Writing, TaskCount = plan.Tasks.Count }, ct);

        // 2. Write the whole new version: its task rows and its due-date index. Readers do not see it yet.
        int added = 0, updated = 0, unchanged = 0;
        var taskRows = new List<TableTransactionAction>();
        foreach (var task in plan.Tasks)
        {
            var json = StoredJson.Serialize(task);
            if (task.Archived)
            {
                // Kept for reports: counted neither as added nor as changed (the import reports it as archived).
            }
            else if (oldTasks.TryGetValue(task.Id, out var old) && !old.Archived)
            {
                if (StoredJson.Serialize(old) == json)
                {
                    unchanged++;
                }
                else
                {
                    updated++;
                }
            }
            else
            {
                added++;
            }

            var row = new PlanTaskEntity { PartitionKey = TaskPartition(plan.Agency, version), RowKey = TableKeys.Encode(task.Id), Order = task.Order, Json = json };
            taskRows.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, ChunkedEntities.ToRow(row)));
        }

        var newIds = plan.Tasks.Where(t => !t.Archived).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var removed = oldTasks.Values.Count(t => !t.Archived && !newIds.Contains(t.Id));
        await SubmitInBatchesAsync(await tables.GetAsync(CchcTables.Tasks, ct), taskRows, ct);
        var dueRows = plan.Tasks.Where(t => !t.Archived).SelectMany(t => t.Milestones)
            .Select(m => new TableTransactionAction(
                TableTransactionActionType.UpsertReplace,
                new DueIndexRowEntity { PartitionKey = DuePartition(plan.Agency, version, m.Due), RowKey = TableKeys.Encode(m.Id), TaskId = m.TaskId }))
            .ToList();
        await SubmitInBatchesAsync(await tables.GetAsync(CchcTables.DueIndex, ct), dueRows, ct);

        // 3. Switch the head to the new version, in one transaction with its registry row: it fails if another
        //    import switched first (head ETag) or removed this version meanwhile (registry ETag).
        //    The year's row always; the latest head too when this is the latest year (chat follows it). The first year an
        //    agency stores keeps its statuses under the agency itself (as before years were kept apart); any other year
        //    under "agency@year", so the same task ids in two years never share a status.
        var scope = head?.Scope ?? (head is not null || current is null ? plan.Agency : plan.Agency + "@" + plan.Year);
        TableEntity NewHead(string rowKey) => ChunkedEntities.ToRow(new PlanHeadEntity
        {
            PartitionKey = agencyKey,
            RowKey = rowKey,
            Year = plan.Year,
            Title = plan.Title,
            Hash = hash,
            TaskCount = plan.Tasks.Count,
            Version = version,
            Scope = scope,
            Areas = StoredJson.Serialize(plan.Areas),
        });

        var latest = current is null || plan.Year >= (current.Year ?? 0);
        var switchActions = new List<TableTransactionAction>
        {
            yearRow is null
                ? new TableTransactionAction(TableTransactionActionType.Add, NewHead(YearRowPrefix + plan.Year))
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, NewHead(YearRowPrefix + plan.Year), yearRow.ETag),
            new(TableTransactionActionType.UpdateReplace,
                new PlanVersionEntity { PartitionKey = agencyKey, RowKey = VersionRowPrefix + version, State = Committed, TaskCount = plan.Tasks.Count },
                registered.Headers.ETag ?? ETag.All),
        };
        if (latest)
        {
            switchActions.Add(current is null
                ? new TableTransactionAction(TableTransactionActionType.Add, NewHead(PlanRow))
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, NewHead(PlanRow), current.ETag));
        }

        if (current is not null && current.Year is { } currentYear && currentYear != plan.Year &&
            await ReadYearRowAsync(plan.Agency, currentYear, ct) is null)
        {
            // The latest head of another year, written before years were kept apart: it gets its year row now.
            var copy = current.CopyTo(YearRowPrefix + currentYear);
            copy.Scope ??= plan.Agency;
            switchActions.Add(new TableTransactionAction(TableTransactionActionType.Add, ChunkedEntities.ToRow(copy)));
        }

        // Cancellation (Ctrl+C) stops an import before its switch, never after it has been sent: from there on the
        // import is finished (switch, clean-up, its record), so a cancelled import is either whole or not there.
        ct.ThrowIfCancellationRequested();
        try
        {
            await plans.SubmitTransactionAsync(switchActions, CancellationToken.None);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
        {
            await RemoveVersionBestEffortAsync(plan.Agency, version, ct);
            throw new PlanImportConflictException(
                $"Another import of '{plan.Agency}' changed the plan while this one was writing; readers keep the plan that import stored. Run this import again.", e);
        }

        // 4. Only now remove the old version (and anything else no longer current).
        try
        {
            cleanedUp += await CleanUpAsync(plan.Agency, version, CancellationToken.None);
        }
        catch (RequestFailedException e)
        {
            return new PlanSaveResult(!same, added, updated, unchanged, removed, cleanedUp,
                $"The new plan is in place, but rows of the previous version could not all be removed yet ({e.Status} {e.ErrorCode}); the next import removes them.");
        }

        // A plan stored in the legacy layout is moved to a version even when unchanged (readers see the same plan).
        return same ? new PlanSaveResult(false, 0, 0, plan.Tasks.Count(t => !t.Archived), 0, cleanedUp) : new PlanSaveResult(true, added, updated, unchanged, removed, cleanedUp);
    }

    public async Task<CchcPlan?> GetHeadAsync(string agency, CancellationToken ct = default)
    {
        var head = await ReadHeadAsync(agency, ct);
        return head is null ? null : PlanOf(agency, head, []);
    }

    public async Task<IReadOnlyList<PlanTask>> GetTasksAsync(string agency, IEnumerable<string> taskIds, CancellationToken ct = default)
    {
        var ids = taskIds.Distinct(StringComparer.Ordinal).ToList();
        var head = await ReadHeadAsync(agency, ct);
        if (head is null)
        {
            return [];
        }

        if (head.Hash is { } hash && _lastRead.TryGetValue(agency, out var last) && last.Hash == hash)
        {
            var byId = last.Plan.Active.Tasks.ToDictionary(t => t.Id, StringComparer.Ordinal);
            return ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
        }

        if (head.TaskCount is { } count && ids.Count * 2 > count)
        {
            // Most of the plan (a sweep when much is due): its partition in one query rather than a read per task.
            var all = (await LoadTasksAsync(agency, VersionOf(head), ct)).ToDictionary(t => t.Id, StringComparer.Ordinal);
            return ids.Select(all.GetValueOrDefault).OfType<PlanTask>().Where(t => !t.Archived).ToList();
        }

        var taskTable = await tables.GetAsync(CchcTables.Tasks, ct);
        var partition = TaskPartition(agency, VersionOf(head));
        var rows = await Task.WhenAll(ids.Select(id => taskTable.GetChunkedIfExistsAsync<PlanTaskEntity>(partition, TableKeys.Encode(id), ct)));
        return rows.OfType<PlanTaskEntity>().Select(TaskOf).Where(t => !t.Archived).ToList();
    }

    public async Task<IReadOnlyList<DueIndexEntry>> DueBetweenAsync(string agency, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var head = await ReadHeadAsync(agency, ct);
        if (head is null)
        {
            return [];
        }

        var version = VersionOf(head);
        var index = await tables.GetAsync(CchcTables.DueIndex, ct);
        var result = new List<DueIndexEntry>();
        var filter = TableFilter.PartitionBetween(DuePartition(agency, version, from), DuePartition(agency, version, to));
        await foreach (var row in index.QueryAsync<DueIndexRowEntity>(filter, cancellationToken: ct))
        {
            result.Add(new DueIndexEntry(row.TaskId ?? string.Empty, TableKeys.Decode(row.RowKey), DueOf(row.PartitionKey)));
        }

        return result;
    }

    public async Task<IReadOnlyList<string>> AgenciesAsync(CancellationToken ct = default)
    {
        var plans = await tables.GetAsync(CchcTables.Plans, ct);
        var result = new List<string>();
        await foreach (var row in plans.QueryAsync<RowKeysEntity>(TableFilter.RowIs(PlanRow), select: [nameof(ITableEntity.PartitionKey)], cancellationToken: ct))
        {
            result.Add(TableKeys.Decode(row.PartitionKey));
        }

        return result;
    }

    public async Task<IReadOnlyList<DueIndexEntry>> DueOnAsync(string agency, DateOnly? due, CancellationToken ct = default)
    {
        var head = await ReadHeadAsync(agency, ct);
        if (head is null)
        {
            return [];
        }

        var index = await tables.GetAsync(CchcTables.DueIndex, ct);
        var result = new List<DueIndexEntry>();
        await foreach (var row in index.QueryAsync<DueIndexRowEntity>(
            TableFilter.PartitionIs(DuePartition(agency, VersionOf(head), due)), cancellationToken: ct))
        {
            result.Add(new DueIndexEntry(row.TaskId ?? string.Empty, TableKeys.Decode(row.RowKey), DueOf(row.PartitionKey) ?? due));
        }

        return result;
    }

    private static CchcPlan PlanOf(string agency, PlanHeadEntity head, List<PlanTask> tasks) =>
        new(agency, head.Year ?? 0, head.Title ?? string.Empty, StoredJson.Deserialize<List<ReformArea>>(head.Areas ?? throw Missing(head, nameof(head.Areas))), tasks)
        {
            ProgressScope = head.Scope ?? agency,
        };

    private static PlanTask TaskOf(PlanTaskEntity row) => StoredJson.Deserialize<PlanTask>(row.Json ?? throw Missing(row, nameof(row.Json)));

    private static InvalidDataException Missing(ITableEntity row, string column) => new($"A stored row ({row.PartitionKey}, {row.RowKey}) has no {column}.");

    private async Task<PlanHeadEntity?> ReadYearRowAsync(string agency, int year, CancellationToken ct)
    {
        var plans = await tables.GetAsync(CchcTables.Plans, ct);
        return await plans.GetChunkedIfExistsAsync<PlanHeadEntity>(TableKeys.Encode(agency), YearRowPrefix + year, ct);
    }

    /// <summary>The head of one year: its year row, or the latest head when it is of that year (stored before years were kept apart).</summary>
    private async Task<PlanHeadEntity?> ReadYearHeadAsync(string agency, int year, CancellationToken ct)
    {
        if (await ReadYearRowAsync(agency, year, ct) is { } row)
        {
            return row;
        }

        var head = await ReadHeadAsync(agency, ct);
        return head?.Year == year ? head : null;
    }

    /// <summary>Every head row of the agency: the latest ("plan") and one per year.</summary>
    private async Task<List<PlanHeadEntity>> HeadsAsync(string agency, CancellationToken ct)
    {
        var plans = await tables.GetAsync(CchcTables.Plans, ct);
        var heads = new List<PlanHeadEntity>();
        await foreach (var row in plans.QueryChunkedAsync<PlanHeadEntity>(
            TableFilter.And(TableFilter.PartitionIs(TableKeys.Encode(agency)), TableFilter.Or(TableFilter.RowIs(PlanRow), TableFilter.RowStartsWith(YearRowPrefix))), ct))
        {
            heads.Add(row);
        }

        return heads;
    }

    private async Task<PlanHeadEntity?> ReadHeadAsync(string agency, CancellationToken ct)
    {
        var plans = await tables.GetAsync(CchcTables.Plans, ct);
        return await plans.GetChunkedIfExistsAsync<PlanHeadEntity>(TableKeys.Encode(agency), PlanRow, ct);
    }

    /// <summary>The head's version; null for a plan stored before versions existed (the legacy layout).</summary>
    private static string? VersionOf(PlanHeadEntity head) => head.Version is { Length: > 0 } v ? v : null;

    private static DateOnly? DueOf(string partitionKey) =>
        DateOnly.TryParseExact(partitionKey[(partitionKey.LastIndexOf(TableKeys.Separator) + 1)..], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var date) ? date : null;

    private async Task<List<PlanTask>> LoadTasksAsync(string agency, string? version, CancellationToken ct)
    {
        var taskTable = await tables.GetAsync(CchcTables.Tasks, ct);
        var tasks = new List<PlanTask>();
        await foreach (var row in taskTable.QueryChunkedAsync<PlanTaskEntity>(TableFilter.PartitionIs(TaskPartition(agency, version)), ct))
        {
            tasks.Add(TaskOf(row));
        }

        return tasks;
    }

    /// <summary>An import that lost the race removes what it wrote (whatever remains, the next import removes).</summary>
    private async Task RemoveVersionBestEffortAsync(string agency, string version, CancellationToken ct)
    {
        try
        {
            await DeleteAllAsync(await tables.GetAsync(CchcTables.Tasks, ct), TableFilter.PartitionIs(TaskPartition(agency, version)), ct);
            await DeleteAllAsync(await tables.GetAsync(CchcTables.DueIndex, ct), TableFilter.PartitionStartsWith(DuePartitionPrefix(agency, version)), ct);
        }
        catch (RequestFailedException)
        {
        }
    }

    /// <summary>
    /// Removes every version but <paramref name="current"/>: each registry row is first marked abandoned (ETag-guarded,
    /// so a version that was just switched to is never touched, and an import still writing it can no longer switch),
    /// then its rows are deleted. The registry row stays for <see cref="AbandonedRetention"/>, so rows a slow import
    /// writes after that are removed by the next clean-up too. With a versioned head, the legacy rows go as well.
    /// </summary>
    /// <returns>How many rows were removed.</returns>
    private async Task<int> CleanUpAsync(string agency, string? current, CancellationToken ct)
    {
        var agencyKey = TableKeys.Encode(agency);
        var plans = await tables.GetAsync(CchcTables.Plans, ct);
        var taskTable = await tables.GetAsync(CchcTables.Tasks, ct);
        var index = await tables.GetAsync(CchcTables.DueIndex, ct);
        var removed = 0;
        var registry = new List<PlanVersionEntity>();
        await foreach (var row in plans.QueryAsync<PlanVersionEntity>(
            TableFilter.And(TableFilter.PartitionIs(agencyKey), TableFilter.RowStartsWith(VersionRowPrefix)), cancellationToken: ct))
        {
            registry.Add(row);
        }

        // Read after the registry: a version committed after this read changed its registry row's ETag, so it is never abandoned below.
        var heads = await HeadsAsync(agency, ct);
        var inUse = heads.Select(VersionOf).ToHashSet();
        foreach (var row in registry)
        {
            var version = row.RowKey[VersionRowPrefix.Length..];
            if (version == current || inUse.Contains(version))
            {
                continue;
            }

            var abandonedAt = row.Timestamp ?? DateTimeOffset.MinValue;
            if (row.State != Abandoned)
            {
                try
                {
                    await plans.UpdateEntityAsync(new PlanVersionEntity { PartitionKey = agencyKey, RowKey = row.RowKey, State = Abandoned }, row.ETag, TableUpdateMode.Replace, ct);
                    abandonedAt = (time ?? TimeProvider.System).GetUtcNow();
                }
                catch (RequestFailedException e) when (e.Status is 404 or 412)
                {
                    continue; // Switched to or removed meanwhile by another import.
                }
            }

            removed += await DeleteAllAsync(taskTable, TableFilter.PartitionIs(TaskPartition(agency, version)), ct);
            removed += await DeleteAllAsync(index, TableFilter.PartitionStartsWith(DuePartitionPrefix(agency, version)), ct);
            if ((time ?? TimeProvider.System).GetUtcNow() - abandonedAt > AbandonedRetention)
            {
                await plans.DeleteEntityAsync(agencyKey, row.RowKey, ETag.All, ct);
            }
        }

        if (current is not null && !inUse.Contains(null))
        {
            removed += await DeleteAllAsync(taskTable, TableFilter.PartitionIs(TaskPartition(agency, null)), ct);
            var legacyDates = TableClient.CreateQueryFilter($"PartitionKey ge {agencyKey + TableKeys.Separator + "0"} and PartitionKey lt {agencyKey + TableKeys.Separator + ":"}");
            removed += await DeleteAllAsync(index, legacyDates, ct);
            removed += await DeleteAllAsync(index, TableFilter.PartitionIs(DuePartition(agency, null, null)), ct);
        }

        return removed;
    }

    private static async Task<int> DeleteAllAsync(TableClient table, string filter, CancellationToken ct)
    {
        var deletes = new List<TableTransactionAction>();
        await foreach (var row in table.QueryAsync<RowKeysEntity>(filter, select: [nameof(ITableEntity.PartitionKey), nameof(ITableEntity.RowKey)], cancellationToken: ct))
        {
            deletes.Add(new TableTransactionAction(TableTransactionActionType.Delete, RowKeysEntity.Of(row.PartitionKey, row.RowKey), ETag.All));
        }

        await SubmitInBatchesAsync(table, deletes, ct);
        return deletes.Count;
    }

    /// <summary>Entity group transactions: up to 100 actions on one partition and about 2 MB each, a few in flight
    /// at once. Atomicity does not depend on them: nothing a reader sees changes until the head switches.</summary>
    private static async Task SubmitInBatchesAsync(TableClient table, List<TableTransactionAction> actions, CancellationToken ct)
    {
        var batches = new List<List<TableTransactionAction>>();
        foreach (var partition in actions.GroupBy(a => a.Entity.PartitionKey))
        {
            List<TableTransactionAction>? batch = null;
            var bytes = 0;
            foreach (var action in partition)
            {
                var size = action.Entity is TableEntity e ? ChunkedText.Size(e) : 1_024;
                if (batch is null || batch.Count == 100 || bytes + size > MaxBatchBytes)
                {
                    batches.Add(batch = []);
                    bytes = 0;
                }

                batch.Add(action);
                bytes += size;
            }
        }

        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (batch, token) =>
        {
            try
            {
                await table.SubmitTransactionAsync(batch, token);
            }
            catch (TableTransactionFailedException e) when (e.Status == 404 && batch.All(a => a.ActionType == TableTransactionActionType.Delete))
            {
                // Some rows were already removed (by a concurrent clean-up): delete the rest one by one.
                foreach (var action in batch)
                {
                    try
                    {
                        await table.DeleteEntityAsync(action.Entity.PartitionKey, action.Entity.RowKey, ETag.All, token);
                    }
                    catch (RequestFailedException gone) when (gone.Status == 404)
                    {
                    }
                }
            }
        });
    }

    private static string TaskPartition(string agency, string? version) =>
        version is null ? TableKeys.Encode(agency) : TableKeys.Encode(agency) + TableKeys.Separator + version;

    private static string DuePartitionPrefix(string agency, string version) =>
        TableKeys.Encode(agency) + TableKeys.Separator + version + TableKeys.Separator;

    private static string DuePartition(string agency, string? version, DateOnly? due)
    {
        var day = due?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? OngoingKey;
        return version is null ? TableKeys.Compose(agency, day) : DuePartitionPrefix(agency, version) + day;
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>A plan head in the Plans table: the latest ("plan") or one year's ("year|2025"). Its property names are the
/// stored format; the areas are chunked text (<see cref="ChunkedEntities"/>). A head stored before versions existed
/// has no Version (nor Scope, before years were kept apart).</summary>
internal sealed class PlanHeadEntity : StoredRow
{
    public int? Year { get; set; }

    public string? Title { get; set; }

    public string? Hash { get; set; }

    public int? TaskCount { get; set; }

    public string? Version { get; set; }

    public string? Scope { get; set; }

    /// <summary>The plan's areas as JSON.</summary>
    [Chunked]
    public string? Areas { get; set; }

    /// <summary>The same head under another row key (no ETag: a new row).</summary>
    public PlanHeadEntity CopyTo(string rowKey) => new()
    {
        PartitionKey = PartitionKey,
        RowKey = rowKey,
        Year = Year,
        Title = Title,
        Hash = Hash,
        TaskCount = TaskCount,
        Version = Version,
        Scope = Scope,
        Areas = Areas,
    };
}

/// <summary>A version's registry row in the Plans table ("version|v…"): Writing, Committed or Abandoned.</summary>
internal sealed class PlanVersionEntity : StoredRow
{
    public string? State { get; set; }

    public int? TaskCount { get; set; }
}

/// <summary>A task of one plan version in the Tasks table: its order and the task as JSON (chunked text).</summary>
internal sealed class PlanTaskEntity : StoredRow
{
    public int? Order { get; set; }

    [Chunked]
    public string? Json { get; set; }
}

/// <summary>A milestone in the DueIndex table (partition "agency|version|date", row = the milestone id): its task.</summary>
internal sealed class DueIndexRowEntity : StoredRow
{
    public string? TaskId { get; set; }
}
