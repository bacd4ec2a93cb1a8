using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using CchcBot.Storage;

namespace CchcBot.Evidence;

/// <summary>A file a user sent, kept in Blob Storage: pending until attached to a milestone (for <see cref="EvidenceStore.PendingLifetime"/>).</summary>
/// <param name="Staged">Its bytes wait in the uploads container (every upload since it exists); false: under "evidence/" in the agency's.</param>
/// <param name="Scope">The plan year it was attached in (<see cref="CchcBot.Plan.CchcPlan.ProgressScope"/>); null while pending.</param>
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
    string State = EvidenceStore.Pending,
    bool Staged = false,
    string? Scope = null)
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
/// Evidence files. A file received waits, unattached, in the uploads container "{prefix}-uploads" (blob "{upload id}", a
/// random id, never a user's text; Blob lifecycle deletes what is left there after a day, and so does the bot's own
/// <see cref="SweepAsync"/> after <see cref="PendingLifetime"/>); attaching copies it into the agency's container under
/// "evidence/{upload id}", where attached files stay. The table "{prefix}Evidence" keeps, in one partition per agency, the
/// upload ("u|id": sender, original name, type, size, expiry, where it was attached: plan year, task, milestone) and the
/// task's evidence record of each plan year: "f|task|milestone|id" for the year whose scope is the agency (its first
/// stored year, as every record was before years were kept apart), "f@{scope}|task|milestone|id" for the others, so one
/// milestone id in two years never shares a file. Attaching writes both in one transaction guarded by the upload's
/// ETag, so a file is attached once. Download links ("links" partition) are random 192-bit tokens naming one file, valid for
/// <see cref="LinkLifetime"/>. (Uploads recorded before the uploads container existed wait under "evidence/{id}" in the
/// agency's container, and are attached or swept there.)
/// </summary>
public sealed class EvidenceStore(CchcTables tables, CchcBlobs blobs, TimeProvider time)
{
    /// <summary>The uploads container's name is "{prefix}-uploads" (the Bicep lifecycle rule names it too).</summary>
    public const string UploadsSuffix = "-uploads";

    /// <summary>How much longer than <see cref="PendingLifetime"/> a blob of the uploads container no record accounts
    /// for (the record's write failed, or the blob's deletion after attaching did) is kept before the sweep deletes it.</summary>
    public static readonly TimeSpan OrphanGrace = TimeSpan.FromHours(1);

    /// <summary>Blob metadata: when the upload was stored (the bot's clock), for the sweep of blobs without a record.</summary>
    private const string StoredAtMetadata = "storedat";
    private const string StagedColumn = "Staged";
    private Lazy<Task<BlobContainerClient>>? _uploads;

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

    /// <summary>"{prefix}-uploads", beside the reports container "{prefix}-reports" of the same prefix.</summary>
    public string UploadsContainerName => blobs.ReportsContainerName[..^CchcBlobs.ReportsSuffix.Length] + UploadsSuffix;

    /// <summary>The uploads container, made on first use (and again after a failure: storage was down).</summary>
    private async Task<BlobContainerClient> UploadsAsync(CancellationToken ct)
    {
        var lazy = _uploads ??= new Lazy<Task<BlobContainerClient>>(CreateUploadsAsync);
        try
        {
            return await lazy.Value.WaitAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Interlocked.CompareExchange(ref _uploads, null, lazy);
            throw;
        }
    }

    private async Task<BlobContainerClient> CreateUploadsAsync()
    {
        // The service client of the agency containers (same account, same credential), without changing CchcBlobs.
        var service = (await blobs.ReportsAsync(CancellationToken.None)).GetParentBlobServiceClient();
        var container = service.GetBlobContainerClient(UploadsContainerName);
        await container.CreateIfNotExistsAsync();
        return container;
    }

    /// <summary>Where an unattached upload's bytes wait: the uploads container, or (recorded before it existed) the agency's.</summary>
    private async Task<BlobClient> PendingBlobAsync(string agency, string uploadId, bool staged, CancellationToken ct) => staged
        ? (await UploadsAsync(ct)).GetBlobClient(uploadId)
        : (await blobs.AgencyAsync(agency, ct)).GetBlobClient(BlobName(uploadId));

