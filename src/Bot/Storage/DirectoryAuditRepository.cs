using Azure.Data.Tables;
using CchcBot.Plan;

namespace CchcBot.Storage;

/// <summary>The record of every change made to a directory from Teams (danh bạ): who, when, the department before → after.</summary>
public interface IDirectoryAuditRepository
{
    Task RecordAsync(DirectoryChange change, CancellationToken ct = default);

    /// <summary>The agency's changes, newest first.</summary>
    Task<IReadOnlyList<DirectoryChange>> ListAsync(string agency, CancellationToken ct = default);
}

/// <param name="Before">The department as it was (null: it did not exist).</param>
public sealed record DirectoryChange(string Agency, string DepartmentId, string By, string ByName, DateTimeOffset At, Department? Before, Department After);

/// <summary>Table "DirectoryAudit": one partition per agency, newest first (the row key counts down).</summary>
public sealed class DirectoryAuditRepository(CchcTables tables) : IDirectoryAuditRepository
{
    public const string Table = "DirectoryAudit";

    public async Task RecordAsync(DirectoryChange change, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(Table, ct);
        var row = new DirectoryAuditEntity
        {
            PartitionKey = TableKeys.Encode(change.Agency),
            RowKey = $"{DateTimeOffset.MaxValue.UtcTicks - change.At.UtcTicks:D19}{TableKeys.Separator}{Guid.NewGuid():N}",
            DepartmentId = change.DepartmentId,
            By = change.By,
            ByName = change.ByName,
            At = change.At,
            Before = change.Before is null ? string.Empty : StoredJson.Serialize(change.Before),
            After = StoredJson.Serialize(change.After),
        };
        await table.AddEntityAsync(ChunkedEntities.ToRow(row), ct);
    }

    public async Task<IReadOnlyList<DirectoryChange>> ListAsync(string agency, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(Table, ct);
        var result = new List<DirectoryChange>();
        await foreach (var row in table.QueryChunkedAsync<DirectoryAuditEntity>(TableFilter.PartitionIs(TableKeys.Encode(agency)), ct))
        {
            result.Add(new DirectoryChange(
                agency, row.DepartmentId ?? string.Empty, row.By ?? string.Empty, row.ByName ?? string.Empty, row.At ?? DateTimeOffset.MinValue,
                string.IsNullOrEmpty(row.Before) ? null : StoredJson.Deserialize<Department>(row.Before),
                StoredJson.Deserialize<Department>(row.After ?? throw new InvalidDataException($"A stored row ({row.PartitionKey}, {row.RowKey}) has no After."))));
        }

        return result;
    }
}

/// <summary>A change in the DirectoryAudit table. Its property names are the stored format; the department before (empty:
/// it did not exist) and after are chunked JSON (<see cref="ChunkedEntities"/>).</summary>
internal sealed class DirectoryAuditEntity : StoredRow
{
    public string? DepartmentId { get; set; }

    public string? By { get; set; }

    public string? ByName { get; set; }

    public DateTimeOffset? At { get; set; }

    [Chunked]
    public string? Before { get; set; }

    [Chunked]
    public string? After { get; set; }
}
