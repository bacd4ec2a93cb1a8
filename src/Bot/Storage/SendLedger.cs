using Azure;
using Azure.Data.Tables;

namespace CchcBot.Storage;

public enum ClaimOutcome
{
    /// <summary>This caller owns the entry now and should send.</summary>
    Claimed,

    /// <summary>Sent before: nothing to do.</summary>
    AlreadySent,

    /// <summary>Another sweep holds a live claim: leave it to them.</summary>
    HeldByOther,
}

/// <summary>
/// The exactly-once ledger for proactive messages: before sending, a sweep claims (agency, recipient, key) with a
/// conditional insert; after the send it marks the entry sent. Two sweeps racing (two instances, or the CLI beside the
/// host) cannot both claim. A claim left by a crashed sweep is taken over (ETag-guarded) once its lease has expired.
/// The one window for a duplicate: a crash after Teams accepted the message and before the entry is marked sent.
/// One recipient's entries share a partition, so the "All" methods claim, close or release them in entity-group
/// transactions (up to 100 a request) instead of one request each.
/// </summary>
public interface ISendLedger
{
    Task<ClaimOutcome> TryClaimAsync(string agency, string recipient, string key, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default);

    /// <summary>
    /// Claims every key (duplicates once) as <see cref="TryClaimAsync"/> would, in one transaction when none of them has
    /// an entry yet; when one has (sent before, or held by another sweep), key by key, so the free ones are still
    /// claimed. Exactly-once holds either way: every claim is a conditional insert (or an ETag-guarded takeover).
    /// </summary>
    /// <returns>The keys this caller claimed, in the order given.</returns>
    Task<IReadOnlyList<string>> TryClaimAllAsync(string agency, string recipient, IReadOnlyList<string> keys, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default);

    /// <summary>Closes the entry: <see cref="SendLedger.Sent"/>, or <see cref="SendLedger.Undeliverable"/> when
    /// Teams refused for good (retrying the same slot would not help; the recipient is listed as unreachable).</summary>
    Task MarkDoneAsync(string agency, string recipient, string key, string state, string? activityId, DateTimeOffset now, CancellationToken ct = default);

    /// <summary><see cref="MarkDoneAsync"/> for every key, in one transaction per 100 keys.</summary>
    Task MarkAllDoneAsync(string agency, string recipient, IReadOnlyList<string> keys, string state, string? activityId, DateTimeOffset now, CancellationToken ct = default);

    /// <summary>Gives a claim back after a failed send, so a later sweep tries again.</summary>
    Task ReleaseAsync(string agency, string recipient, string key, CancellationToken ct = default);

    /// <summary><see cref="ReleaseAsync"/> for every key, in one transaction per 100 keys (key by key if one is gone already).</summary>
    Task ReleaseAllAsync(string agency, string recipient, IReadOnlyList<string> keys, CancellationToken ct = default);

    Task<string?> StateAsync(string agency, string recipient, string key, CancellationToken ct = default);

    /// <summary>
    /// At most once per <paramref name="window"/> for (agency, recipient, key), across instances: true (and
    /// <paramref name="now"/> recorded, ETag-guarded) when nothing was recorded for the key within the window before
    /// <paramref name="now"/>; false otherwise. A zero window records the time and answers true unless another caller
    /// recorded it at the same moment.
    /// </summary>
    Task<bool> TryOncePerWindowAsync(string agency, string recipient, string key, DateTimeOffset now, TimeSpan window, CancellationToken ct = default);
}

/// <summary>
/// Rows of the Ledger table: partition "agency|recipient" (encoded, recipient in lower case), row key the encoded key;
/// once-per-window rows in the same partition under "window|key".
/// </summary>
public sealed class SendLedger(CchcTables tables) : ISendLedger
{
    public const string Claimed = "claimed";
    public const string Sent = "sent";
    public const string Undeliverable = "undeliverable";

    /// <summary>Azure Tables' limit of operations in one entity-group transaction.</summary>
    internal const int MaxBatch = 100;

