using Azure;
using Azure.Data.Tables;

namespace CchcBot.Storage;

/// <summary>
/// What every typed row has: its keys, the service's timestamp and the ETag that guards its updates. Each repository's
/// entity adds its own columns; the SDK binds inherited public properties as it binds declared ones.
/// </summary>
internal abstract class StoredRow : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }
}
