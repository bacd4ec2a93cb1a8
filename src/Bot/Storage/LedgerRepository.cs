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
/// </summary>
public interface ILedgerRepository
{
    Task<ClaimOutcome> TryClaimAsync(string agency, string recipient, string key, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default);

    /// <summary>Closes the entry: <see cref="LedgerRepository.Sent"/>, or <see cref="LedgerRepository.Undeliverable"/> when
    /// Teams refused for good (retrying the same slot would not help; the recipient is listed as unreachable).</summary>
    Task MarkDoneAsync(string agency, string recipient, string key, string state, string? activityId, DateTimeOffset now, CancellationToken ct = default);

    /// <summary>Gives a claim back after a failed send, so a later sweep tries again.</summary>
    Task ReleaseAsync(string agency, string recipient, string key, CancellationToken ct = default);

    Task<string?> StateAsync(string agency, string recipient, string key, CancellationToken ct = default);

    /// <summary>Records that Teams will not deliver to this recipient (shown to the Chief of Office and in the digest).</summary>
    Task SetUnreachableAsync(string agency, string recipient, string reason, DateTimeOffset now, string? why = null, CancellationToken ct = default);

    Task ClearUnreachableAsync(string agency, string recipient, CancellationToken ct = default);

    Task<IReadOnlyList<UnreachableRecipient>> UnreachableAsync(string agency, CancellationToken ct = default);

    /// <summary>
    /// At most once per <paramref name="window"/> for (agency, recipient, key), across instances: true (and
    /// <paramref name="now"/> recorded, ETag-guarded) when nothing was recorded for the key within the window before
    /// <paramref name="now"/>; false otherwise. A zero window records the time and answers true unless another caller
    /// recorded it at the same moment.
    /// </summary>
    Task<bool> TryOncePerWindowAsync(string agency, string recipient, string key, DateTimeOffset now, TimeSpan window, CancellationToken ct = default);
}

/// <param name="Reason">The operator's detail (English).</param>
/// <param name="Why">The reason's code (<c>Delivery.UnreachableReason</c>), for the Vietnamese words users see; null for rows stored before it.</param>
public sealed record UnreachableRecipient(string Recipient, string Reason, DateTimeOffset Since, string? Why = null);

public sealed class LedgerRepository(CchcTables tables) : ILedgerRepository
{
    public const string Claimed = "claimed";
    public const string Sent = "sent";
    public const string Undeliverable = "undeliverable";
    private const string UnreachableKind = "unreachable";
    private const string WindowKind = "window";
    private const string WindowPrefix = "window|";

    public async Task<ClaimOutcome> TryClaimAsync(string agency, string recipient, string key, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Ledger, ct);
        var (pk, rk) = Keys(agency, recipient, key);
        try
        {
            await table.AddEntityAsync(new TableEntity(pk, rk) { ["State"] = Claimed, ["ClaimedAt"] = now, ["Owner"] = owner }, ct);
            return ClaimOutcome.Claimed;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(pk, rk, cancellationToken: ct);
            if (!existing.HasValue)
            {
                return ClaimOutcome.HeldByOther; // Released between our insert and read: the next sweep retries.
            }

            var row = existing.Value!;
            if (row.GetString("State") != Claimed)
            {
                return ClaimOutcome.AlreadySent;
            }

            if (row.GetDateTimeOffset("ClaimedAt") is { } at && at + lease > now)
            {
                return ClaimOutcome.HeldByOther;
            }

            try
            {
                row["ClaimedAt"] = now;
                row["Owner"] = owner;
                row["State"] = Claimed;
                await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, ct);
                return ClaimOutcome.Claimed;
            }
            catch (RequestFailedException conflict) when (conflict.Status is 409 or 412)
            {
                return ClaimOutcome.HeldByOther;
            }
        }
    }

    public async Task MarkDoneAsync(string agency, string recipient, string key, string state, string? activityId, DateTimeOffset now, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Ledger, ct);
        var (pk, rk) = Keys(agency, recipient, key);
        await table.UpsertEntityAsync(new TableEntity(pk, rk) { ["State"] = state, ["DoneAt"] = now, ["ActivityId"] = activityId }, TableUpdateMode.Merge, ct);
    }

    public async Task ReleaseAsync(string agency, string recipient, string key, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Ledger, ct);
        var (pk, rk) = Keys(agency, recipient, key);
        await table.DeleteEntityAsync(pk, rk, ETag.All, ct);
    }

    public async Task<string?> StateAsync(string agency, string recipient, string key, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Ledger, ct);
        var (pk, rk) = Keys(agency, recipient, key);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(pk, rk, cancellationToken: ct);
        return row.HasValue ? row.Value!.GetString("State") : null;
    }

    public async Task SetUnreachableAsync(string agency, string recipient, string reason, DateTimeOffset now, string? why = null, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Ledger, ct);
        var pk = TableKeys.Compose(agency, UnreachableKind);
        var rk = TableKeys.Encode(recipient.ToLowerInvariant());
        var existing = await table.GetEntityIfExistsAsync<TableEntity>(pk, rk, cancellationToken: ct);
        await table.UpsertEntityAsync(
            new TableEntity(pk, rk)
            {
                ["Recipient"] = recipient,
                ["Reason"] = reason,
                ["Why"] = why,
                ["Since"] = existing.HasValue ? existing.Value!.GetDateTimeOffset("Since") ?? now : now,
            },
            TableUpdateMode.Replace,
            ct);
    }

    public async Task ClearUnreachableAsync(string agency, string recipient, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Ledger, ct);
        await table.DeleteEntityAsync(TableKeys.Compose(agency, UnreachableKind), TableKeys.Encode(recipient.ToLowerInvariant()), ETag.All, ct);
    }

    public async Task<IReadOnlyList<UnreachableRecipient>> UnreachableAsync(string agency, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Ledger, ct);
        var result = new List<UnreachableRecipient>();
        await foreach (var row in table.QueryAsync<TableEntity>($"PartitionKey eq '{TableKeys.Escape(TableKeys.Compose(agency, UnreachableKind))}'", cancellationToken: ct))
        {
            result.Add(new UnreachableRecipient(row.GetString("Recipient"), row.GetString("Reason"), row.GetDateTimeOffset("Since") ?? DateTimeOffset.MinValue, row.GetString("Why")));
        }

        return result;
    }

    public async Task<bool> TryOncePerWindowAsync(string agency, string recipient, string key, DateTimeOffset now, TimeSpan window, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Ledger, ct);
        var (pk, rk) = Keys(agency, recipient, WindowPrefix + key);
        try
        {
            await table.AddEntityAsync(new TableEntity(pk, rk) { ["State"] = WindowKind, ["LastAt"] = now }, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(pk, rk, cancellationToken: ct);
            if (!existing.HasValue || (existing.Value!.GetDateTimeOffset("LastAt") is { } last && window > TimeSpan.Zero && last + window > now))
            {
                return false;
            }

            try
            {
                var row = existing.Value!;
                row["LastAt"] = now;
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
