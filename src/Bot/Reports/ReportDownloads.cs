using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using CchcBot.Storage;

namespace CchcBot.Reports;

/// <summary>
/// Download links for reports asked for in chat: the file is kept in Table storage (so any instance can serve it)
/// under an unguessable 192-bit token. A link is valid for an hour from its creation and can be used any number of
/// times until then (it is not one-time): whoever holds it can download the file, without signing in. Expired rows are
/// deleted when an expired link is used and whenever a new report is stored.
/// </summary>
public sealed class ReportDownloads(CchcTables tables, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private const int ChunkBytes = 60_000;
    private const int MaxChunks = 15;

    public async Task<string> StoreAsync(string fileName, byte[] content, CancellationToken ct)
    {
        if (content.Length > ChunkBytes * MaxChunks)
        {
            throw new InvalidOperationException($"The report is too large to keep for download ({content.Length} bytes).");
        }

        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        var entity = new TableEntity(Partition, token) { ["FileName"] = fileName, ["Expires"] = time.GetUtcNow() + Lifetime, ["Chunks"] = 0 };
        var chunks = content.Chunk(ChunkBytes).ToList();
        for (var i = 0; i < chunks.Count; i++)
        {
            entity[$"C{i}"] = chunks[i];
        }

        entity["Chunks"] = chunks.Count;
        var table = await tables.GetAsync(CchcTables.Ledger, ct);
        await DeleteExpiredAsync(table, ct);
        await table.AddEntityAsync(entity, ct);
        return token;
    }

    public async Task<(string FileName, byte[] Content)?> GetAsync(string token, CancellationToken ct)
    {
        if (token.Length != 48 || !token.All(Uri.IsHexDigit))
        {
            return null;
        }

        var table = await tables.GetAsync(CchcTables.Ledger, ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, token, cancellationToken: ct);
        if (!row.HasValue)
        {
            return null;
        }

        if (!(row.Value!.GetDateTimeOffset("Expires") >= time.GetUtcNow()))
        {
            await DeleteAsync(table, token, ct);
            return null;
        }

        var entity = row.Value!;
        var content = Enumerable.Range(0, entity.GetInt32("Chunks") ?? 0).SelectMany(i => entity.GetBinary($"C{i}")).ToArray();
        return (entity.GetString("FileName"), content);
    }

    /// <summary>Deletes every stored report whose hour is over (their rows hold up to 900 KB each).</summary>
    private async Task DeleteExpiredAsync(TableClient table, CancellationToken ct)
    {
        var expired = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and Expires lt {time.GetUtcNow()}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: ct))
        {
            expired.Add(row.RowKey);
        }

        foreach (var token in expired)
        {
            await DeleteAsync(table, token, ct);
        }
    }

    private static async Task DeleteAsync(TableClient table, string token, CancellationToken ct)
    {
        try
        {
            await table.DeleteEntityAsync(Partition, token, ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Deleted concurrently by another request or instance.
        }
    }

    private const string Partition = "report-downloads";
}
