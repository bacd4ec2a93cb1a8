using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CchcBot.Plan;

namespace CchcBot.Storage;

public interface IDirectoryRepository
{
    Task<AgencyDirectory?> GetAsync(string agency, CancellationToken ct = default);

    /// <summary>Replaces the agency's directory and its people index. Returns false when nothing changed. Refuses
    /// (<see cref="PersonInOtherAgencyException"/>) a directory naming someone who is in another agency's directory.</summary>
    Task<bool> ReplaceAsync(AgencyDirectory directory, CancellationToken ct = default);

    /// <param name="movePeople">Instead of refusing, takes the people named by another agency's directory out of that
    /// agency's people index: from then on they are recognised as members of this agency only.</param>
    Task<DirectoryReplaceResult> ReplaceAsync(AgencyDirectory directory, bool movePeople, CancellationToken ct = default);

    /// <param name="expected">The directory the change was made to (an edit from Teams): when another change was stored
    /// since, nothing is written and <see cref="InvalidOperationException"/> says to try again (no lost update).</param>
    Task<DirectoryReplaceResult> ReplaceAsync(AgencyDirectory directory, bool movePeople, AgencyDirectory? expected, CancellationToken ct = default);

    /// <summary>The agencies whose directory names this UPN/email (head, deputy, staff, Chief of Office, Chief Inspector).</summary>
    Task<IReadOnlyList<string>> AgenciesOfAsync(string upnOrEmail, CancellationToken ct = default);

    /// <summary>How to reach a person proactively, learned when they first talk to the bot (or from Graph).</summary>
    Task<PersonIdentity?> GetIdentityAsync(string agency, string upnOrEmail, CancellationToken ct = default);

    /// <summary>Stores the identity of a person in the agency's people index (nothing when the index does not list them).</summary>
    Task RememberIdentityAsync(string agency, string upnOrEmail, PersonIdentity identity, CancellationToken ct = default);

    /// <summary>The channel registered for the agency's weekly digest: (tenant id, channel id), or null.</summary>
    Task<(string TenantId, string ChannelId)?> GetDigestChannelAsync(string agency, CancellationToken ct = default);

    Task SetDigestChannelAsync(string agency, string tenantId, string channelId, CancellationToken ct = default);
}

/// <summary>A person's Microsoft Entra object id and tenant, and the Teams user id ("29:…") when known.</summary>
public sealed record PersonIdentity(string ObjectId, string TenantId, string? TeamsUserId, string? Name);

/// <param name="Moved">The people taken out of another agency's people index (--move-people).</param>
public sealed record DirectoryReplaceResult(bool Changed, IReadOnlyList<PersonConflict> Moved);

/// <summary>A person the new directory names who is already in <paramref name="OtherAgency"/>'s directory.</summary>
/// <param name="Person">The address as the new directory writes it.</param>
/// <param name="OtherAddress">The address the other directory names (differs when they matched by object id).</param>
public sealed record PersonConflict(string Person, string OtherAgency, string OtherAddress)
{
    public override string ToString() =>
        string.Equals(Person, OtherAddress, StringComparison.OrdinalIgnoreCase)
            ? $"{Person} is in the directory of '{OtherAgency}'"
            : $"{Person} is in the directory of '{OtherAgency}' as {OtherAddress} (same Microsoft Entra object id)";
}

/// <summary>A person may be in one agency's directory only.</summary>
public sealed class PersonInOtherAgencyException(string agency, IReadOnlyList<PersonConflict> conflicts)
    : Exception($"The directory of '{agency}' names people who are in another agency's directory (a person may be in one agency's directory only): " +
        string.Join("; ", conflicts) + ".")
{
    public string Agency { get; } = agency;

    public IReadOnlyList<PersonConflict> Conflicts { get; } = conflicts;
}

/// <summary>
/// Directory table, one partition per agency: a head row ("directory": the Chief of Office, the Chief Inspector, the
/// current version, a content hash) and one row per department of that version ("directory|version|0001"), so any
/// directory the file limits allow fits (a table property holds at most 64 KiB). A replacement writes the new
/// version's rows, switches the head to it (ETag-guarded, in one transaction with the version's registry row), and
/// only then deletes the old rows: readers see the whole old or the whole new directory. A head written before
/// versions existed holds the whole directory as JSON ("Json") and is read as it is.
/// The People table maps each person's UPN/email to their agency (one agency per person) and holds the identity
/// learned for them.
/// </summary>
public sealed class DirectoryRepository(CchcTables tables, TimeProvider? time = null) : IDirectoryRepository
{
    private const string DirectoryRow = "directory";
    private const string DepartmentRowPrefix = "directory|";
    private const string VersionRowPrefix = "version|";
    private const string DigestChannelRow = "digest-channel";

