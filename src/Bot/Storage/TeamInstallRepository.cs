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
        var entity = new TableEntity(Partition(install.Agency, install.TenantId), TableKeys.Encode(install.ChannelId))
        {
            ["Agency"] = install.Agency,
            ["TenantId"] = install.TenantId,
            ["TeamId"] = install.TeamId,
            ["TeamName"] = install.TeamName,
            ["ChannelId"] = install.ChannelId,
            ["ChannelName"] = install.ChannelName,
            ["InstalledBy"] = install.InstalledBy,
            ["InstalledByName"] = install.InstalledByName,
            ["InstalledByObjectId"] = install.InstalledByObjectId,
            ["At"] = install.At,
            ["Outcome"] = install.Outcome,
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
        var filter = $"PartitionKey eq '{TableKeys.Escape(partition)}'";
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            result.Add(new TeamInstall(
                row.GetString("Agency"),
                row.GetString("TenantId"),
                row.GetString("TeamId"),
                row.GetString("TeamName"),
                row.GetString("ChannelId"),
                row.GetString("ChannelName"),
                row.GetString("InstalledBy"),
                row.GetString("InstalledByName"),
                row.GetString("InstalledByObjectId"),
                row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
                row.GetString("Outcome")));
        }

        return result.OrderByDescending(i => i.At).ToList();
    }

    private static string Partition(string? agency, string tenantId) =>
        agency is null ? TableKeys.Compose(string.Empty, tenantId, Kind) : TableKeys.Compose(agency, Kind);
}