    private const string WindowKind = "window";
    private const string WindowPrefix = "window|";

    public async Task<ClaimOutcome> TryClaimAsync(string agency, string recipient, string key, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Ledger, ct);
        var (pk, rk) = Keys(agency, recipient, key);
        try
        {
            await table.AddEntityAsync(SendClaimEntity.NewClaim(pk, rk, owner, now), ct);
            return ClaimOutcome.Claimed;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = await table.GetEntityIfExistsAsync<SendClaimEntity>(pk, rk, cancellationToken: ct);
            if (!existing.HasValue)
            {
                return ClaimOutcome.HeldByOther; // Released between our insert and read: the next sweep retries.
            }

            var row = existing.Value!;
            if (row.State != Claimed)
            {
                return ClaimOutcome.AlreadySent;
            }

            if (row.ClaimedAt is { } at && at + lease > now)
            {
                return ClaimOutcome.HeldByOther;
            }

            try
            {
                row.ClaimedAt = now;
                row.Owner = owner;
                row.State = Claimed;
                await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, ct);
                return ClaimOutcome.Claimed;
            }
            catch (RequestFailedException conflict) when (conflict.Status is 409 or 412)
            {
                return ClaimOutcome.HeldByOther;
            }
        }
    }

    public async Task<IReadOnlyList<string>> TryClaimAllAsync(string agency, string recipient, IReadOnlyList<string> keys, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default)
    {
        var distinct = keys.Distinct(StringComparer.Ordinal).ToList();
        var claimed = new List<string>(distinct.Count);
        if (distinct.Count == 1)
        {
            return await TryClaimAsync(agency, recipient, distinct[0], owner, now, lease, ct) == ClaimOutcome.Claimed ? distinct : [];
        }

        var table = await tables.GetAsync(CchcTables.Ledger, ct);
        foreach (var chunk in distinct.Chunk(MaxBatch))
        {
            try
            {
                // All or nothing: each insert fails if the key has an entry, and then none of the chunk is written.
                await table.SubmitTransactionAsync(
                    chunk.Select(key => Keys(agency, recipient, key))
                        .Select(k => new TableTransactionAction(TableTransactionActionType.Add, SendClaimEntity.NewClaim(k.Partition, k.Row, owner, now))),
                    ct);
                claimed.AddRange(chunk);
            }
            catch (TableTransactionFailedException e) when (e.Status == 409)
            {
                // A key of the chunk has an entry (sent before, or another sweep's claim): each key on its own.
                foreach (var key in chunk)
                {
                    if (await TryClaimAsync(agency, recipient, key, owner, now, lease, ct) == ClaimOutcome.Claimed)
                    {
                        claimed.Add(key);
                    }
                }
            }
        }

        return claimed;
    }

    public async Task MarkDoneAsync(string agency, string recipient, string key, string state, string? activityId, DateTimeOffset now, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Ledger, ct);
        var (pk, rk) = Keys(agency, recipient, key);
        await table.UpsertEntityAsync(SendClaimEntity.Done(pk, rk, state, activityId, now), TableUpdateMode.Merge, ct);
    }

    public async Task MarkAllDoneAsync(string agency, string recipient, IReadOnlyList<string> keys, string state, string? activityId, DateTimeOffset now, CancellationToken ct = default)
    {
        var distinct = keys.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count <= 1)
        {
            foreach (var key in distinct)
            {
                await MarkDoneAsync(agency, recipient, key, state, activityId, now, ct);
            }

            return;
        }

        var table = await tables.GetAsync(CchcTables.Ledger, ct);
        foreach (var chunk in distinct.Chunk(MaxBatch))
        {
            await table.SubmitTransactionAsync(
                chunk.Select(key => Keys(agency, recipient, key))
                    .Select(k => new TableTransactionAction(TableTransactionActionType.UpsertMerge, SendClaimEntity.Done(k.Partition, k.Row, state, activityId, now))),
                ct);
        }
    }

    public async Task ReleaseAsync(string agency, string recipient, string key, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Ledger, ct);
        var (pk, rk) = Keys(agency, recipient, key);
        await table.DeleteEntityAsync(pk, rk, ETag.All, ct);
    }

    public async Task ReleaseAllAsync(string agency, string recipient, IReadOnlyList<string> keys, CancellationToken ct = default)
    {
        var distinct = keys.Distinct(StringComparer.Ordinal).ToList();
        var table = await tables.GetAsync(CchcTables.Ledger, ct);
        foreach (var chunk in distinct.Chunk(MaxBatch))
        {
            if (chunk.Length > 1)
            {
                try
                {
                    await table.SubmitTransactionAsync(
                        chunk.Select(key => Keys(agency, recipient, key))
                            .Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(k.Partition, k.Row), ETag.All)),
                        ct);
                    continue;
                }
                catch (TableTransactionFailedException e) when (e.Status == 404)
                {
                    // One of them is gone already (the whole transaction is refused then): key by key.
                }
            }

            foreach (var key in chunk)
            {
                await ReleaseAsync(agency, recipient, key, ct);
            }
        }
    }

    public async Task<string?> StateAsync(string agency, string recipient, string key, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Ledger, ct);
        var (pk, rk) = Keys(agency, recipient, key);
        var row = await table.GetEntityIfExistsAsync<SendClaimEntity>(pk, rk, cancellationToken: ct);
        return row.HasValue ? row.Value!.State : null;
    }

    public async Task<bool> TryOncePerWindowAsync(string agency, string recipient, string key, DateTimeOffset now, TimeSpan window, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Ledger, ct);
        var (pk, rk) = Keys(agency, recipient, WindowPrefix + key);
        try
        {
            await table.AddEntityAsync(new SendWindowEntity { PartitionKey = pk, RowKey = rk, State = WindowKind, LastAt = now }, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = await table.GetEntityIfExistsAsync<SendWindowEntity>(pk, rk, cancellationToken: ct);
            if (!existing.HasValue || (existing.Value!.LastAt is { } last && window > TimeSpan.Zero && last + window > now))
            {
                return false;
            }

            try
            {
                var row = existing.Value!;
                row.LastAt = now;
                await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, ct);
                return true;
            }
            catch (RequestFailedException conflict) when (conflict.Status is 409 or 412)
            {
                return false; // Another instance took this window at the same moment.
            }
        }
    }

    private static (string Partition, string Row) Keys(string agency, string recipient, string key) =>
        (TableKeys.Compose(agency, recipient.ToLowerInvariant()), TableKeys.Encode(key));
}

