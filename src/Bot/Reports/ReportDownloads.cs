using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using CchcBot.Storage;

namespace CchcBot.Reports;

/// <summary>
/// One-time download links for reports asked for in chat: the file is kept in Table storage (so any instance can
/// serve it) under an unguessable token, for an hour.
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
        if (!row.HasValue || row.Value!.GetDateTimeOffset("Expires") < time.GetUtcNow())
        {
            return null;
        }

        var entity = row.Value!;
        var content = Enumerable.Range(0, entity.GetInt32("Chunks") ?? 0).SelectMany(i => entity.GetBinary($"C{i}")).ToArray();
        return (entity.GetString("FileName"), content);
    }

    private static string Partition => "report-downloads";
}