    private readonly ConcurrentDictionary<string, (string Hash, AgencyDirectory Directory)> _lastRead = new(StringComparer.Ordinal);

    public async Task<AgencyDirectory?> GetAsync(string agency, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Directory, ct);
        for (var attempt = 1; ; attempt++)
        {
            var head = await table.GetChunkedIfExistsAsync<DirectoryHeadEntity>(TableKeys.Encode(agency), DirectoryRow, ct);
            if (head is null)
            {
                return null;
            }

            if (head.Json is { } whole)
            {
                return StoredJson.Deserialize<AgencyDirectory>(whole); // the layout before versions
            }

            var hash = head.Hash;
            if (hash is not null && _lastRead.TryGetValue(agency, out var last) && last.Hash == hash)
            {
                return last.Directory;
            }

            var departments = new List<Department>();
            var prefix = DepartmentRowPrefix + head.Version + TableKeys.Separator;
            await foreach (var row in table.QueryChunkedAsync<DepartmentRowEntity>(
                TableFilter.And(TableFilter.PartitionIs(head.PartitionKey), TableFilter.RowStartsWith(prefix)), ct))
            {
                departments.Add(StoredJson.Deserialize<Department>(row.Json ?? throw new InvalidDataException($"A stored row ({row.PartitionKey}, {row.RowKey}) has no Json.")));
            }

            if (departments.Count != head.DepartmentCount && attempt < 3)
            {
                continue; // Replaced (and the old rows removed) while we read: read the new head.
            }

            var directory = new AgencyDirectory(agency, departments, head.ChiefOfOffice ?? string.Empty, head.ChiefInspector ?? string.Empty)
            {
                Letterhead = head.Letterhead is { } letterhead ? StoredJson.Deserialize<DirectoryLetterhead>(letterhead) : null,

                Groups = head.Groups is { } groups ? StoredJson.Deserialize<List<UnitGroup>>(groups) : [],
            };
            if (hash is not null)
            {
                _lastRead[agency] = (hash, directory);
            }

            return directory;
        }
    }

    public async Task<bool> ReplaceAsync(AgencyDirectory directory, CancellationToken ct = default) =>
        (await ReplaceAsync(directory, movePeople: false, ct)).Changed;

    public Task<DirectoryReplaceResult> ReplaceAsync(AgencyDirectory directory, bool movePeople, CancellationToken ct = default) =>
        ReplaceAsync(directory, movePeople, expected: null, ct);

    public async Task<DirectoryReplaceResult> ReplaceAsync(AgencyDirectory directory, bool movePeople, AgencyDirectory? expected, CancellationToken ct = default)
    {
        var agencyKey = TableKeys.Encode(directory.Agency);
        var newPeople = PeopleOf(directory);
        var people = await tables.GetAsync(CchcTables.People, ct);

        // One person, one agency: checked (and, with movePeople, resolved) before anything is written.
        var (conflicts, stale) = await FindConflictsAsync(directory.Agency, newPeople, ct);
        if (conflicts.Count > 0 && !movePeople)
        {
            throw new PersonInOtherAgencyException(directory.Agency, conflicts);
        }

        foreach (var (personKey, otherAgencyKey) in stale.Concat(conflicts.Select(c => (PersonKey(c.OtherAddress), TableKeys.Encode(c.OtherAgency)))))
        {
            await DeleteIfExistsAsync(people, personKey, otherAgencyKey, ct);
        }

        var json = StoredJson.Serialize(directory);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        var table = await tables.GetAsync(CchcTables.Directory, ct);
        var head = await table.GetChunkedIfExistsAsync<DirectoryHeadEntity>(agencyKey, DirectoryRow, ct);
        var old = await GetAsync(directory.Agency, ct);
        if (expected is not null && (old is null || StoredJson.Serialize(old) != StoredJson.Serialize(expected)))
        {
            // The head read above guards the commit (ETag): a change stored after this check fails it too.
            throw new InvalidOperationException($"The directory of '{directory.Agency}' was changed meanwhile; make the change again.");
        }

        if (old is not null && (head?.Hash == hash || StoredJson.Serialize(old) == json))
        {
            await UpsertPeopleAsync(people, agencyKey, newPeople, ct); // a person moved away and back is indexed again
            return new DirectoryReplaceResult(false, conflicts);
        }

        // Merge keeps the identity learned earlier (object id, tenant) of people who stay in the directory.
        await UpsertPeopleAsync(people, agencyKey, newPeople, ct);

        var version = "v" + Guid.NewGuid().ToString("N")[..16];
        var registered = await table.AddEntityAsync(new DirectoryVersionEntity { PartitionKey = agencyKey, RowKey = VersionRowPrefix + version, State = "Writing" }, ct);
        var rows = directory.Departments.Select((d, i) => new TableTransactionAction(
            TableTransactionActionType.UpsertReplace,
            ChunkedEntities.ToRow(new DepartmentRowEntity { PartitionKey = agencyKey, RowKey = $"{DepartmentRowPrefix}{version}{TableKeys.Separator}{i:D4}", Json = StoredJson.Serialize(d) })))
            .ToList();
        foreach (var batch in rows.Chunk(50))
        {
            await table.SubmitTransactionAsync(batch, ct);
        }

        var newHead = ChunkedEntities.ToRow(new DirectoryHeadEntity
        {
            PartitionKey = agencyKey,
            RowKey = DirectoryRow,
            Version = version,
            Hash = hash,
            ChiefOfOffice = directory.ChiefOfOffice,
            ChiefInspector = directory.ChiefInspector,
            DepartmentCount = directory.Departments.Count,
            Letterhead = directory.Letterhead is null ? null : StoredJson.Serialize(directory.Letterhead),
            Groups = directory.Groups.Count > 0 ? StoredJson.Serialize(directory.Groups) : null,
        });

        try
        {
            await table.SubmitTransactionAsync(
                [
                    head is null
                        ? new TableTransactionAction(TableTransactionActionType.Add, newHead)
                        : new TableTransactionAction(TableTransactionActionType.UpdateReplace, newHead, head.ETag),
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace,
                        new DirectoryVersionEntity { PartitionKey = agencyKey, RowKey = VersionRowPrefix + version, State = "Committed" }, registered.Headers.ETag ?? ETag.All),
                ],
                ct);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
        {
            try
            {
                await DeleteRowsAsync(table, agencyKey, version, ct);
            }
            catch (RequestFailedException)
            {
                // The next load removes them.
            }

            throw new InvalidOperationException($"Another load of the directory of '{directory.Agency}' finished while this one was writing; run it again.", e);
        }

        await CleanUpAsync(table, agencyKey, version, ct);

        // Stale index rows are removed last: a crash before this leaves an extra row, which only makes a former
        // member resolvable to an agency whose directory no longer names them (they then get the "unknown" answer).
        if (old is not null)
        {
            foreach (var upn in PeopleOf(old).Except(newPeople, StringComparer.OrdinalIgnoreCase))
            {
                await DeleteIfExistsAsync(people, PersonKey(upn), agencyKey, ct);
            }
        }

        return new DirectoryReplaceResult(true, conflicts);
    }

    public async Task<IReadOnlyList<string>> AgenciesOfAsync(string upnOrEmail, CancellationToken ct = default)
    {
        var people = await tables.GetAsync(CchcTables.People, ct);
        var result = new List<string>();
        await foreach (var row in people.QueryAsync<RowKeysEntity>(
            TableFilter.PartitionIs(PersonKey(upnOrEmail)), select: [nameof(ITableEntity.RowKey)], cancellationToken: ct))
        {
            result.Add(TableKeys.Decode(row.RowKey));
        }

        return result;
    }

    public async Task<PersonIdentity?> GetIdentityAsync(string agency, string upnOrEmail, CancellationToken ct = default)
    {
        var people = await tables.GetAsync(CchcTables.People, ct);
        var row = await people.GetEntityIfExistsAsync<PersonEntity>(PersonKey(upnOrEmail), TableKeys.Encode(agency), cancellationToken: ct);
        if (!row.HasValue || row.Value!.ObjectId is not { Length: > 0 } objectId)
        {
            return null;
        }

        var r = row.Value!;
        return new PersonIdentity(objectId, r.TenantId ?? string.Empty, r.TeamsUserId, r.Name);
    }

    public async Task RememberIdentityAsync(string agency, string upnOrEmail, PersonIdentity identity, CancellationToken ct = default)
    {
        var people = await tables.GetAsync(CchcTables.People, ct);
        try
        {
            // An update, never an insert: a person moved to another agency (--move-people) must not come back here.
            await people.UpdateEntityAsync(
                new PersonEntity
                {
                    PartitionKey = PersonKey(upnOrEmail),
                    RowKey = TableKeys.Encode(agency),
                    ObjectId = identity.ObjectId,
                    TenantId = identity.TenantId,
                    TeamsUserId = identity.TeamsUserId,
                    Name = identity.Name,
                },
                ETag.All,
                TableUpdateMode.Merge,
                ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Not (or no longer) in this agency's people index.
        }
    }

    public async Task<(string TenantId, string ChannelId)?> GetDigestChannelAsync(string agency, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Directory, ct);
        var row = await table.GetEntityIfExistsAsync<DigestChannelEntity>(TableKeys.Encode(agency), DigestChannelRow, cancellationToken: ct);
        return row.HasValue ? (row.Value!.TenantId ?? string.Empty, row.Value!.ChannelId ?? string.Empty) : null;
    }

    public async Task SetDigestChannelAsync(string agency, string tenantId, string channelId, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Directory, ct);
        await table.UpsertEntityAsync(
            new DigestChannelEntity { PartitionKey = TableKeys.Encode(agency), RowKey = DigestChannelRow, TenantId = tenantId, ChannelId = channelId },
            TableUpdateMode.Replace,
            ct);
    }

    /// <summary>
    /// The people of <paramref name="people"/> that another agency's directory names: by UPN/email, or by the object
    /// id learned for them (in this agency's index) when another agency's index row has the same one. Index rows of
    /// other agencies whose directory no longer names the person are returned as stale.
    /// </summary>
    private async Task<(List<PersonConflict> Conflicts, List<(string PersonKey, string AgencyKey)> Stale)> FindConflictsAsync(
        string agency, HashSet<string> people, CancellationToken ct)
    {
        var agencyKey = TableKeys.Encode(agency);
        var byKey = people.ToDictionary(PersonKey, p => p, StringComparer.Ordinal);
        var table = await tables.GetAsync(CchcTables.People, ct);
        var rows = new List<(string PersonKey, string AgencyKey, string? ObjectId)>();
        await foreach (var row in table.QueryAsync<PersonEntity>(select: [nameof(PersonEntity.PartitionKey), nameof(PersonEntity.RowKey), nameof(PersonEntity.ObjectId)], cancellationToken: ct))
        {
            rows.Add((row.PartitionKey, row.RowKey, row.ObjectId));
        }

        var ownObjectIds = rows.Where(r => r.AgencyKey == agencyKey && byKey.ContainsKey(r.PersonKey) && !string.IsNullOrEmpty(r.ObjectId))
            .GroupBy(r => r.ObjectId!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => byKey[g.First().PersonKey], StringComparer.OrdinalIgnoreCase);
        var conflicts = new List<PersonConflict>();
        var stale = new List<(string, string)>();
        var directories = new Dictionary<string, AgencyDirectory?>(StringComparer.Ordinal);
        foreach (var (personKey, otherKey, objectId) in rows.Where(r => r.AgencyKey != agencyKey))
        {
            var person = byKey.GetValueOrDefault(personKey) ?? (objectId is not null ? ownObjectIds.GetValueOrDefault(objectId) : null);
            if (person is null)
            {
                continue;
            }

            var other = TableKeys.Decode(otherKey);
            if (!directories.TryGetValue(other, out var otherDirectory))
            {
                directories[other] = otherDirectory = await GetAsync(other, ct);
            }

            var address = TableKeys.Decode(personKey);
            if (otherDirectory is not null && PeopleOf(otherDirectory).Contains(address))
            {
                conflicts.Add(new PersonConflict(person, other, address));
            }
            else if (byKey.ContainsKey(personKey))
            {
                stale.Add((personKey, otherKey));
            }
        }

        return (conflicts, stale);
    }

    private static async Task UpsertPeopleAsync(TableClient people, string agencyKey, HashSet<string> persons, CancellationToken ct) =>
        await Parallel.ForEachAsync(persons, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (upn, token) =>
            await people.UpsertEntityAsync(RowKeysEntity.Of(PersonKey(upn), agencyKey), TableUpdateMode.Merge, token));

    private static async Task DeleteIfExistsAsync(TableClient table, string partitionKey, string rowKey, CancellationToken ct)
    {
        try
        {
            await table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    /// <summary>Removes the department rows of every version but <paramref name="current"/>. A registry row is marked
    /// abandoned first (ETag-guarded) and kept for <see cref="PlanRepository.AbandonedRetention"/>, so rows a slow load
    /// writes after that are removed by the next clean-up too.</summary>
    private async Task CleanUpAsync(TableClient table, string agencyKey, string current, CancellationToken ct)
    {
        var registry = new List<DirectoryVersionEntity>();
        await foreach (var row in table.QueryAsync<DirectoryVersionEntity>(
            TableFilter.And(TableFilter.PartitionIs(agencyKey), TableFilter.RowStartsWith(VersionRowPrefix)), cancellationToken: ct))
        {
            registry.Add(row);
        }

        foreach (var row in registry.Where(r => r.RowKey != VersionRowPrefix + current))
        {
            var abandonedAt = row.Timestamp ?? DateTimeOffset.MinValue;
            if (row.State != "Abandoned")
            {
                try
                {
                    await table.UpdateEntityAsync(new DirectoryVersionEntity { PartitionKey = agencyKey, RowKey = row.RowKey, State = "Abandoned" }, row.ETag, TableUpdateMode.Replace, ct);
                    abandonedAt = (time ?? TimeProvider.System).GetUtcNow();
                }
                catch (RequestFailedException e) when (e.Status is 404 or 412)
                {
                    continue;
                }
            }

            await DeleteRowsAsync(table, agencyKey, row.RowKey[VersionRowPrefix.Length..], ct);
            if ((time ?? TimeProvider.System).GetUtcNow() - abandonedAt > PlanRepository.AbandonedRetention)
            {
                await DeleteIfExistsAsync(table, agencyKey, row.RowKey, ct);
            }
        }
    }

    private static async Task DeleteRowsAsync(TableClient table, string agencyKey, string version, CancellationToken ct)
    {
        var prefix = DepartmentRowPrefix + version + TableKeys.Separator;
        var deletes = new List<TableTransactionAction>();
        await foreach (var old in table.QueryAsync<RowKeysEntity>(
            TableFilter.And(TableFilter.PartitionIs(agencyKey), TableFilter.RowStartsWith(prefix)), select: [nameof(ITableEntity.PartitionKey), nameof(ITableEntity.RowKey)], cancellationToken: ct))
        {
            deletes.Add(new TableTransactionAction(TableTransactionActionType.Delete, RowKeysEntity.Of(old.PartitionKey, old.RowKey), ETag.All));
        }

        foreach (var batch in deletes.Chunk(100))
        {
            await table.SubmitTransactionAsync(batch, ct);
        }
    }

    private static string PersonKey(string upn) => TableKeys.Encode(upn.Trim().ToLowerInvariant());

    /// <summary>Everyone the directory names (lower-case compare): heads, deputies, staff, the Chief of Office and the Chief Inspector.</summary>
    public static HashSet<string> PeopleOf(AgencyDirectory d)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { d.ChiefOfOffice.Trim(), d.ChiefInspector.Trim() };
        foreach (var dept in d.Departments)
        {
            set.Add(dept.Head.Trim());
            foreach (var deputy in dept.Deputies)
            {
                set.Add(deputy.Trim());
            }

            foreach (var member in dept.Staff)
            {
                set.Add(member.Trim());
            }
        }

        set.RemoveWhere(string.IsNullOrWhiteSpace);
        return set;
    }
}

