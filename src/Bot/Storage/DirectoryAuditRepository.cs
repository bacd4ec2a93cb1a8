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
        var row = new TableEntity(TableKeys.Encode(change.Agency), $"{DateTimeOffset.MaxValue.UtcTicks - change.At.UtcTicks:D19}{TableKeys.Separator}{Guid.NewGuid():N}")
        {
            ["DepartmentId"] = change.DepartmentId,
            ["By"] = change.By,
            ["ByName"] = change.ByName,
            ["At"] = change.At,
        };
        ChunkedText.Write(row, "Before", change.Before is null ? string.Empty : StoredJson.Serialize(change.Before));
        ChunkedText.Write(row, "After", StoredJson.Serialize(change.After));
        await table.AddEntityAsync(row, ct);
    }

    public async Task<IReadOnlyList<DirectoryChange>> ListAsync(string agency, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(Table, ct);
        var result = new List<DirectoryChange>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableFilter.PartitionIs(TableKeys.Encode(agency)), cancellationToken: ct))
        {
            var before = ChunkedText.Read(row, "Before");
            result.Add(new DirectoryChange(
                agency, row.GetString("DepartmentId"), row.GetString("By"), row.GetString("ByName"), row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
                string.IsNullOrEmpty(before) ? null : StoredJson.Deserialize<Department>(before),
                StoredJson.Deserialize<Department>(ChunkedText.Read(row, "After"))));
        }

        return result;
    }
}
