using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using CchcBot.Storage;

namespace CchcBot.Evidence;

/// <summary>A file a user sent, kept in Blob Storage: pending until attached to a milestone (for <see cref="EvidenceStore.PendingLifetime"/>).</summary>
public sealed record EvidenceUpload(
    string Id,
    string Agency,
    string By,
    string ByName,
    string FileName,
    string ContentType,
    long Size,
    DateTimeOffset At,
    DateTimeOffset Expires,
    string? TaskId,
    string? MilestoneId,
    DateTimeOffset? AttachedAt,
    ETag ETag,
    string State = EvidenceStore.Pending)
{
    public bool Attached => AttachedAt is not null;
}

/// <summary>A file attached to a milestone: its entry in the task's evidence record (who, when, which file).</summary>
public sealed record EvidenceFile(
    string UploadId, string TaskId, string MilestoneId, string FileName, string ContentType, long Size, string By, string ByName, DateTimeOffset At);

public enum AttachOutcome
{
    Attached,
    AlreadyAttached,
    Expired,
}

/// <summary>
/// Evidence files. The bytes go to the agency's blob container under "evidence/{upload id}" (a random id, never a user's
/// text) with their content type; the table "{prefix}Evidence" keeps, in one partition per agency, the upload ("u|id":
/// sender, original name, type, size, expiry, where it was attached) and the task's evidence record
/// ("f|task|milestone|id"). Attaching writes both in one transaction guarded by the upload's ETag, so a file is
/// attached once. Download links ("links" partition) are random 192-bit tokens naming one file, valid for
/// <see cref="LinkLifetime"/>.
/// </summary>
public sealed class EvidenceStore(CchcTables tables, CchcBlobs blobs, TimeProvider time)
{
    public const string Table = "Evidence";
    public static readonly TimeSpan PendingLifetime = TimeSpan.FromHours(24);
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(24);
    /// <summary>How long the record of an upload swept unattached is kept, so its sender is told it expired (not "unknown").</summary>
    public static readonly TimeSpan ExpiredRecordLifetime = TimeSpan.FromDays(7);
    public const string Pending = "pending";
    public const string Attached = "attached";
    public const string Swept = "expired";
    private const string LinksPartition = "links";
    private const string UploadKind = "u";
    private const string FileKind = "f";

    public static string BlobName(string uploadId) => "evidence/" + uploadId;

