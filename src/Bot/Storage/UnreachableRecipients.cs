using Azure;
using Azure.Data.Tables;

namespace CchcBot.Storage;

/// <summary>
/// The recipients Teams will not deliver to (shown to the Chief of Office in the escalation summary and in the digest):
/// set when a send is refused for good, cleared when a send to them succeeds or they write to the bot.
/// </summary>
public interface IUnreachableRecipients
{
    /// <summary>Records that Teams will not deliver to this recipient; the first such time (Since) is kept.</summary>
    Task SetAsync(string agency, string recipient, string reason, DateTimeOffset now, string? why = null, CancellationToken ct = default);

    Task ClearAsync(string agency, string recipient, CancellationToken ct = default);

    Task<IReadOnlyList<UnreachableRecipient>> ListAsync(string agency, CancellationToken ct = default);
}

/// <param name="Reason">The operator's detail (English).</param>
/// <param name="Why">The reason's code (<c>Delivery.UnreachableReason</c>), for the Vietnamese words users see; null for rows stored before it.</param>
public sealed record UnreachableRecipient(string Recipient, string Reason, DateTimeOffset Since, string? Why = null);

/// <summary>
/// Rows of the Ledger table in partition "agency|unreachable" (encoded), row key the encoded recipient in lower case —
/// where they always were, beside the send claims but in a partition of their own, so rows stored before stay listed.
/// </summary>
public sealed class UnreachableRecipients(CchcTables tables) : IUnreachableRecipients
{
    private const string UnreachableKind = "unreachable";

    public async Task SetAsync(string agency, string recipient, string reason, DateTimeOffset now, string? why = null, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Ledger, ct);
        var (pk, rk) = Keys(agency, recipient);
        var existing = await table.GetEntityIfExistsAsync<UnreachableEntity>(pk, rk, cancellationToken: ct);
        await table.UpsertEntityAsync(
            new UnreachableEntity
            {
                PartitionKey = pk,
                RowKey = rk,
                Recipient = recipient,
                Reason = reason,
                Why = why,
                Since = existing.HasValue ? existing.Value!.Since ?? now : now,
            },
            TableUpdateMode.Replace,
            ct);
    }

    public async Task ClearAsync(string agency, string recipient, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Ledger, ct);
        var (pk, rk) = Keys(agency, recipient);
        await table.DeleteEntityAsync(pk, rk, ETag.All, ct);
    }

    public async Task<IReadOnlyList<UnreachableRecipient>> ListAsync(string agency, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Ledger, ct);
        var partition = Partition(agency);
        var result = new List<UnreachableRecipient>();
        await foreach (var row in table.QueryAsync<UnreachableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: ct))
        {
            result.Add(new UnreachableRecipient(row.Recipient ?? TableKeys.Decode(row.RowKey), row.Reason ?? string.Empty, row.Since ?? DateTimeOffset.MinValue, row.Why));
        }

        return result;
    }

    private static string Partition(string agency) => TableKeys.Compose(agency, UnreachableKind);

    private static (string Partition, string Row) Keys(string agency, string recipient) =>
        (Partition(agency), TableKeys.Encode(recipient.ToLowerInvariant()));
}

/// <summary>An unreachable recipient: Recipient (as given), Reason (English detail), Why (the reason's code, absent on old rows), Since.</summary>
internal sealed class UnreachableEntity : StoredRow
{
    public string? Recipient { get; set; }

    public string? Reason { get; set; }

    public string? Why { get; set; }

    public DateTimeOffset? Since { get; set; }
}
