using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace CchcBot.Storage;

public enum ExtensionState
{
    Pending,
    Approved,
    Refused,
}

/// <summary>One request for a new due date (đề nghị gia hạn) of a milestone, and its decision once taken.</summary>
/// <param name="Id">Derived from the operation that asked (the invoke activity), so a re-sent invoke is the same request.</param>
/// <param name="Part">The lead department whose head asked, for a milestone led by several; empty otherwise.</param>
/// <param name="CurrentDue">The milestone's due date when asked (an earlier extension's date, or the plan's).</param>
/// <param name="DecisionKey">The operation that decided it (a re-sent decision is recognised).</param>
public sealed record ExtensionRequest(
    string Id,
    string TaskId,
    string MilestoneId,
    string Part,
    DateOnly CurrentDue,
    DateOnly ProposedDue,
    string Reason,
    string AskedBy,
    string AskedByName,
    DateTimeOffset AskedAt,
    ExtensionState State = ExtensionState.Pending,
    string? DecidedBy = null,
    string? DecidedByName = null,
    DateTimeOffset? DecidedAt = null,
    string? DecisionNote = null,
    string? DecisionKey = null);

/// <summary>A milestone's approved due date; <paramref name="OriginalDue"/> is the plan's own.</summary>
public sealed record ApprovedDue(string TaskId, string MilestoneId, DateOnly Due, DateOnly OriginalDue);

/// <summary>A blocker the Chief of Office submitted to the Chief Inspector (trình Chánh Thanh tra), open until resolved.</summary>
public sealed record BlockerEscalation(string TaskId, string MilestoneId, string Part, string Note, string By, string ByName, DateTimeOffset At);

/// <summary>Extension requests and the approved due dates that follow from them, per plan year: <c>scope</c> is the plan's
/// <see cref="Plan.CchcPlan.ProgressScope"/> (the agency for its first stored year, "agency@year" for the others).</summary>
public interface IExtensionRepository
{
    /// <summary>Every approved due date of the plan year, by milestone id.</summary>
    Task<IReadOnlyDictionary<string, ApprovedDue>> GetApprovedDuesAsync(string scope, CancellationToken ct = default);

    /// <summary>The milestone's latest request (pending or decided); null when none.</summary>
    Task<ExtensionRequest?> GetRequestAsync(string scope, string milestoneId, CancellationToken ct = default);

    /// <summary>Stores a new request; it replaces the milestone's earlier one (a pending request is superseded).</summary>
    Task SaveRequestAsync(string scope, ExtensionRequest request, CancellationToken ct = default);

    /// <summary>
    /// Records the decision on the pending request <paramref name="decided"/>.Id and, when approved, the new due date,
    /// in one transaction guarded by the request's ETag. False when the request is no longer the pending one.
    /// </summary>
    Task<bool> DecideAsync(string scope, ExtensionRequest decided, ApprovedDue? approved, CancellationToken ct = default);
}

/// <summary>Everything the Requests table holds for one plan year, from one query (<see cref="IPlanYearRequests"/>).</summary>
/// <param name="ApprovedDues">Every approved due date, by milestone id.</param>
/// <param name="Pending">The requests for more time still waiting for a decision, oldest first.</param>
/// <param name="Open">The blockers submitted to the Chief Inspector and still open, oldest first.</param>
public sealed record YearRequests(IReadOnlyDictionary<string, ApprovedDue> ApprovedDues, IReadOnlyList<ExtensionRequest> Pending, IReadOnlyList<BlockerEscalation> Open);

/// <summary>A plan year's approved due dates, pending requests and open escalations read together: the snapshot needs the
/// first and what waits for a decision needs the others, so an answer asks storage once for all three.</summary>
public interface IPlanYearRequests
{
    /// <summary>Every row of the year's partition in one query: its approved due dates (as
    /// <see cref="IExtensionRepository.GetApprovedDuesAsync"/> gives them), the requests still pending and the open
    /// escalations, each oldest first.</summary>
    Task<YearRequests> GetYearAsync(string scope, CancellationToken ct = default);
}

/// <summary>Blockers submitted to the Chief Inspector and still open, per plan year (<c>scope</c>, as for extensions).</summary>
public interface IEscalationRepository
{
    Task<BlockerEscalation?> GetAsync(string scope, string milestoneId, CancellationToken ct = default);

    Task SaveAsync(string scope, BlockerEscalation escalation, CancellationToken ct = default);

    /// <summary>Closes the milestone's escalation (the blocker was resolved); nothing when none is open.</summary>
    Task CloseAsync(string scope, string milestoneId, CancellationToken ct = default);
}

