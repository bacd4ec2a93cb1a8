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
/// Installs of the bot in teams, in the Ledger table: partition "agency|team-installs" (for an installer in no
/// directory: "|tenant|team-installs", which no agency partition can equal), row = the channel id.
/// </summary>
public sealed class TeamInstallRepository(CchcTables tables) : ITeamInstallRepository
{
    private const string Kind = "team-installs";

    public async Task RecordAsync(TeamInstall install, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Ledger, ct);
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
    }

    public Task<IReadOnlyList<TeamInstall>> ListAsync(string agency, CancellationToken ct = default) =>
        QueryAsync(Partition(agency, string.Empty), ct);

    public Task<IReadOnlyList<TeamInstall>> ListByUnknownInstallersAsync(string tenantId, CancellationToken ct = default) =>
        QueryAsync(Partition(null, tenantId), ct);

    private async Task<IReadOnlyList<TeamInstall>> QueryAsync(string partition, CancellationToken ct)
    {
        var table = await tables.GetAsync(CchcTables.Ledger, ct);
        var result = new List<TeamInstall>();
        var filter = TableFilter.PartitionIs(partition);
        await foreach (var row in table.QueryAsync<TeamInstallEntity>(filter, cancellationToken: ct))
        {
            result.Add(new TeamInstall(
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
                row.Outcome ?? string.Empty));
        }

        return result.OrderByDescending(i => i.At).ToList();
    }

    private static string Partition(string? agency, string tenantId) =>
        agency is null ? TableKeys.Compose(string.Empty, tenantId, Kind) : TableKeys.Compose(agency, Kind);
}

/// <summary>An install row of the Ledger table (its property names are the stored format).</summary>
internal sealed class TeamInstallEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public Azure.ETag ETag { get; set; }

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
