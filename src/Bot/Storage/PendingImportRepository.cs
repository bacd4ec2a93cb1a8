using Azure;
using Azure.Data.Tables;
using CchcBot.Plan;

namespace CchcBot.Storage;

public enum PendingImportState
{
    /// <summary>Previewed, waiting for "Nhập kế hoạch" or "Hủy".</summary>
    Pending,

    /// <summary>A confirm is writing the plan now.</summary>
    Importing,

    Confirmed,

    Cancelled,
}

/// <summary>A plan the Chief of Office sent and saw previewed, kept until confirmed, cancelled or expired.</summary>
/// <param name="By">UPN/email of the person who sent the file.</param>
/// <param name="ChangedAt">When the state last changed (the confirm or cancel time once done).</param>
public sealed record PendingImport(
    string Id,
    string Agency,
    string By,
    string ByName,
    string FileName,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    PendingImportState State,
    DateTimeOffset ChangedAt,
    CchcPlan Plan);

/// <summary>Plans previewed in Teams and waiting for confirmation.</summary>
public interface IPendingImportRepository
{
    /// <summary>Stores the plan as previewed; returns its import id (32 hex digits).</summary>
    Task<string> AddAsync(string agency, string by, string byName, string fileName, CchcPlan plan, TimeSpan lifetime, CancellationToken ct = default);

    /// <summary>The pending import with its plan; null when there is none with that id in the agency.</summary>
    Task<PendingImport?> GetAsync(string agency, string importId, CancellationToken ct = default);

    /// <summary>Moves the import from <paramref name="from"/> to <paramref name="to"/> only if it is still in
    /// <paramref name="from"/> (ETag-guarded): of two confirms at once, exactly one wins.</summary>
    Task<bool> TryMoveAsync(string agency, string importId, PendingImportState from, PendingImportState to, CancellationToken ct = default);
}

/// <summary>
/// Table Imports, partition = agency: a head row per pending import ("pending|{id}": state, times, who, file name) and
/// the plan as previewed in part rows ("pending|{id}|0000"…, chunked text), written before the head so a head is
/// never without its plan. Rows whose lifetime ended a week ago are removed when a new import is added.
/// </summary>
public sealed class PendingImportRepository(CchcTables tables, TimeProvider time) : IPendingImportRepository
{
    private const string Prefix = "pending|";
    private const int PartChars = 8 * ChunkedText.ChunkChars; // 240,000 characters: under the 1 MiB entity limit
    private static readonly TimeSpan KeptAfterExpiry = TimeSpan.FromDays(7);

    public async Task<string> AddAsync(string agency, string by, string byName, string fileName, CchcPlan plan, TimeSpan lifetime, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Imports, ct);
        await RemoveOldAsync(table, agency, ct);
        var id = Guid.NewGuid().ToString("N");
        var json = StoredJson.Serialize(plan);
        var parts = 0;
        for (var i = 0; i < json.Length || parts == 0; i += PartChars, parts++)
        {
            var row = new PendingImportPartEntity { PartitionKey = TableKeys.Encode(agency), RowKey = PartKey(id, parts), Json = json.Substring(i, Math.Min(PartChars, json.Length - i)) };
            await table.UpsertEntityAsync(ChunkedEntities.ToRow(row), TableUpdateMode.Replace, ct);
        }

