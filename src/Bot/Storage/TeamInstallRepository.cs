using Azure;
using Azure.Data.Tables;

namespace CchcBot.Storage;

/// <summary>What became of an install of the bot in a team.</summary>
public static class TeamInstallOutcome
{
    /// <summary>The Chief of Office installed it and no digest channel was registered: that channel became it.</summary>
    public const string Registered = "registered";

    /// <summary>The Chief of Office installed it; a digest channel was already registered and stays.</summary>
    public const string Kept = "kept";

    /// <summary>Someone else in the directory installed it: the digest channel is unchanged, the Chief of Office is told.</summary>
    public const string Pending = "pending";

    /// <summary>Someone in no directory installed it: nothing to register, no one to tell.</summary>
    public const string Ignored = "ignored";
}

/// <param name="Agency">Null when the installer is in no directory.</param>
public sealed record TeamInstall(
    string? Agency,
    string TenantId,
    string? TeamId,
    string? TeamName,
    string ChannelId,
    string? ChannelName,
    string? InstalledBy,
    string? InstalledByName,
    string? InstalledByObjectId,
    DateTimeOffset At,
    string Outcome);

public interface ITeamInstallRepository
{
    /// <summary>Records an install (one row per agency and channel; a later install of the same channel replaces it).</summary>
    Task RecordAsync(TeamInstall install, CancellationToken ct = default);

    /// <summary>The installs recorded for an agency, newest first.</summary>
    Task<IReadOnlyList<TeamInstall>> ListAsync(string agency, CancellationToken ct = default);

    /// <summary>The installs in a tenant by people in no directory, newest first.</summary>
    Task<IReadOnlyList<TeamInstall>> ListByUnknownInstallersAsync(string tenantId, CancellationToken ct = default);
}

/// <summary>
/// Installs of the bot in teams, in the TeamInstalls table: partition = the agency (for an installer in no directory:
/// "|tenant", which no agency partition can equal), row = the channel id. Installs recorded before this table existed
/// are in the Ledger table (partition "agency|team-installs", or "|tenant|team-installs") and are still listed: per
/// channel the newest install wins, whichever table holds it. Recording an install of a channel removes that channel's
/// Ledger row, so the Ledger keeps only installs never recorded again.
/// </summary>
public sealed class TeamInstallRepository(CchcTables tables) : ITeamInstallRepository
{
    private const string LegacyKind = "team-installs";

    public async Task RecordAsync(TeamInstall install, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.TeamInstalls, ct);
        var entity = new TeamInstallEntity
        {
            PartitionKey = Partition(install.Agency, install.TenantId),
            RowKey = TableKeys.Encode(install.ChannelId),
            Agency = install.Agency,
            TenantId = install.TenantId,
            TeamId = install.TeamId,
            TeamName = install.TeamName,
            ChannelId = install.ChannelId,
            ChannelName = install.ChannelName,
            InstalledBy = install.InstalledBy,
            InstalledByName = install.InstalledByName,
            InstalledByObjectId = install.InstalledByObjectId,
            At = install.At,
            Outcome = install.Outcome,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);

        // Written first, removed after: a failure in between leaves the older Ledger row, which the newer install outranks.
        var ledger = await tables.GetAsync(CchcTables.Ledger, ct);
        try
        {
            await ledger.DeleteEntityAsync(LegacyPartition(install.Agency, install.TenantId), entity.RowKey, ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Never recorded in the Ledger table (or removed already).
        }
    }

    public Task<IReadOnlyList<TeamInstall>> ListAsync(string agency, CancellationToken ct = default) =>
        QueryAsync(agency, string.Empty, ct);

    public Task<IReadOnlyList<TeamInstall>> ListByUnknownInstallersAsync(string tenantId, CancellationToken ct = default) =>
        QueryAsync(null, tenantId, ct);

    private async Task<IReadOnlyList<TeamInstall>> QueryAsync(string? agency, string tenantId, CancellationToken ct)
    {
        var current = await RowsAsync(CchcTables.TeamInstalls, Partition(agency, tenantId), ct);
        var legacy = await RowsAsync(CchcTables.Ledger, LegacyPartition(agency, tenantId), ct);
        var byChannel = new Dictionary<string, TeamInstallEntity>(StringComparer.Ordinal);
        foreach (var row in legacy.Concat(current))
        {
            // The newest install of a channel wins; on equal times the TeamInstalls row (read last).
            if (!byChannel.TryGetValue(row.RowKey, out var other) || (row.At ?? DateTimeOffset.MinValue) >= (other.At ?? DateTimeOffset.MinValue))
            {
                byChannel[row.RowKey] = row;
            }
        }

        return byChannel.Values.Select(row => new TeamInstall(
                row.Agency,
                row.TenantId ?? string.Empty,
                row.TeamId,
                row.TeamName,
                row.ChannelId ?? TableKeys.Decode(row.RowKey),
                row.ChannelName,
                row.InstalledBy,
                row.InstalledByName,
                row.InstalledByObjectId,
                row.At ?? DateTimeOffset.MinValue,
                row.Outcome ?? string.Empty))
            .OrderByDescending(i => i.At)
            .ToList();
    }

    private async Task<List<TeamInstallEntity>> RowsAsync(string tableName, string partition, CancellationToken ct)
    {
        var table = await tables.GetAsync(tableName, ct);
        var rows = new List<TeamInstallEntity>();
        await foreach (var row in table.QueryAsync<TeamInstallEntity>(TableFilter.PartitionIs(partition), cancellationToken: ct))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static string Partition(string? agency, string tenantId) =>
        agency is null ? TableKeys.Compose(string.Empty, tenantId) : TableKeys.Encode(agency);

    /// <summary>The partition an install had in the Ledger table before the TeamInstalls table.</summary>
    private static string LegacyPartition(string? agency, string tenantId) =>
        agency is null ? TableKeys.Compose(string.Empty, tenantId, LegacyKind) : TableKeys.Compose(agency, LegacyKind);
}

/// <summary>An install row of the TeamInstalls table, as of the Ledger table before it (its property names are the stored format).</summary>
internal sealed class TeamInstallEntity : StoredRow
{
    public string? Agency { get; set; }

    public string? TenantId { get; set; }

    public string? TeamId { get; set; }

    public string? TeamName { get; set; }

    public string? ChannelId { get; set; }

    public string? ChannelName { get; set; }

    public string? InstalledBy { get; set; }

    public string? InstalledByName { get; set; }

    public string? InstalledByObjectId { get; set; }

    public DateTimeOffset? At { get; set; }

    public string? Outcome { get; set; }
}
