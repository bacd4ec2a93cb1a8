using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CchcBot.Plan;

namespace CchcBot.Storage;

/// <summary>Who of a department's staff holds a milestone (phân công cán bộ), and the history of those assignments, per
/// plan year: <c>scope</c> is the plan's <see cref="CchcPlan.ProgressScope"/> (the agency for its first stored year,
/// "agency@year" for the others), so one milestone id in two years never shares an assignment.</summary>
public interface IAssignmentRepository
{
    /// <summary>Every current assignment of the plan year.</summary>
    Task<AssignmentBook> GetAllAsync(string scope, CancellationToken ct = default);

    /// <summary>Every change of the task's assignments in the plan year, oldest first.</summary>
    Task<IReadOnlyList<AssignmentEntry>> GetHistoryAsync(string scope, string taskId, CancellationToken ct = default);

    /// <summary>
    /// Gives the milestone's part to <see cref="AssignmentChange.Staff"/> (empty: takes it back). The assignment and its
    /// history entry are written in one transaction guarded by the assignment's ETag; the entry's key derives from the
    /// operation key, so an invoke Teams re-sends is recorded once.
    /// </summary>
    Task<AssignResult> AssignAsync(AssignmentChange change, CancellationToken ct = default);
}

/// <param name="Scope">The plan year's <see cref="CchcPlan.ProgressScope"/>.</param>
/// <param name="Staff">Who holds it from now on; empty takes the assignment back.</param>
public sealed record AssignmentChange(
    string Scope, string TaskId, string MilestoneId, string Part, string DepartmentId, IReadOnlyList<string> Staff, string By, string ByName, string OperationKey);

/// <param name="Changed">False when the staff named already held it (or the operation was recorded before).</param>
public sealed record AssignResult(bool Changed, bool Replayed, IReadOnlyList<string> Before, IReadOnlyList<string> After);

/// <summary>
/// Table "Assignments", one partition per plan year (scope) and task: the current assignment of each milestone part
/// ("a|…") and its history ("h|…"), so a change and its history entry commit together. The first year's scope is the
/// agency, so rows written before years were kept apart are that year's.
/// </summary>
public sealed class AssignmentRepository(CchcTables tables, TimeProvider time) : IAssignmentRepository
{
    public const string Table = "Assignments";
    private const string CurrentPrefix = "a|";
    private const string HistoryPrefix = "h|";
    private const int MaxAttempts = 20;

    public async Task<AssignmentBook> GetAllAsync(string scope, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(Table, ct);
        var prefix = TableKeys.Encode(scope) + TableKeys.Separator;
        var result = new List<Assignment>();
        await foreach (var row in table.QueryAsync<AssignmentEntity>(
            TableFilter.And(TableFilter.PartitionStartsWith(prefix), TableFilter.RowStartsWith(CurrentPrefix)), cancellationToken: ct))
        {
            var staff = Staff(row.Staff);
            if (staff.Count > 0)
            {
                result.Add(new Assignment(
                    row.TaskId, row.MilestoneId, row.Part ?? string.Empty, row.DepartmentId,
                    staff, row.By, row.ByName, row.At ?? DateTimeOffset.MinValue));
            }
        }

        return new AssignmentBook(result);
    }

    public async Task<IReadOnlyList<AssignmentEntry>> GetHistoryAsync(string scope, string taskId, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(Table, ct);
        var result = new List<AssignmentEntry>();
        await foreach (var row in table.QueryAsync<AssignmentHistoryEntity>(
            TableFilter.And(TableFilter.PartitionIs(TableKeys.Compose(scope, taskId)), TableFilter.RowStartsWith(HistoryPrefix)), cancellationToken: ct))
        {
            result.Add(new AssignmentEntry(
                row.TaskId, row.MilestoneId, row.Part ?? string.Empty, row.At ?? DateTimeOffset.MinValue,
                row.By, row.ByName, Staff(row.From), Staff(row.To)));
        }

        return result.OrderBy(e => e.At).ToList();
    }

    public async Task<AssignResult> AssignAsync(AssignmentChange change, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(Table, ct);
        var partition = TableKeys.Compose(change.Scope, change.TaskId);
        var currentKey = CurrentPrefix + TableKeys.Encode(change.MilestoneId) + TableKeys.Separator + TableKeys.Encode(change.Part);
        var historyKey = HistoryPrefix + Convert.ToHexString(
            SHA256.HashData(Encoding.UTF8.GetBytes($"{change.OperationKey}\n{change.MilestoneId}\n{change.Part}")), 0, 16);
        var after = change.Staff.Select(s => s.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        for (var attempt = 1; ; attempt++)
        {
            var found = await table.GetEntityIfExistsAsync<AssignmentEntity>(partition, currentKey, cancellationToken: ct);
            var before = found.HasValue ? Staff(found.Value!.Staff) : [];
            if (before.Count == after.Count && before.All(b => after.Contains(b, StringComparer.OrdinalIgnoreCase)))
            {
                var replayed = (await table.GetEntityIfExistsAsync<AssignmentHistoryEntity>(partition, historyKey, cancellationToken: ct)).HasValue;
                return new AssignResult(false, replayed, before, before);
            }

            var at = time.GetUtcNow();
            var current = new AssignmentEntity
            {
                PartitionKey = partition,
                RowKey = currentKey,
                TaskId = change.TaskId,
                MilestoneId = change.MilestoneId,
                Part = change.Part,
                DepartmentId = change.DepartmentId,
                Staff = string.Join('\n', after),
                By = change.By,
                ByName = change.ByName,
                At = at,
            };
            var history = new AssignmentHistoryEntity
            {
                PartitionKey = partition,
                RowKey = historyKey,
                TaskId = change.TaskId,
                MilestoneId = change.MilestoneId,
                Part = change.Part,
                DepartmentId = change.DepartmentId,
                From = string.Join('\n', before),
                To = string.Join('\n', after),
                By = change.By,
                ByName = change.ByName,
                At = at,
            };
            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.Add, history),
                found.HasValue
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, current, found.Value!.ETag)
                    : new TableTransactionAction(TableTransactionActionType.Add, current),
            };
            try
            {
                await table.SubmitTransactionAsync(actions, ct);
                return new AssignResult(true, false, before, after);
            }
            catch (TableTransactionFailedException e) when (e.FailedTransactionActionIndex == 0 && e.Status == 409)
            {
                return new AssignResult(false, true, before, before); // recorded before: this operation was re-sent
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * Math.Min(attempt, 10))), ct);
            }
        }
    }

    private static List<string> Staff(string? text) =>
        string.IsNullOrEmpty(text) ? [] : text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>The columns an assignment's current row and its history rows share: whose part of which milestone, and
    /// who set it when.</summary>
    private abstract class AssignmentRow : StoredRow
    {
        public string TaskId { get; set; } = string.Empty;

        public string MilestoneId { get; set; } = string.Empty;

        public string? Part { get; set; }

        public string DepartmentId { get; set; } = string.Empty;

        public string By { get; set; } = string.Empty;

        public string ByName { get; set; } = string.Empty;

        public DateTimeOffset? At { get; set; }
    }

    /// <summary>A milestone part's current assignment ("a|milestone|part"); Staff is newline-separated.</summary>
    private sealed class AssignmentEntity : AssignmentRow
    {
        public string? Staff { get; set; }
    }

    /// <summary>One change of an assignment ("h|hash of the operation"); From and To are newline-separated.</summary>
    private sealed class AssignmentHistoryEntity : AssignmentRow
    {
        public string? From { get; set; }

        public string? To { get; set; }
    }
}
