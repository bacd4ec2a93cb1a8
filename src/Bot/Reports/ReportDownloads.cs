using System.Globalization;
using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using CchcBot.Storage;

namespace CchcBot.Reports;

/// <summary>
/// Download links for reports asked for in chat: the file is kept in Blob Storage, in the reports container
/// ("{prefix}-reports", so any instance can serve it), under the SHA-256 of an unguessable 192-bit token (storage
/// access alone gives no link). A link is valid for an hour from its creation and can be used any number of times
/// until then (it is not one-time): whoever holds it can download the file, without signing in. Expired files are
/// deleted when an expired link is used, whenever a new report is stored, and by the cleanup service (<see cref="Evidence.StorageCleanup"/>); in Azure a
/// lifecycle rule deletes them after a day too. Report rows stored in the Ledger table before the move stay readable
/// until their hour is over.
/// </summary>
public sealed class ReportDownloads(CchcBlobs blobs, CchcTables tables, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private const string ExpiresKey = "expires";
    private const string NameKey = "filename";

    public async Task<string> StoreAsync(string fileName, byte[] content, CancellationToken ct)
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        await DeleteExpiredAsync(ct);
        var container = await blobs.ReportsAsync(ct);
        await container.GetBlobClient(BlobName(token)).UploadAsync(
            new BinaryData(content),
            new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = ReportService.ContentTypeOf(fileName) },
                Metadata = new Dictionary<string, string>
                {
                    [ExpiresKey] = (time.GetUtcNow() + Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                    [NameKey] = Uri.EscapeDataString(fileName),
                },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            },
            ct);
        return token;
    }

    public async Task<(string FileName, byte[] Content)?> GetAsync(string token, CancellationToken ct)
    {
        if (token.Length != 48 || !token.All(Uri.IsHexDigit))
        {
            return null;
        }

        var container = await blobs.ReportsAsync(ct);
        var blob = container.GetBlobClient(BlobName(token.ToLowerInvariant()));
        try
        {
            var download = await blob.DownloadContentAsync(ct);
            var metadata = download.Value.Details.Metadata;
            if (!Expired(metadata))
            {
                return (Uri.UnescapeDataString(metadata[NameKey]), download.Value.Content.ToArray());
            }

            await blob.DeleteIfExistsAsync(cancellationToken: ct);
            return null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return await GetFromLedgerAsync(token, ct);
        }
    }

    /// <summary>Deletes every report file whose hour is over (and the Ledger rows of before the move); the count of files.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken ct)
    {
        var container = await blobs.ReportsAsync(ct);
        var expired = new List<string>();
        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, ct))
        {
            if (Expired(item.Metadata))
            {
                expired.Add(item.Name);
            }
        }

        foreach (var name in expired)
        {
            await container.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: ct);
        }

        var table = await tables.GetAsync(CchcTables.Ledger, ct);
        var rows = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {LedgerPartition} and Expires lt {time.GetUtcNow()}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: ct))
        {
            rows.Add(row.RowKey);
        }

        foreach (var token in rows)
        {
            await DeleteLedgerRowAsync(table, token, ct);
        }

        return expired.Count + rows.Count;
    }

    private bool Expired(IDictionary<string, string>? metadata) =>
        metadata is null || !metadata.TryGetValue(ExpiresKey, out var text) || !metadata.ContainsKey(NameKey) ||
        !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ||
        DateTimeOffset.FromUnixTimeSeconds(seconds) < time.GetUtcNow();

    /// <summary>The blob a token's file is kept in: the SHA-256 of the token, in hex.</summary>
    public static string BlobName(string token) => Convert.ToHexString(SHA256.HashData(Convert.FromHexString(token))).ToLowerInvariant();

    /// <summary>A report stored before the move to Blob Storage: rows in the Ledger table, readable until their hour is over.</summary>
    private async Task<(string FileName, byte[] Content)?> GetFromLedgerAsync(string token, CancellationToken ct)
    {
        var table = await tables.GetAsync(CchcTables.Ledger, ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(LedgerPartition, token, cancellationToken: ct);
        if (!row.HasValue)
        {
            return null;
        }

        if (!(row.Value!.GetDateTimeOffset("Expires") >= time.GetUtcNow()))
        {
            await DeleteLedgerRowAsync(table, token, ct);
            return null;
        }

        var entity = row.Value!;
        var content = Enumerable.Range(0, entity.GetInt32("Chunks") ?? 0).SelectMany(i => entity.GetBinary($"C{i}")).ToArray();
        return (entity.GetString("FileName"), content);
    }

    private static async Task DeleteLedgerRowAsync(TableClient table, string token, CancellationToken ct)
    {
        try
        {
            await table.DeleteEntityAsync(LedgerPartition, token, ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Deleted concurrently by another request or instance.
        }
    }

    /// <summary>Where reports were kept before Blob Storage (read, never written).</summary>
    internal const string LedgerPartition = "report-downloads";
}