/// <summary>A send claim: State (claimed, sent, undeliverable), ClaimedAt and Owner while claimed; DoneAt and ActivityId once closed.</summary>
internal sealed class SendClaimEntity : StoredRow
{
    public string? State { get; set; }

    public DateTimeOffset? ClaimedAt { get; set; }

    public string? Owner { get; set; }

    public DateTimeOffset? DoneAt { get; set; }

    public string? ActivityId { get; set; }

    public static SendClaimEntity NewClaim(string pk, string rk, string owner, DateTimeOffset now) =>
        new() { PartitionKey = pk, RowKey = rk, State = SendLedger.Claimed, ClaimedAt = now, Owner = owner };

    /// <summary>For a merge: only State, DoneAt and ActivityId are set (null properties are not written), so ClaimedAt and Owner stay.</summary>
    public static SendClaimEntity Done(string pk, string rk, string state, string? activityId, DateTimeOffset now) =>
        new() { PartitionKey = pk, RowKey = rk, State = state, DoneAt = now, ActivityId = activityId };
}

/// <summary>A once-per-window row: State "window" and LastAt, the last time it let a message through.</summary>
internal sealed class SendWindowEntity : StoredRow
{
    public string? State { get; set; }

    public DateTimeOffset? LastAt { get; set; }
}
