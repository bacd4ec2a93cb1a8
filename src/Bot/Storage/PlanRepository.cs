using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CchcBot.Plan;

namespace CchcBot.Storage;

public interface IPlanRepository
{
    Task<CchcPlan?> GetAsync(string agency, CancellationToken ct = default);

    /// <summary>Stores the plan. Task history and statuses live elsewhere and are never touched here.</summary>
    Task<PlanSaveResult> SaveAsync(CchcPlan plan, CancellationToken ct = default);

    Task<IReadOnlyList<string>> AgenciesAsync(CancellationToken ct = default);

    /// <summary>The plan without its tasks (year, title, areas): one point read.</summary>
    Task<CchcPlan?> GetHeadAsync(string agency, CancellationToken ct = default);

    /// <summary>The given tasks only, by point reads (for work proportional to what is due, not to the plan).</summary>
    Task<IReadOnlyList<PlanTask>> GetTasksAsync(string agency, IEnumerable<string> taskIds, CancellationToken ct = default);

    /// <summary>The milestones due on any day from <paramref name="from"/> to <paramref name="to"/>, from the due-date index.</summary>
    Task<IReadOnlyList<DueIndexEntry>> DueBetweenAsync(string agency, DateOnly from, DateOnly to, CancellationToken ct = default);

    /// <summary>The milestone ids due on <paramref name="due"/> (null: the ongoing ones), from the due-date index.</summary>
    Task<IReadOnlyList<DueIndexEntry>> DueOnAsync(string agency, DateOnly? due, CancellationToken ct = default);
}

public sealed record PlanSaveResult(bool Changed, int Added, int Updated, int Unchanged, int Removed);

/// <param name="Due">The due date (null for ongoing work).</param>
public sealed record DueIndexEntry(string TaskId, string MilestoneId, DateOnly? Due = null);

/// <summary>
/// Plans: one row per agency (year, title, areas, content hash). Tasks: one row per task, its milestones inside.
/// DueIndex: one partition per agency and due date, so a reminder sweep reads only the days it needs.
/// </summary>
public sealed class PlanRepository(CchcTables tables) : IPlanRepository
{
    private const string PlanRow = "plan";
    private const string OngoingKey = "ongoing";

    // The last plan read per agency, with its content hash. The head row (a point read) says whether it is still
    // current, so a chat turn skips the task query while the plan is unchanged. The head is written last (SaveAsync):
    // while a save is under way readers keep getting the whole old plan.
    private readonly ConcurrentDictionary<string, (string Hash, CchcPlan Plan)> _lastRead = new(StringComparer.Ordinal);

    public async Task<CchcPlan?> GetAsync(string agency, CancellationToken ct = default)
    {
        var plans = await tables.GetAsync(CchcTables.Plans, ct);
        var head = await plans.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(agency), PlanRow, cancellationToken: ct);
        if (!head.HasValue)
        {
            return null;
        }

        var row = head.Value!;
        var hash = row.GetString("Hash");
        if (hash is not null && _lastRead.TryGetValue(agency, out var last) && last.Hash == hash)
        {
            return last.Plan;
        }

        var tasks = await LoadTasksAsync(agency, ct);
        var plan = new CchcPlan(
            agency,
            row.GetInt32("Year") ?? 0,
            row.GetString("Title"),
            StoredJson.Deserialize<List<ReformArea>>(row.GetString("Areas")),
            tasks.OrderBy(t => t.Order).ToList());
        if (hash is not null)
        {
            _lastRead[agency] = (hash, plan);
        }