/// <summary>
/// Table "Requests": one partition per plan year (its scope: the agency for the first year, so rows written before
/// years were kept apart are that year's); rows "x|{milestone}" (the latest extension request), "d|{milestone}" (the
/// approved due date) and "e|{milestone}" (an open escalation). Small: a few rows per milestone at most.
/// </summary>
public sealed class RequestRepository(CchcTables tables) : IExtensionRepository, IEscalationRepository, IPlanYearRequests
{
    public const string Table = "Requests";
    private const string RequestPrefix = "x|";
    private const string DuePrefix = "d|";
    private const string EscalationPrefix = "e|";

    public async Task<IReadOnlyDictionary<string, ApprovedDue>> GetApprovedDuesAsync(string scope, CancellationToken ct = default)
    {
        var result = new Dictionary<string, ApprovedDue>(StringComparer.Ordinal);
        await foreach (var row in QueryAsync(scope, DuePrefix, ct))
        {
            if (ToApprovedDue(row) is { } due)
            {
                result[due.MilestoneId] = due;
            }
        }

        return result;
    }

    public async Task<YearRequests> GetYearAsync(string scope, CancellationToken ct = default)
    {
        var dues = new Dictionary<string, ApprovedDue>(StringComparer.Ordinal);
        var pending = new List<ExtensionRequest>();
        var open = new List<BlockerEscalation>();
        var table = await tables.GetAsync(Table, ct);
        await foreach (var row in table.QueryAsync<RequestRow>(TableFilter.PartitionIs(Partition(scope)), cancellationToken: ct))
        {
            if (row.RowKey.StartsWith(DuePrefix, StringComparison.Ordinal) && ToApprovedDue(row) is { } due)
            {
                dues[due.MilestoneId] = due;
            }
            else if (row.RowKey.StartsWith(RequestPrefix, StringComparison.Ordinal) && ToRequest(row) is { State: ExtensionState.Pending } request)
            {
                pending.Add(request);
            }
            else if (row.RowKey.StartsWith(EscalationPrefix, StringComparison.Ordinal))
            {
                open.Add(ToEscalation(row));
            }
        }

        return new YearRequests(dues, pending.OrderBy(r => r.AskedAt).ToList(), open.OrderBy(e => e.At).ToList());
    }

    public async Task<ExtensionRequest?> GetRequestAsync(string scope, string milestoneId, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(Table, ct);
        var row = await table.GetEntityIfExistsAsync<RequestRow>(Partition(scope), RequestPrefix + TableKeys.Encode(milestoneId), cancellationToken: ct);
        return row.HasValue ? ToRequest(row.Value!) : null;
    }

    public async Task SaveRequestAsync(string scope, ExtensionRequest request, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(Table, ct);
        await table.UpsertEntityAsync(ToEntity(scope, request), TableUpdateMode.Replace, ct);
    }