    public static bool IsUploadId(string? id) => id is { Length: 32 } && id.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    /// <summary>Stores the bytes first, then the pending record: an upload the user is told about is never lost.</summary>
    public async Task<EvidenceUpload> StorePendingAsync(string agency, string by, string byName, string fileName, string contentType, byte[] content, CancellationToken ct)
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var container = await blobs.AgencyAsync(agency, ct);
        await container.GetBlobClient(BlobName(id)).UploadAsync(
            new BinaryData(content),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType }, Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
            ct);
        var now = time.GetUtcNow();
        var row = new TableEntity(Partition(agency), Compose(UploadKind, id))
        {
            ["By"] = by,
            ["ByName"] = byName,
            ["FileName"] = fileName,
            ["ContentType"] = contentType,
            ["Size"] = (long)content.Length,
            ["At"] = now,
            ["Expires"] = now + PendingLifetime,
            ["State"] = Pending,
        };
        var table = await tables.GetAsync(Table, ct);
        await table.AddEntityAsync(row, ct);
        return ToUpload(agency, row);
    }

    public async Task<EvidenceUpload?> GetUploadAsync(string agency, string uploadId, CancellationToken ct)
    {
        if (!IsUploadId(uploadId))
        {
            return null;
        }

        var table = await tables.GetAsync(Table, ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition(agency), Compose(UploadKind, uploadId), cancellationToken: ct);
        return row.HasValue ? ToUpload(agency, row.Value!) : null;
    }

    /// <summary>Attaches a pending upload to a milestone, once: the upload and the task's record change in one transaction.</summary>
    public async Task<AttachOutcome> AttachAsync(EvidenceUpload upload, string taskId, string milestoneId, CancellationToken ct)
    {
        if (upload.Attached)
        {
            return AttachOutcome.AlreadyAttached;
        }

        var now = time.GetUtcNow();
        if (upload.Expires <= now || upload.State == Swept)
        {
            return AttachOutcome.Expired;
        }

        var partition = Partition(upload.Agency);
        var uploadRow = new TableEntity(partition, Compose(UploadKind, upload.Id))
        {
            ["By"] = upload.By,
            ["ByName"] = upload.ByName,
            ["FileName"] = upload.FileName,
            ["ContentType"] = upload.ContentType,
            ["Size"] = upload.Size,
            ["At"] = upload.At,
            ["Expires"] = upload.Expires,
            ["State"] = Attached,
            ["TaskId"] = taskId,
            ["MilestoneId"] = milestoneId,
            ["AttachedAt"] = now,
        };
        var fileRow = new TableEntity(partition, Compose(FileKind, taskId, milestoneId, upload.Id))
        {
            ["UploadId"] = upload.Id,
            ["TaskId"] = taskId,
            ["MilestoneId"] = milestoneId,
            ["FileName"] = upload.FileName,
            ["ContentType"] = upload.ContentType,
            ["Size"] = upload.Size,
            ["By"] = upload.By,
            ["ByName"] = upload.ByName,
            ["At"] = now,
        };
        var table = await tables.GetAsync(Table, ct);
        try
        {
            await table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, uploadRow, upload.ETag),
                    new TableTransactionAction(TableTransactionActionType.Add, fileRow),
                ],
                ct);
            return AttachOutcome.Attached;
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412 or 404)
        {
            return AttachOutcome.AlreadyAttached; // attached meanwhile (another instance, a re-sent invoke) or swept
        }
    }

    /// <summary>The task's attached files, oldest first.</summary>
    public async Task<IReadOnlyList<EvidenceFile>> FilesOfTaskAsync(string agency, string taskId, CancellationToken ct) =>
        await QueryFilesAsync(agency, Compose(FileKind, taskId) + TableKeys.Separator, ct);

    /// <summary>Every attached file of the agency, oldest first.</summary>
    public async Task<IReadOnlyList<EvidenceFile>> FilesAsync(string agency, CancellationToken ct) =>
        await QueryFilesAsync(agency, FileKind + TableKeys.Separator, ct);

    /// <summary>One download token per file, each valid for <see cref="LinkLifetime"/>.</summary>
    public async Task<IReadOnlyDictionary<string, string>> IssueLinksAsync(string agency, IEnumerable<EvidenceFile> files, CancellationToken ct)
    {
        var expires = time.GetUtcNow() + LinkLifetime;
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = new List<TableTransactionAction>();
        foreach (var file in files.DistinctBy(f => f.UploadId))
        {
            var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
            tokens[file.UploadId] = token;
            rows.Add(new TableTransactionAction(
                TableTransactionActionType.Add,
                new TableEntity(LinksPartition, token) { ["Agency"] = agency, ["UploadId"] = file.UploadId, ["Expires"] = expires }));
        }

        if (rows.Count > 0)
        {
            var table = await tables.GetAsync(Table, ct);
            foreach (var batch in rows.Chunk(100))
            {
                await table.SubmitTransactionAsync(batch, ct);
            }
        }

        return tokens;
    }

    /// <summary>The attached file a live token names, and a stream of its bytes; null for an unknown or expired token, or a file no longer attached.</summary>
    public async Task<(EvidenceFile File, Stream Content)?> OpenAsync(string token, CancellationToken ct)
    {
        if (token is not { Length: 48 } || !token.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f')))
        {
            return null;
        }

        var table = await tables.GetAsync(Table, ct);
        var link = await table.GetEntityIfExistsAsync<TableEntity>(LinksPartition, token, cancellationToken: ct);
        if (!link.HasValue)
        {
            return null;
        }

        if (!(link.Value!.GetDateTimeOffset("Expires") > time.GetUtcNow()))
        {
            await DeleteQuietlyAsync(table, LinksPartition, token, ct);
            return null;
        }

        var agency = link.Value.GetString("Agency");
        var upload = await GetUploadAsync(agency, link.Value.GetString("UploadId"), ct);
        if (upload is not { Attached: true, TaskId: { } taskId, MilestoneId: { } milestoneId })
        {
            return null;
        }

        var fileRow = await table.GetEntityIfExistsAsync<TableEntity>(Partition(agency), Compose(FileKind, taskId, milestoneId, upload.Id), cancellationToken: ct);
        if (!fileRow.HasValue)
        {
            return null;
        }

        var container = await blobs.AgencyAsync(agency, ct);
        try
        {
            var download = await container.GetBlobClient(BlobName(upload.Id)).DownloadStreamingAsync(cancellationToken: ct);
            return (ToFile(fileRow.Value!), download.Value.Content);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Deletes the blobs of uploads never attached within their 24 hours (their records are marked expired, and deleted
    /// <see cref="ExpiredRecordLifetime"/> later), and expired download links. Returns the number of blobs deleted.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var table = await tables.GetAsync(Table, ct);
        var deleted = 0;
        var rows = new List<TableEntity>();
        var uploads = TableKeys.StartsWith("RowKey", UploadKind + TableKeys.Separator);
        var filter = $"{uploads} and (State eq '{Pending}' or State eq '{Swept}') and Expires lt datetime'{now.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}'";
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", "State", "Expires"], cancellationToken: ct))
        {
            rows.Add(row);
        }

        foreach (var row in rows)
        {
            if (row.GetString("State") == Swept)
            {
                if (row.GetDateTimeOffset("Expires") + ExpiredRecordLifetime < now)
                {
                    await DeleteQuietlyAsync(table, row.PartitionKey, row.RowKey, ct);
                }

                continue;
            }

            var agency = TableKeys.Decode(row.PartitionKey[..row.PartitionKey.LastIndexOf(TableKeys.Separator)]);
            var id = TableKeys.Decode(row.RowKey[(row.RowKey.IndexOf(TableKeys.Separator, StringComparison.Ordinal) + 1)..]);
            try
            {
                // Marked first (ETag-guarded: an attach that won the race keeps its file), then the blob goes.
                await table.UpdateEntityAsync(new TableEntity(row.PartitionKey, row.RowKey) { ["State"] = Swept }, row.ETag, TableUpdateMode.Merge, ct);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                continue;
            }

            var container = await blobs.AgencyAsync(agency, ct);
            await container.GetBlobClient(BlobName(id)).DeleteIfExistsAsync(cancellationToken: ct);
            deleted++;
        }

        var links = new List<string>();
        var linkFilter = $"PartitionKey eq '{LinksPartition}' and Expires lt datetime'{now.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}'";
        await foreach (var row in table.QueryAsync<TableEntity>(linkFilter, select: ["RowKey"], cancellationToken: ct))
        {
            links.Add(row.RowKey);
        }

        foreach (var token in links)
        {
            await DeleteQuietlyAsync(table, LinksPartition, token, ct);
        }

        return deleted;
    }

    private async Task<IReadOnlyList<EvidenceFile>> QueryFilesAsync(string agency, string prefix, CancellationToken ct)
    {
        var table = await tables.GetAsync(Table, ct);
        var filter = $"PartitionKey eq '{TableKeys.Escape(Partition(agency))}' and {TableKeys.StartsWith("RowKey", prefix)}";
        var files = new List<EvidenceFile>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            files.Add(ToFile(row));
        }

        return files.OrderBy(f => f.At).ToList();
    }

    private static async Task DeleteQuietlyAsync(TableClient table, string partition, string row, CancellationToken ct)
    {
        try
        {
            await table.DeleteEntityAsync(partition, row, ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Deleted concurrently by another instance.
        }
    }

    private static string Partition(string agency) => TableKeys.Compose(agency, "evidence");

    private static string Compose(params string[] parts) => TableKeys.Compose(parts);

    private static EvidenceUpload ToUpload(string agency, TableEntity row) => new(
        TableKeys.Decode(row.RowKey[(row.RowKey.IndexOf(TableKeys.Separator, StringComparison.Ordinal) + 1)..]),
        agency,
        row.GetString("By"),
        row.GetString("ByName"),
        row.GetString("FileName"),
        row.GetString("ContentType"),
        row.GetInt64("Size") ?? 0,
        row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
        row.GetDateTimeOffset("Expires") ?? DateTimeOffset.MinValue,
        row.GetString("TaskId"),
        row.GetString("MilestoneId"),
        row.GetDateTimeOffset("AttachedAt"),
        row.ETag,
        row.GetString("State") ?? Pending);

    private static EvidenceFile ToFile(TableEntity row) => new(
        row.GetString("UploadId"),
        row.GetString("TaskId"),
        row.GetString("MilestoneId"),
        row.GetString("FileName"),
        row.GetString("ContentType"),
        row.GetInt64("Size") ?? 0,
        row.GetString("By"),
        row.GetString("ByName"),
        row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue);
}