/// <summary>An agency's directory head in the Directory table ("directory"). Its property names are the stored format;
/// the groups are chunked text (<see cref="ChunkedEntities"/>). A head stored before versions existed holds the whole
/// directory in Json (chunked) and nothing else.</summary>
internal sealed class DirectoryHeadEntity : StoredRow
{
    public string? Version { get; set; }

    public string? Hash { get; set; }

    public string? ChiefOfOffice { get; set; }

    public string? ChiefInspector { get; set; }

    public int? DepartmentCount { get; set; }

    /// <summary>The letterhead as JSON (one column).</summary>
    public string? Letterhead { get; set; }

    /// <summary>The unit groups as JSON; none stored when there are none.</summary>
    [Chunked]
    public string? Groups { get; set; }

    /// <summary>The whole directory as JSON: only in a head stored before versions existed.</summary>
    [Chunked]
    public string? Json { get; set; }
}

/// <summary>One department of a directory version ("directory|v…|0001"): the department as JSON (chunked text).</summary>
internal sealed class DepartmentRowEntity : StoredRow
{
    [Chunked]
    public string? Json { get; set; }
}

/// <summary>A directory version's registry row ("version|v…"): Writing, Committed or Abandoned.</summary>
internal sealed class DirectoryVersionEntity : StoredRow
{
    public string? State { get; set; }
}

/// <summary>A person in the People table (partition = UPN/email, row = agency): the identity learned for them, if any.</summary>
internal sealed class PersonEntity : StoredRow
{
    public string? ObjectId { get; set; }

    public string? TenantId { get; set; }

    public string? TeamsUserId { get; set; }

    public string? Name { get; set; }
}

/// <summary>The agency's digest channel in the Directory table ("digest-channel").</summary>
internal sealed class DigestChannelEntity : StoredRow
{
    public string? TenantId { get; set; }

    public string? ChannelId { get; set; }
}