    public async Task<bool> DecideAsync(string scope, ExtensionRequest decided, ApprovedDue? approved, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(Table, ct);
        var key = RequestPrefix + TableKeys.Encode(decided.MilestoneId);
        var current = await table.GetEntityIfExistsAsync<RequestRow>(Partition(scope), key, cancellationToken: ct);
        if (!current.HasValue || ToRequest(current.Value!) is not { State: ExtensionState.Pending } pending || pending.Id != decided.Id)
        {
            return false;
        }

        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, ToEntity(scope, decided), current.Value!.ETag) };
        if (approved is not null)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, new RequestRow
            {
                PartitionKey = Partition(scope),
                RowKey = DuePrefix + TableKeys.Encode(approved.MilestoneId),
                TaskId = approved.TaskId,
                MilestoneId = approved.MilestoneId,
                Due = Iso(approved.Due),
                OriginalDue = Iso(approved.OriginalDue),
            }));
        }

        try
        {
            await table.SubmitTransactionAsync(actions, ct);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            return false; // decided (or replaced) by someone else in between
        }
    }

    public async Task<BlockerEscalation?> GetAsync(string scope, string milestoneId, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(Table, ct);
        var row = await table.GetEntityIfExistsAsync<RequestRow>(Partition(scope), EscalationPrefix + TableKeys.Encode(milestoneId), cancellationToken: ct);
        return row.HasValue ? ToEscalation(row.Value!) : null;
    }

    public async Task SaveAsync(string scope, BlockerEscalation escalation, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(Table, ct);
        await table.UpsertEntityAsync(
            new RequestRow
            {
                PartitionKey = Partition(scope),
                RowKey = EscalationPrefix + TableKeys.Encode(escalation.MilestoneId),
                TaskId = escalation.TaskId,
                MilestoneId = escalation.MilestoneId,
                Part = escalation.Part,
                Note = escalation.Note,
                By = escalation.By,
                ByName = escalation.ByName,
                At = escalation.At,
            },
            TableUpdateMode.Replace,
            ct);
    }

    public async Task CloseAsync(string scope, string milestoneId, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(Table, ct);
        try
        {
            await table.DeleteEntityAsync(Partition(scope), EscalationPrefix + TableKeys.Encode(milestoneId), ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Nothing was open.
        }
    }

    private async IAsyncEnumerable<RequestRow> QueryAsync(string scope, string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var table = await tables.GetAsync(Table, ct);
        var filter = TableFilter.And(TableFilter.PartitionIs(Partition(scope)), TableFilter.RowStartsWith(prefix));
        await foreach (var row in table.QueryAsync<RequestRow>(filter, cancellationToken: ct))
        {
            yield return row;
        }
    }

    private static RequestRow ToEntity(string scope, ExtensionRequest r) => new()
    {
        PartitionKey = Partition(scope),
        RowKey = RequestPrefix + TableKeys.Encode(r.MilestoneId),
        Id = r.Id,
        TaskId = r.TaskId,
        MilestoneId = r.MilestoneId,
        Part = r.Part,
        CurrentDue = Iso(r.CurrentDue),
        ProposedDue = Iso(r.ProposedDue),
        Reason = r.Reason,
        AskedBy = r.AskedBy,
        AskedByName = r.AskedByName,
        AskedAt = r.AskedAt,
        State = r.State.ToString(),
        DecidedBy = r.DecidedBy,
        DecidedByName = r.DecidedByName,
        DecidedAt = r.DecidedAt,
        DecisionNote = r.DecisionNote,
        DecisionKey = r.DecisionKey,
    };

    private static ExtensionRequest? ToRequest(RequestRow row) =>
        ParseDate(row.CurrentDue) is { } current && ParseDate(row.ProposedDue) is { } proposed
        && Enum.TryParse<ExtensionState>(row.State, out var state)
            ? new ExtensionRequest(
                row.Id ?? string.Empty,
                row.TaskId ?? string.Empty,
                row.MilestoneId ?? string.Empty,
                row.Part ?? string.Empty,
                current,
                proposed,
                row.Reason ?? string.Empty,
                row.AskedBy ?? string.Empty,
                row.AskedByName ?? string.Empty,
                row.AskedAt ?? DateTimeOffset.MinValue,
                state,
                row.DecidedBy,
                row.DecidedByName,
                row.DecidedAt,
                row.DecisionNote,
                row.DecisionKey)
            : null;

    private static ApprovedDue? ToApprovedDue(RequestRow row) =>
        ParseDate(row.Due) is { } due && ParseDate(row.OriginalDue) is { } original
            ? new ApprovedDue(row.TaskId ?? string.Empty, row.MilestoneId ?? string.Empty, due, original)
            : null;

    private static BlockerEscalation ToEscalation(RequestRow row) => new(
        row.TaskId ?? string.Empty,
        row.MilestoneId ?? string.Empty,
        row.Part ?? string.Empty,
        row.Note ?? string.Empty,
        row.By ?? string.Empty,
        row.ByName ?? string.Empty,
        row.At ?? DateTimeOffset.MinValue);

    private static string Partition(string scope) => TableKeys.Encode(scope);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>
    /// A row of the table, whichever its kind (the row key's prefix): "x|{milestone}" uses the request's columns (dates as
    /// "yyyy-MM-dd" text, the state by name), "d|{milestone}" Due and OriginalDue ("yyyy-MM-dd"), "e|{milestone}" Part,
    /// Note, By, ByName and At. One shape for every kind, so the year's rows are read in one query; a row is written with
    /// its own kind's columns only (the others stay null).
    /// </summary>
    private sealed class RequestRow : StoredRow
    {
        public string? TaskId { get; set; }

        public string? MilestoneId { get; set; }

        public string? Part { get; set; }

        public string? Id { get; set; }

        public string? CurrentDue { get; set; }

        public string? ProposedDue { get; set; }

        public string? Reason { get; set; }

        public string? AskedBy { get; set; }

        public string? AskedByName { get; set; }

        public DateTimeOffset? AskedAt { get; set; }

        public string? State { get; set; }

        public string? DecidedBy { get; set; }

        public string? DecidedByName { get; set; }

        public DateTimeOffset? DecidedAt { get; set; }

        public string? DecisionNote { get; set; }

        public string? DecisionKey { get; set; }

        public string? Due { get; set; }

        public string? OriginalDue { get; set; }

        public string? Note { get; set; }

        public string? By { get; set; }

        public string? ByName { get; set; }

        public DateTimeOffset? At { get; set; }
    }
}