        var now = time.GetUtcNow();
        await table.AddEntityAsync(new PendingImportEntity
        {
            PartitionKey = TableKeys.Encode(agency),
            RowKey = Prefix + id,
            State = nameof(PendingImportState.Pending),
            By = by,
            ByName = byName,
            FileName = fileName,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
            ChangedAt = now,
            Parts = parts,
        }, ct);
        return id;
    }

    public async Task<PendingImport?> GetAsync(string agency, string importId, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Imports, ct);
        var found = await table.GetEntityIfExistsAsync<PendingImportEntity>(TableKeys.Encode(agency), Prefix + importId, cancellationToken: ct);
        if (!found.HasValue)
        {
            return null;
        }

        var head = found.Value!;
        var json = new System.Text.StringBuilder();
        for (var part = 0; part < (head.Parts ?? 0); part++)
        {
            var row = await table.GetChunkedIfExistsAsync<PendingImportPartEntity>(TableKeys.Encode(agency), PartKey(importId, part), ct);
            if (row is null)
            {
                return null; // removed meanwhile
            }

            json.Append(row.Json ?? throw new InvalidDataException($"A stored row ({row.PartitionKey}, {row.RowKey}) has no Json."));
        }

        return new PendingImport(
            importId,
            agency,
            head.By ?? string.Empty,
            head.ByName ?? string.Empty,
            head.FileName ?? string.Empty,
            head.CreatedAt ?? DateTimeOffset.MinValue,
            head.ExpiresAt ?? DateTimeOffset.MinValue,
            Enum.TryParse<PendingImportState>(head.State, out var state) ? state : PendingImportState.Cancelled,
            head.ChangedAt ?? DateTimeOffset.MinValue,
            StoredJson.Deserialize<CchcPlan>(json.ToString()));
    }

    public async Task<bool> TryMoveAsync(string agency, string importId, PendingImportState from, PendingImportState to, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Imports, ct);
        var found = await table.GetEntityIfExistsAsync<PendingImportEntity>(TableKeys.Encode(agency), Prefix + importId, cancellationToken: ct);
        if (!found.HasValue || found.Value!.State != from.ToString())
        {
            return false;
        }

        var head = found.Value;
        head.State = to.ToString();
        head.ChangedAt = time.GetUtcNow();
        try
        {
            await table.UpdateEntityAsync(head, head.ETag, TableUpdateMode.Replace, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false; // another confirm or cancel came first
        }
    }

    private async Task RemoveOldAsync(TableClient table, string agency, CancellationToken ct)
    {
        var cutoff = time.GetUtcNow() - KeptAfterExpiry;
        var old = new List<string>();
        await foreach (var row in table.QueryAsync<RowKeysEntity>(
            TableFilter.And(TableFilter.PartitionIs(TableKeys.Encode(agency)), TableFilter.RowStartsWith(Prefix), TableClient.CreateQueryFilter($"ExpiresAt lt {TableFilter.ToSecond(cutoff)}")),
            select: [nameof(ITableEntity.RowKey)], cancellationToken: ct))
        {
            old.Add(row.RowKey);
        }

        foreach (var key in old)
        {
            await foreach (var row in table.QueryAsync<RowKeysEntity>(
                TableFilter.And(TableFilter.PartitionIs(TableKeys.Encode(agency)), TableFilter.RowStartsWith(key + TableKeys.Separator)), select: [nameof(ITableEntity.RowKey)], cancellationToken: ct))
            {
                await DeleteAsync(table, agency, row.RowKey, ct);
            }

            await DeleteAsync(table, agency, key, ct);
        }
    }

    private static async Task DeleteAsync(TableClient table, string agency, string rowKey, CancellationToken ct)
    {
        try
        {
            await table.DeleteEntityAsync(TableKeys.Encode(agency), rowKey, ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    private static string PartKey(string id, int part) => $"{Prefix}{id}{TableKeys.Separator}{part:D4}";
}

/// <summary>A pending import's head row ("pending|{id}"). Its property names are the stored format; the state is the
/// <see cref="PendingImportState"/> name; Parts is how many part rows hold the plan.</summary>
internal sealed class PendingImportEntity : StoredRow
{
    public string? State { get; set; }

    public string? By { get; set; }

    public string? ByName { get; set; }

    public string? FileName { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? ChangedAt { get; set; }

    public int? Parts { get; set; }
}

/// <summary>One part of a pending import's plan ("pending|{id}|0000"): a piece of its JSON, as chunked text (<see cref="ChunkedEntities"/>).</summary>
internal sealed class PendingImportPartEntity : StoredRow
{
    [Chunked]
    public string? Json { get; set; }
}
