using System.Collections.Concurrent;
using System.Reflection;
using Azure;
using Azure.Data.Tables;

namespace CchcBot.Storage;

/// <summary>A string property of a typed entity stored as chunked text (<see cref="ChunkedText"/>): the columns
/// "Name", "Name1", "Name2"…, as many as the text needs. Null: no such column.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class ChunkedAttribute : Attribute;

/// <summary>
/// Typed entities whose rows hold chunked text (<see cref="ChunkedAttribute"/>). How many chunk columns a row has
/// varies with its text, which the SDK's typed binding cannot express, so such a row travels as a
/// <see cref="TableEntity"/> and is converted here, by the entity's public properties: each one is the column of its
/// name, with the EDM type of its value (string, Int32, Int64, DateTime, Boolean; a null is not stored), exactly as a
/// TableEntity holding those values is written; a [Chunked] one is the text spread over its chunk columns.
/// </summary>
internal static class ChunkedEntities
{
    private static readonly ConcurrentDictionary<Type, Column[]> Columns = new();

    /// <summary>The row to write: the entity's keys, ETag and columns.</summary>
    public static TableEntity ToRow<T>(T entity)
        where T : class, ITableEntity
    {
        var row = new TableEntity(entity.PartitionKey, entity.RowKey) { ETag = entity.ETag };
        foreach (var column in ColumnsOf(typeof(T)))
        {
            var value = column.Property.GetValue(entity);
            if (!column.Chunked)
            {
                row[column.Name] = value;
            }
            else if (value is string text)
            {
                ChunkedText.Write(row, column.Name, text);
            }
        }

        return row;
    }

    /// <summary>The entity a stored row holds (missing columns stay null).</summary>
    public static T FromRow<T>(TableEntity row)
        where T : class, ITableEntity, new()
    {
        var entity = new T { PartitionKey = row.PartitionKey, RowKey = row.RowKey, Timestamp = row.Timestamp, ETag = row.ETag };
        foreach (var column in ColumnsOf(typeof(T)))
        {
            column.Property.SetValue(entity, column.Read(row));
        }

        return entity;
    }

    public static async Task<T?> GetChunkedIfExistsAsync<T>(this TableClient table, string partitionKey, string rowKey, CancellationToken ct)
        where T : class, ITableEntity, new()
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: ct);
        return row.HasValue ? FromRow<T>(row.Value!) : null;
    }

    public static async IAsyncEnumerable<T> QueryChunkedAsync<T>(this TableClient table, string filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
        where T : class, ITableEntity, new()
    {
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            yield return FromRow<T>(row);
        }
    }

    private static Column[] ColumnsOf(Type type) => Columns.GetOrAdd(type, t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public)
        .Where(p => p.Name is not (nameof(ITableEntity.PartitionKey) or nameof(ITableEntity.RowKey) or nameof(ITableEntity.Timestamp) or nameof(ITableEntity.ETag)))
        .Select(ColumnOf)
        .ToArray());

    private static Column ColumnOf(PropertyInfo property)
    {
        var name = property.Name;
        var type = property.PropertyType;
        if (property.GetCustomAttribute<ChunkedAttribute>() is not null)
        {
            return type == typeof(string)
                ? new Column(property, true, row => row.GetString(name) is null ? null : ChunkedText.Read(row, name))
                : throw new NotSupportedException($"[Chunked] {property.DeclaringType?.Name}.{name} must be a string.");
        }

        Func<TableEntity, object?> read = type == typeof(string) ? row => row.GetString(name)
            : type == typeof(int?) ? row => row.GetInt32(name)
            : type == typeof(long?) ? row => row.GetInt64(name)
            : type == typeof(DateTimeOffset?) ? row => row.GetDateTimeOffset(name)
            : type == typeof(bool?) ? row => row.GetBoolean(name)
            : throw new NotSupportedException($"{property.DeclaringType?.Name}.{name}: a column of a chunked entity is a string or a nullable Int32, Int64, DateTimeOffset or Boolean.");
        return new Column(property, false, read);
    }

    private sealed record Column(PropertyInfo Property, bool Chunked, Func<TableEntity, object?> Read)
    {
        public string Name => Property.Name;
    }
}

/// <summary>A row's keys only: for deletes, and for queries that select just the keys.</summary>
internal sealed class RowKeysEntity : StoredRow
{
    public static RowKeysEntity Of(string partitionKey, string rowKey) => new() { PartitionKey = partitionKey, RowKey = rowKey };
}
