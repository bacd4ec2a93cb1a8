using Azure.Data.Tables;

namespace CchcBot.Storage;

/// <summary>
/// Long text in a table row: a string property holds at most 64 KiB (32K UTF-16 characters), so the text is split
/// across "Name", "Name1", "Name2"… of 30,000 characters each. A row written before this (one property) reads the same.
/// </summary>
internal static class ChunkedText
{
    public const int ChunkChars = 30_000;

    public static void Write(TableEntity entity, string name, string text)
    {
        for (int i = 0, part = 0; i < text.Length || part == 0; i += ChunkChars, part++)
        {
            entity[part == 0 ? name : name + part] = text.Substring(i, Math.Min(ChunkChars, text.Length - i));
        }
    }

    public static string Read(TableEntity entity, string name)
    {
        var first = entity.GetString(name) ?? throw new InvalidDataException($"A stored row ({entity.PartitionKey}, {entity.RowKey}) has no {name}.");
        if (entity.GetString(name + 1) is null)
        {
            return first;
        }

        var text = new System.Text.StringBuilder(first);
        for (var part = 1; entity.GetString(name + part) is { } next; part++)
        {
            text.Append(next);
        }

        return text.ToString();
    }

    /// <summary>A rough size of the row on the wire, for keeping batches under the 4 MiB transaction limit.</summary>
    public static int Size(TableEntity entity) =>
        1_024 + ((IDictionary<string, object>)entity).Values.Sum(v => v is string s ? 2 * s.Length : 16);
}