        return plan;
    }

    public async Task<PlanSaveResult> SaveAsync(CchcPlan plan, CancellationToken ct = default)
    {
        var agencyKey = TableKeys.Encode(plan.Agency);
        var hash = Hash(StoredJson.Serialize(plan));
        var plans = await tables.GetAsync(CchcTables.Plans, ct);
        var head = await plans.GetEntityIfExistsAsync<TableEntity>(agencyKey, PlanRow, cancellationToken: ct);
        if (head.HasValue && head.Value!.GetString("Hash") == hash)
        {
            return new PlanSaveResult(false, 0, 0, plan.Tasks.Count, 0);
        }

        var oldTasks = (await LoadTasksAsync(plan.Agency, ct)).ToDictionary(t => t.Id, StringComparer.Ordinal);
        var taskTable = await tables.GetAsync(CchcTables.Tasks, ct);
        int added = 0, updated = 0, unchanged = 0;
        var writes = new List<TableTransactionAction>();
        foreach (var task in plan.Tasks)
        {
            var json = StoredJson.Serialize(task);
            if (oldTasks.TryGetValue(task.Id, out var old))
            {
                if (StoredJson.Serialize(old) == json)
                {
                    unchanged++;
                    continue;
                }

                updated++;
            }
            else
            {
                added++;
            }

            writes.Add(new TableTransactionAction(
                TableTransactionActionType.UpsertReplace,
                new TableEntity(agencyKey, TableKeys.Encode(task.Id)) { ["Json"] = json, ["Order"] = task.Order }));
        }

        var newIds = plan.Tasks.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var removed = oldTasks.Values.Where(t => !newIds.Contains(t.Id)).ToList();
        writes.AddRange(removed.Select(t => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(agencyKey, TableKeys.Encode(t.Id)), ETag.All)));
        await SubmitInBatchesAsync(taskTable, writes, ct);

        await UpdateDueIndexAsync(plan.Agency, oldTasks.Values, plan.Tasks, ct);

        // The head row goes last: until it is written the hash differs, so an interrupted save is redone in full.
        await plans.UpsertEntityAsync(
            new TableEntity(agencyKey, PlanRow)
            {
                ["Year"] = plan.Year,
                ["Title"] = plan.Title,
                ["Areas"] = StoredJson.Serialize(plan.Areas),
                ["Hash"] = hash,
                ["TaskCount"] = plan.Tasks.Count,
            },
            TableUpdateMode.Replace,
            ct);

        return new PlanSaveResult(true, added, updated, unchanged, removed.Count);
    }

    public async Task<CchcPlan?> GetHeadAsync(string agency, CancellationToken ct = default)
    {
        var plans = await tables.GetAsync(CchcTables.Plans, ct);
        var head = await plans.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(agency), PlanRow, cancellationToken: ct);
        if (!head.HasValue)
        {
            return null;
        }

        var row = head.Value!;
        return new CchcPlan(agency, row.GetInt32("Year") ?? 0, row.GetString("Title"), StoredJson.Deserialize<List<ReformArea>>(row.GetString("Areas")), []);
    }

    public async Task<IReadOnlyList<PlanTask>> GetTasksAsync(string agency, IEnumerable<string> taskIds, CancellationToken ct = default)
    {
        var taskTable = await tables.GetAsync(CchcTables.Tasks, ct);
        var reads = taskIds.Distinct(StringComparer.Ordinal).Select(id =>
            taskTable.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(agency), TableKeys.Encode(id), cancellationToken: ct));
        var rows = await Task.WhenAll(reads);
        return rows.Where(r => r.HasValue).Select(r => StoredJson.Deserialize<PlanTask>(r.Value!.GetString("Json"))).ToList();
    }

    public async Task<IReadOnlyList<DueIndexEntry>> DueBetweenAsync(string agency, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var index = await tables.GetAsync(CchcTables.DueIndex, ct);
        var result = new List<DueIndexEntry>();
        var filter = $"PartitionKey ge '{TableKeys.Escape(DuePartition(agency, from))}' and PartitionKey le '{TableKeys.Escape(DuePartition(agency, to))}'";
        await foreach (var row in index.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            result.Add(new DueIndexEntry(row.GetString("TaskId"), TableKeys.Decode(row.RowKey), DueOf(row.PartitionKey)));
        }

        return result;
    }

    public async Task<IReadOnlyList<string>> AgenciesAsync(CancellationToken ct = default)
    {
        var plans = await tables.GetAsync(CchcTables.Plans, ct);
        var result = new List<string>();
        await foreach (var row in plans.QueryAsync<TableEntity>($"RowKey eq '{PlanRow}'", select: ["PartitionKey"], cancellationToken: ct))
        {
            result.Add(TableKeys.Decode(row.PartitionKey));
        }

        return result;
    }

    public async Task<IReadOnlyList<DueIndexEntry>> DueOnAsync(string agency, DateOnly? due, CancellationToken ct = default)
    {
        var index = await tables.GetAsync(CchcTables.DueIndex, ct);
        var result = new List<DueIndexEntry>();
        await foreach (var row in index.QueryAsync<TableEntity>(
            $"PartitionKey eq '{TableKeys.Escape(DuePartition(agency, due))}'", cancellationToken: ct))
        {
            result.Add(new DueIndexEntry(row.GetString("TaskId"), TableKeys.Decode(row.RowKey), DueOf(row.PartitionKey) ?? due));
        }

        return result;
    }

    private static DateOnly? DueOf(string partitionKey) =>
        DateOnly.TryParseExact(partitionKey[(partitionKey.LastIndexOf(TableKeys.Separator) + 1)..], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var date) ? date : null;

    private async Task<List<PlanTask>> LoadTasksAsync(string agency, CancellationToken ct)
    {
        var taskTable = await tables.GetAsync(CchcTables.Tasks, ct);
        var tasks = new List<PlanTask>();
        await foreach (var row in taskTable.QueryAsync<TableEntity>(
            $"PartitionKey eq '{TableKeys.Escape(TableKeys.Encode(agency))}'", cancellationToken: ct))
        {
            tasks.Add(StoredJson.Deserialize<PlanTask>(row.GetString("Json")));
        }

        return tasks;
    }

    private async Task UpdateDueIndexAsync(string agency, IEnumerable<PlanTask> oldTasks, IEnumerable<PlanTask> newTasks, CancellationToken ct)
    {
        static IEnumerable<(string Partition, string Row, string TaskId)> Entries(string agency, IEnumerable<PlanTask> tasks) =>
            tasks.SelectMany(t => t.Milestones).Select(m => (DuePartition(agency, m.Due), TableKeys.Encode(m.Id), m.TaskId));

        var oldSet = Entries(agency, oldTasks).ToHashSet();
        var newSet = Entries(agency, newTasks).ToHashSet();
        var index = await tables.GetAsync(CchcTables.DueIndex, ct);
        var writes = newSet.Except(oldSet)
            .Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(e.Partition, e.Row) { ["TaskId"] = e.TaskId }))
            .Concat(oldSet.Except(newSet).Select(e => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(e.Partition, e.Row), ETag.All)))
            .ToList();
        await SubmitInBatchesAsync(index, writes, ct);
    }

    /// <summary>Entity group transactions: up to 100 actions on one partition each, a few in flight at once.</summary>
    private static async Task SubmitInBatchesAsync(TableClient table, List<TableTransactionAction> actions, CancellationToken ct)
    {
        var batches = actions
            .GroupBy(a => a.Entity.PartitionKey)
            .SelectMany(g => g.Chunk(100))
            .ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (batch, token) =>
            await table.SubmitTransactionAsync(batch, token));
    }

    private static string DuePartition(string agency, DateOnly? due) =>
        TableKeys.Compose(agency, due?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? OngoingKey);

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