    public static bool IsUploadId(string? id) => id is { Length: 32 } && id.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    /// <summary>Stores the bytes first (in the uploads container), then the pending record: an upload the user is told
    /// about is never lost, and bytes whose record could not be written are deleted (or swept later).</summary>
    public async Task<EvidenceUpload> StorePendingAsync(string agency, string by, string byName, string fileName, string contentType, byte[] content, CancellationToken ct)
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var now = time.GetUtcNow();
        var blob = await PendingBlobAsync(agency, id, staged: true, ct);
        await blob.UploadAsync(
            new BinaryData(content),
            new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                Metadata = new Dictionary<string, string> { [StoredAtMetadata] = now.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture) },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            },
            ct);
        var row = new UploadEntity
        {
            PartitionKey = Partition(agency),
            RowKey = Compose(UploadKind, id),
            By = by,
            ByName = byName,
            FileName = fileName,
            ContentType = contentType,
            Size = content.Length,
            At = now,
            Expires = now + PendingLifetime,
            State = Pending,
            Staged = true,
        };
        try
        {
            var table = await tables.GetAsync(Table, ct);
            await table.AddEntityAsync(row, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await DeleteBlobQuietlyAsync(blob);
            throw;
        }

        return ToUpload(agency, row);
    }

    public async Task<EvidenceUpload?> GetUploadAsync(string agency, string uploadId, CancellationToken ct)
    {
        if (!IsUploadId(uploadId))
        {
            return null;
        }

        var table = await tables.GetAsync(Table, ct);
        var row = await table.GetEntityIfExistsAsync<UploadEntity>(Partition(agency), Compose(UploadKind, uploadId), cancellationToken: ct);
        return row.HasValue ? ToUpload(agency, row.Value!) : null;
    }

    /// <summary>Attaches a pending upload to a milestone of the plan year <paramref name="scope"/> (its
    /// <see cref="CchcBot.Plan.CchcPlan.ProgressScope"/>), once: the upload and the task's record change in one transaction.</summary>
    public async Task<AttachOutcome> AttachAsync(EvidenceUpload upload, string scope, string taskId, string milestoneId, CancellationToken ct)
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

        // The bytes go where attached files stay first (again after a re-sent invoke: the same bytes), then the records.
        var kept = (await blobs.AgencyAsync(upload.Agency, ct)).GetBlobClient(BlobName(upload.Id));
        var staged = upload.Staged ? await PendingBlobAsync(upload.Agency, upload.Id, staged: true, ct) : null;
        if (staged is not null && !await CopyAsync(staged, kept, upload.ContentType, ct))
        {
            return AttachOutcome.Expired; // swept meanwhile (by the bot, or by the lifecycle rule)
        }

        var partition = Partition(upload.Agency);
        var uploadRow = new UploadEntity
        {
            PartitionKey = partition,
            RowKey = Compose(UploadKind, upload.Id),
            By = upload.By,
            ByName = upload.ByName,
            FileName = upload.FileName,
            ContentType = upload.ContentType,
            Size = upload.Size,
            At = upload.At,
            Expires = upload.Expires,
            State = Attached,
            TaskId = taskId,
            MilestoneId = milestoneId,
            AttachedAt = now,
            Scope = scope,
        };
        var fileRow = new FileEntity
        {
            PartitionKey = partition,
            RowKey = Compose(FileKindOf(upload.Agency, scope), taskId, milestoneId, upload.Id),
            UploadId = upload.Id,
            TaskId = taskId,
            MilestoneId = milestoneId,
            FileName = upload.FileName,
            ContentType = upload.ContentType,
            Size = upload.Size,
            By = upload.By,
            ByName = upload.ByName,
            At = now,
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
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412 or 404)
        {
            // Attached meanwhile (another instance, a re-sent invoke: its copy is these bytes) or swept: then the copy goes.
            if (staged is not null && await GetUploadAsync(upload.Agency, upload.Id, ct) is not { Attached: true })
            {
                await DeleteBlobQuietlyAsync(kept);
            }

            return AttachOutcome.AlreadyAttached;
        }

        if (staged is not null)
        {
            await DeleteBlobQuietlyAsync(staged); // left behind, the sweep and the lifecycle rule remove it
        }

        return AttachOutcome.Attached;
    }

    /// <summary>Copies an upload's bytes (at most 20 MB) into the agency's container through the bot — a server-side copy
    /// would need its own authorisation of the source under Entra ID; false when the upload's blob is gone.</summary>
    private static async Task<bool> CopyAsync(BlobClient from, BlobClient to, string contentType, CancellationToken ct)
    {
        BinaryData content;
        try
        {
            content = (await from.DownloadContentAsync(ct)).Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }

        try
        {
            await to.UploadAsync(
                content,
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType }, Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                ct);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Copied already (a re-sent invoke, another instance): the same upload's bytes.
        }

        return true;
    }

    private static async Task DeleteBlobQuietlyAsync(BlobClient blob)
    {
        try
        {
            await blob.DeleteIfExistsAsync();
        }
        catch (Exception e) when (e is RequestFailedException || StorageOutage.Is(e))
        {
            // Storage is down: the sweep (and in Azure the lifecycle rule) deletes it later.
        }
    }

    /// <summary>The task's files attached in the plan year <paramref name="scope"/> (its
    /// <see cref="CchcBot.Plan.CchcPlan.ProgressScope"/>) of the agency, oldest first.</summary>
    public async Task<IReadOnlyList<EvidenceFile>> FilesOfTaskAsync(string agency, string scope, string taskId, CancellationToken ct) =>
        await QueryFilesAsync(agency, Compose(FileKindOf(agency, scope), taskId) + TableKeys.Separator, ct);

    /// <summary>Every file attached in the plan year <paramref name="scope"/> of the agency, oldest first.</summary>
    public async Task<IReadOnlyList<EvidenceFile>> FilesAsync(string agency, string scope, CancellationToken ct) =>
        await QueryFilesAsync(agency, Compose(FileKindOf(agency, scope)) + TableKeys.Separator, ct);

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
                new LinkEntity { PartitionKey = LinksPartition, RowKey = token, Agency = agency, UploadId = file.UploadId, Expires = expires }));
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
        var link = await table.GetEntityIfExistsAsync<LinkEntity>(LinksPartition, token, cancellationToken: ct);
        if (!link.HasValue)
        {
            return null;
        }

        if (!(link.Value!.Expires > time.GetUtcNow()) || link.Value.Agency is not { } agency || link.Value.UploadId is not { } uploadId)
        {
            await DeleteQuietlyAsync(table, LinksPartition, token, ct);
            return null;
        }

        var upload = await GetUploadAsync(agency, uploadId, ct);
        if (upload is not { Attached: true, TaskId: { } taskId, MilestoneId: { } milestoneId })
        {
            return null;
        }

        var fileRow = await table.GetEntityIfExistsAsync<FileEntity>(
            Partition(agency), Compose(FileKindOf(agency, upload.Scope ?? agency), taskId, milestoneId, upload.Id), cancellationToken: ct);
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
    /// Deletes the blobs of uploads never attached within their <see cref="PendingLifetime"/> (their records are marked
    /// expired, and deleted <see cref="ExpiredRecordLifetime"/> later), any blob of the uploads container older than that
    /// (plus <see cref="OrphanGrace"/>) which no pending record accounts for, and expired download links. Returns the
    /// number of blobs deleted.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var table = await tables.GetAsync(Table, ct);
        var deleted = 0;
        var rows = new List<UploadEntity>();
        var filter = TableFilter.And(
            TableFilter.RowStartsWith(UploadKind + TableKeys.Separator),
            TableClient.CreateQueryFilter($"State eq {Pending} or State eq {Swept}"),
            ExpiresBefore(now));
        await foreach (var row in table.QueryAsync<UploadEntity>(filter, select: ["PartitionKey", "RowKey", "State", "Expires", StagedColumn], cancellationToken: ct))
        {
            rows.Add(row);
        }

        foreach (var row in rows)
        {
            if (row.State == Swept)
            {
                if (row.Expires + ExpiredRecordLifetime < now)
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
                await table.UpdateEntityAsync(new UploadStateEntity { PartitionKey = row.PartitionKey, RowKey = row.RowKey, State = Swept }, row.ETag, TableUpdateMode.Merge, ct);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                continue;
            }

            var blob = await PendingBlobAsync(agency, id, row.Staged == true, ct);
            await blob.DeleteIfExistsAsync(cancellationToken: ct);
            deleted++;
        }

        deleted += await SweepUploadsAsync(now, ct);

        var links = new List<string>();
        var linkFilter = TableFilter.And(TableFilter.PartitionIs(LinksPartition), ExpiresBefore(now));
        await foreach (var row in table.QueryAsync<LinkEntity>(linkFilter, select: ["RowKey"], cancellationToken: ct))
        {
            links.Add(row.RowKey);
        }

        foreach (var token in links)
        {
            await DeleteQuietlyAsync(table, LinksPartition, token, ct);
        }

        return deleted;
    }

    /// <summary>The uploads container's blobs stored more than <see cref="PendingLifetime"/> + <see cref="OrphanGrace"/> ago
    /// (the bot's clock, from their metadata; the blob's own time when it has none): by then no upload may be attached.</summary>
    private async Task<int> SweepUploadsAsync(DateTimeOffset now, CancellationToken ct)
    {
        var container = await UploadsAsync(ct);
        var limit = now - PendingLifetime - OrphanGrace;
        var old = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix: null, ct))
        {
            var stored = blob.Metadata.TryGetValue(StoredAtMetadata, out var text)
                && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
                ? at
                : blob.Properties.CreatedOn ?? DateTimeOffset.MinValue;
            if (stored < limit)
            {
                old.Add(blob.Name);
            }
        }

        var deleted = 0;
        foreach (var name in old)
        {
            if ((await container.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: ct)).Value)
            {
                deleted++;
            }
        }

        return deleted;
    }

    private async Task<IReadOnlyList<EvidenceFile>> QueryFilesAsync(string agency, string prefix, CancellationToken ct)
    {
        var table = await tables.GetAsync(Table, ct);
        var filter = TableFilter.And(TableFilter.PartitionIs(Partition(agency)), TableFilter.RowStartsWith(prefix));
        var files = new List<EvidenceFile>();
        await foreach (var row in table.QueryAsync<FileEntity>(filter, cancellationToken: ct))
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

    /// <summary>The kind of a plan year's evidence records: "f" for the year whose scope is the agency (as every record
    /// was before years were kept apart), "f@{scope}" for another year's.</summary>
    private static string FileKindOf(string agency, string scope) => string.Equals(scope, agency, StringComparison.Ordinal) ? FileKind : FileKind + "@" + scope;

    /// <summary>"Expires lt datetime'…'", to the millisecond (as it was always compared).</summary>
    private static string ExpiresBefore(DateTimeOffset now) => TableClient.CreateQueryFilter($"Expires lt {TableFilter.ToMillisecond(now)}");

    private static string Compose(params string[] parts) => TableKeys.Compose(parts);

    private static EvidenceUpload ToUpload(string agency, UploadEntity row) => new(
        TableKeys.Decode(row.RowKey[(row.RowKey.IndexOf(TableKeys.Separator, StringComparison.Ordinal) + 1)..]),
        agency,
        row.By ?? string.Empty,
        row.ByName ?? string.Empty,
        row.FileName ?? string.Empty,
        row.ContentType ?? string.Empty,
        row.Size ?? 0,
        row.At ?? DateTimeOffset.MinValue,
        row.Expires ?? DateTimeOffset.MinValue,
        row.TaskId,
        row.MilestoneId,
        row.AttachedAt,
        row.ETag,
        row.State ?? Pending,
        row.Staged == true,
        row.AttachedAt is null ? null : row.Scope ?? agency);

    private static EvidenceFile ToFile(FileEntity row) => new(
        row.UploadId ?? string.Empty,
        row.TaskId ?? string.Empty,
        row.MilestoneId ?? string.Empty,
        row.FileName ?? string.Empty,
        row.ContentType ?? string.Empty,
        row.Size ?? 0,
        row.By ?? string.Empty,
        row.ByName ?? string.Empty,
        row.At ?? DateTimeOffset.MinValue);

    /// <summary>An upload ("u|id"), pending or attached; the property names and types of every row written since uploads
    /// were recorded ("Staged" since the uploads container, "Scope" since plan years were kept apart: absent, the agency).</summary>
    private sealed class UploadEntity : StoredRow
    {
        public string? By { get; set; }

        public string? ByName { get; set; }

        public string? FileName { get; set; }

        public string? ContentType { get; set; }

        public long? Size { get; set; }

        public DateTimeOffset? At { get; set; }

        public DateTimeOffset? Expires { get; set; }

        public string? State { get; set; }

        public bool? Staged { get; set; }

        public string? TaskId { get; set; }

        public string? MilestoneId { get; set; }

        public DateTimeOffset? AttachedAt { get; set; }

        public string? Scope { get; set; }
    }

    /// <summary>Only an upload's state, for the sweep's merge (which must leave every other property as it is).</summary>
    private sealed class UploadStateEntity : StoredRow
    {
        public string? State { get; set; }
    }

    /// <summary>A file of a milestone's evidence record ("f|task|milestone|id", or "f@{scope}|…" for a later year).</summary>
    private sealed class FileEntity : StoredRow
    {
        public string? UploadId { get; set; }

        public string? TaskId { get; set; }

        public string? MilestoneId { get; set; }

        public string? FileName { get; set; }

        public string? ContentType { get; set; }

        public long? Size { get; set; }

        public string? By { get; set; }

        public string? ByName { get; set; }

        public DateTimeOffset? At { get; set; }
    }

    /// <summary>A download link ("links" partition, the token as row key).</summary>
    private sealed class LinkEntity : StoredRow
    {
        public string? Agency { get; set; }

        public string? UploadId { get; set; }

        public DateTimeOffset? Expires { get; set; }
    }
}
