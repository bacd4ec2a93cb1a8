using Azure;
using Azure.Data.Tables;

namespace CchcBot.Storage;

/// <summary>Where the bot can reach someone proactively: a personal chat with a user, or a team channel.</summary>
/// <param name="Key">The user's Entra object id, or the channel's conversation id.</param>
/// <param name="ReferenceJson">The Bot Framework ConversationReference, serialised by the Teams layer.</param>
public sealed record StoredConversation(
    ConversationKind Kind,
    string TenantId,
    string Key,
    string ReferenceJson,
    string ServiceUrl,
    bool Active,
    DateTimeOffset UpdatedAt,
    string? TeamId = null,
    string? Name = null);

public enum ConversationKind
{
    Personal,
    Channel,
}

public interface IConversationRepository
{
    Task<StoredConversation?> GetAsync(ConversationKind kind, string tenantId, string key, CancellationToken ct = default);

    Task SaveAsync(StoredConversation conversation, CancellationToken ct = default);

    Task SetActiveAsync(ConversationKind kind, string tenantId, string key, bool active, CancellationToken ct = default);

    /// <summary>The service URL Teams used most recently in this tenant (its region's endpoint), if any.</summary>
    Task<string?> LatestServiceUrlAsync(string tenantId, CancellationToken ct = default);
}

/// <summary>Partition per kind and tenant; row per user object id or channel id.</summary>
public sealed class ConversationRepository(CchcTables tables) : IConversationRepository
{
    public async Task<StoredConversation?> GetAsync(ConversationKind kind, string tenantId, string key, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Conversations, ct);
        var row = await table.GetEntityIfExistsAsync<ConversationEntity>(Partition(kind, tenantId), TableKeys.Encode(key), cancellationToken: ct);
        return row.HasValue ? ToRecord(kind, tenantId, row.Value!) : null;
    }

    public async Task SaveAsync(StoredConversation conversation, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Conversations, ct);
        await table.UpsertEntityAsync(
            new ConversationEntity
            {
                PartitionKey = Partition(conversation.Kind, conversation.TenantId),
                RowKey = TableKeys.Encode(conversation.Key),
                Reference = conversation.ReferenceJson,
                ServiceUrl = conversation.ServiceUrl,
                Active = conversation.Active,
                UpdatedAt = conversation.UpdatedAt,
                TeamId = conversation.TeamId,
                Name = conversation.Name,
            },
            TableUpdateMode.Merge,
            ct);
    }

    public async Task SetActiveAsync(ConversationKind kind, string tenantId, string key, bool active, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Conversations, ct);
        try
        {
            await table.UpdateEntityAsync(
                new ConversationEntity { PartitionKey = Partition(kind, tenantId), RowKey = TableKeys.Encode(key), Active = active },
                ETag.All,
                TableUpdateMode.Merge,
                ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Nothing stored: nothing to mark.
        }
    }

    public async Task<string?> LatestServiceUrlAsync(string tenantId, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Conversations, ct);
        (string? Url, DateTimeOffset At) latest = (null, DateTimeOffset.MinValue);
        foreach (var kind in new[] { ConversationKind.Personal, ConversationKind.Channel })
        {
            var filter = TableFilter.PartitionIs(Partition(kind, tenantId));
            await foreach (var row in table.QueryAsync<ConversationEntity>(filter, select: [nameof(ConversationEntity.ServiceUrl), nameof(ConversationEntity.UpdatedAt)], cancellationToken: ct))
            {
                if (row.UpdatedAt is { } at && at > latest.At)
                {
                    latest = (row.ServiceUrl, at);
                }
            }
        }

        return latest.Url;
    }

    private static string Partition(ConversationKind kind, string tenantId) =>
        TableKeys.Compose(kind == ConversationKind.Personal ? "user" : "channel", tenantId);

    private static StoredConversation ToRecord(ConversationKind kind, string tenantId, ConversationEntity row) => new(
        kind,
        tenantId,
        TableKeys.Decode(row.RowKey),
        row.Reference ?? string.Empty,
        row.ServiceUrl ?? string.Empty,
        row.Active ?? true,
        row.UpdatedAt ?? DateTimeOffset.MinValue,
        row.TeamId,
        row.Name);
}

/// <summary>A conversation row (its property names are the stored format). Unset (null) properties are not written, so a
/// merge of <see cref="Active"/> alone leaves the rest.</summary>
internal sealed class ConversationEntity : StoredRow
{
    public string? Reference { get; set; }

    public string? ServiceUrl { get; set; }

    public bool? Active { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public string? TeamId { get; set; }

    public string? Name { get; set; }
}
