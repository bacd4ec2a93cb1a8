using Azure;
using Azure.Data.Tables;
using CchcBot.Plan;

namespace CchcBot.Storage;

public interface IDirectoryRepository
{
    Task<AgencyDirectory?> GetAsync(string agency, CancellationToken ct = default);

    /// <summary>Replaces the agency's directory and its people index. Returns false when nothing changed.</summary>
    Task<bool> ReplaceAsync(AgencyDirectory directory, CancellationToken ct = default);

    /// <summary>The agencies whose directory names this UPN/email (head, deputy, Chief of Office, Chief Inspector).</summary>
    Task<IReadOnlyList<string>> AgenciesOfAsync(string upnOrEmail, CancellationToken ct = default);

    /// <summary>How to reach a person proactively, learned when they first talk to the bot (or from Graph).</summary>
    Task<PersonIdentity?> GetIdentityAsync(string agency, string upnOrEmail, CancellationToken ct = default);

    Task RememberIdentityAsync(string agency, string upnOrEmail, PersonIdentity identity, CancellationToken ct = default);

    /// <summary>The channel registered for the agency's weekly digest: (tenant id, channel id), or null.</summary>
    Task<(string TenantId, string ChannelId)?> GetDigestChannelAsync(string agency, CancellationToken ct = default);

    Task SetDigestChannelAsync(string agency, string tenantId, string channelId, CancellationToken ct = default);
}

/// <summary>A person's Microsoft Entra object id and tenant, and the Teams user id ("29:…") when known.</summary>
public sealed record PersonIdentity(string ObjectId, string TenantId, string? TeamsUserId, string? Name);

/// <summary>
/// One row per agency holds the whole directory as JSON (a directory is tens of departments, far below the 64 KB
/// property limit); a People table maps each person's UPN to their agencies so a Teams user is found in one read.
/// </summary>
public sealed class DirectoryRepository(CchcTables tables) : IDirectoryRepository
{
    private const string DirectoryRow = "directory";
    private const string DigestChannelRow = "digest-channel";
    private const int MaxJsonChars = 30_000;

    public async Task<AgencyDirectory?> GetAsync(string agency, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Directory, ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(agency), DirectoryRow, cancellationToken: ct);
        return row.HasValue ? StoredJson.Deserialize<AgencyDirectory>(row.Value!.GetString("Json")) : null;
    }

    public async Task<bool> ReplaceAsync(AgencyDirectory directory, CancellationToken ct = default)
    {
        var json = StoredJson.Serialize(directory);
        if (json.Length > MaxJsonChars)
        {
            throw new InvalidDataException($"The directory of '{directory.Agency}' is too large to store ({json.Length} characters, at most {MaxJsonChars}).");
        }

        var old = await GetAsync(directory.Agency, ct);
        if (old is not null && StoredJson.Serialize(old) == json)
        {
            return false;
        }

        var people = await tables.GetAsync(CchcTables.People, ct);
        var agencyKey = TableKeys.Encode(directory.Agency);
        var newPeople = PeopleOf(directory);
        foreach (var upn in newPeople)
        {
            // Merge keeps the identity learned earlier (object id, tenant) of people who stay in the directory.
            await people.UpsertEntityAsync(new TableEntity(PersonKey(upn), agencyKey), TableUpdateMode.Merge, ct);
        }

        var table = await tables.GetAsync(CchcTables.Directory, ct);
        await table.UpsertEntityAsync(
            new TableEntity(agencyKey, DirectoryRow) { ["Json"] = json },
            TableUpdateMode.Replace,
            ct);

        // Stale index rows are removed last: a crash before this leaves an extra row, which only makes a former
        // member resolvable to an agency whose directory no longer names them (they then get the "unknown" answer).
        if (old is not null)
        {
            foreach (var upn in PeopleOf(old).Except(newPeople, StringComparer.OrdinalIgnoreCase))
            {
                await people.DeleteEntityAsync(PersonKey(upn), agencyKey, ETag.All, ct);
            }
        }

        return true;
    }

    public async Task<IReadOnlyList<string>> AgenciesOfAsync(string upnOrEmail, CancellationToken ct = default)
    {
        var people = await tables.GetAsync(CchcTables.People, ct);
        var result = new List<string>();
        await foreach (var row in people.QueryAsync<TableEntity>(
            $"PartitionKey eq '{TableKeys.Escape(PersonKey(upnOrEmail))}'", select: ["RowKey"], cancellationToken: ct))
        {
            result.Add(TableKeys.Decode(row.RowKey));
        }

        return result;
    }

    public async Task<PersonIdentity?> GetIdentityAsync(string agency, string upnOrEmail, CancellationToken ct = default)
    {
        var people = await tables.GetAsync(CchcTables.People, ct);
        var row = await people.GetEntityIfExistsAsync<TableEntity>(PersonKey(upnOrEmail), TableKeys.Encode(agency), cancellationToken: ct);
        if (!row.HasValue || string.IsNullOrEmpty(row.Value!.GetString("ObjectId")))
        {
            return null;
        }

        var r = row.Value!;
        return new PersonIdentity(r.GetString("ObjectId"), r.GetString("TenantId"), r.GetString("TeamsUserId"), r.GetString("Name"));
    }

    public async Task RememberIdentityAsync(string agency, string upnOrEmail, PersonIdentity identity, CancellationToken ct = default)
    {
        var people = await tables.GetAsync(CchcTables.People, ct);
        await people.UpsertEntityAsync(
            new TableEntity(PersonKey(upnOrEmail), TableKeys.Encode(agency))
            {
                ["ObjectId"] = identity.ObjectId,
                ["TenantId"] = identity.TenantId,
                ["TeamsUserId"] = identity.TeamsUserId,
                ["Name"] = identity.Name,
            },
            TableUpdateMode.Merge,
            ct);
    }

    public async Task<(string TenantId, string ChannelId)?> GetDigestChannelAsync(string agency, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Directory, ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(agency), DigestChannelRow, cancellationToken: ct);
        return row.HasValue ? (row.Value!.GetString("TenantId"), row.Value!.GetString("ChannelId")) : null;
    }

    public async Task SetDigestChannelAsync(string agency, string tenantId, string channelId, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Directory, ct);
        await table.UpsertEntityAsync(
            new TableEntity(TableKeys.Encode(agency), DigestChannelRow) { ["TenantId"] = tenantId, ["ChannelId"] = channelId },
            TableUpdateMode.Replace,
            ct);
    }

    private static string PersonKey(string upn) => TableKeys.Encode(upn.Trim().ToLowerInvariant());

    private static HashSet<string> PeopleOf(AgencyDirectory d)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { d.ChiefOfOffice.Trim(), d.ChiefInspector.Trim() };
        foreach (var dept in d.Departments)
        {
            set.Add(dept.Head.Trim());
            foreach (var deputy in dept.Deputies)
            {
                set.Add(deputy.Trim());
            }
        }

        set.RemoveWhere(string.IsNullOrWhiteSpace);
        return set;
    }
}
