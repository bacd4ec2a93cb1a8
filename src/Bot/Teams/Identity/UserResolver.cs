using System.Collections.Concurrent;
using CchcBot.Plan;
using CchcBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;

namespace CchcBot.Teams.Identity;

public interface IUserResolver
{
    /// <summary>The user behind the activity, matched to a directory; null when no directory names them.</summary>
    /// <param name="agencyFound">Told each agency whose directory may name them, before that directory is read (a
    /// command starts its own reads of that agency then, alongside).</param>
    Task<AgencyUser?> ResolveAsync(ITurnContext turnContext, CancellationToken ct, Action<string>? agencyFound = null);
}

/// <summary>
/// Asks Teams who the sender is (Entra object id, UPN, email) — cached per Teams user id, since that never changes —
/// then matches them against the stored directory on every turn, so a directory change applies at once.
/// </summary>
public sealed class UserResolver(IDirectoryRepository directories, IUnreachableRecipients unreachableRecipients, TimeProvider time, ILogger<UserResolver> logger) : IUserResolver
{
    /// <summary>Someone who writes to the bot is reachable: cleared at once, then at most this often per person and process.</summary>
    private static readonly TimeSpan ReachableRecheck = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _reachableSince = new();
    private readonly ConcurrentDictionary<string, TeamsMember> _members = new();
    private readonly ConcurrentDictionary<string, bool> _remembered = new();

    public async Task<AgencyUser?> ResolveAsync(ITurnContext turnContext, CancellationToken ct, Action<string>? agencyFound = null)
    {
        var from = turnContext.Activity.From;
        if (string.IsNullOrEmpty(from?.Id))
        {
            return null;
        }

        var member = await GetMemberAsync(turnContext, from, ct);
        var candidates = new List<AgencyUser>();
        foreach (var address in new[] { member.Upn, member.Email }.Where(a => !string.IsNullOrWhiteSpace(a)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            foreach (var agency in await directories.AgenciesOfAsync(address!, ct))
            {
                if (candidates.All(c => c.Agency != agency))
                {
                    agencyFound?.Invoke(agency);
                }

                if (candidates.Any(c => c.Agency == agency) || await directories.GetAsync(agency, ct) is not { } directory)
                {
                    continue;
                }

                var departments = directory.DepartmentsOf(address!).ToList();
                if (AgencyDirectory.SamePerson(directory.ChiefOfOffice, address))
                {
                    departments.InsertRange(0, directory.Departments.Where(d =>
                        string.Equals(d.Group, AgencyDirectory.OfficeGroup, StringComparison.OrdinalIgnoreCase) && !departments.Contains(d)));
                }

                var staffOf = directory.StaffOf(address!);
                if (departments.Count > 0 || staffOf.Count > 0 || AgencyDirectory.SamePerson(directory.ChiefInspector, address))
                {
                    candidates.Add(new AgencyUser(member.ObjectId, address!, member.Name, agency, directory, departments) { StaffOf = staffOf });
                }
            }
        }

        var user = candidates.Count <= 1 ? candidates.FirstOrDefault() : await ChooseAsync(candidates, member, ct);
        if (user is not null)
        {
            await RememberAsync(turnContext, user.Agency, user.Upn, member, ct);
            await MarkReachableAsync(user, ct);
        }

        return user;
    }

    /// <summary>
    /// A person is in one agency's directory only (the directory command refuses anything else), so several agencies
    /// can only come from data stored before that rule. Then the agency where this very account (object id) was
    /// already recognised wins — never simply the first in sort order, which let a newly loaded agency take a person
    /// away from the agency they work in — and the operator is told to settle it with `directory --move-people`.
    /// </summary>
    private async Task<AgencyUser> ChooseAsync(List<AgencyUser> candidates, TeamsMember member, CancellationToken ct)
    {
        var known = new List<AgencyUser>();
        foreach (var candidate in candidates)
        {
            if (!string.IsNullOrEmpty(member.ObjectId) &&
                await directories.GetIdentityAsync(candidate.Agency, candidate.Upn, ct) is { } identity &&
                string.Equals(identity.ObjectId, member.ObjectId, StringComparison.OrdinalIgnoreCase))
            {
                known.Add(candidate);
            }
        }

        var chosen = known.Count > 0 ? known[0] : candidates[0];
        logger.LogWarning(
            "User {UserObjectId} is named by the directories of {Agencies}; recognised as a member of {Agency}. A person may be in one agency's directory only: load the right agency's directory again with --move-people",
            member.ObjectId, string.Join(", ", candidates.Select(c => c.Agency)), chosen.Agency);
        return chosen;
    }

    /// <summary>A person who writes to the bot (or installs it) leaves the unreachable list that moment.</summary>
    private async Task MarkReachableAsync(AgencyUser user, CancellationToken ct)
    {
        var key = $"{user.Agency}|{user.Upn.ToLowerInvariant()}";
        var now = time.GetUtcNow();
        if (_reachableSince.TryGetValue(key, out var last) && now - last < ReachableRecheck)
        {
            return;
        }

        try
        {
            await unreachableRecipients.ClearAsync(user.Agency, user.Upn, ct);
            _reachableSince[key] = now;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not clear the unreachable mark of user {UserObjectId}", user.ObjectId);
        }
    }

    /// <summary>Stores how to reach this person proactively (once per process: it rarely changes).</summary>
    private async Task RememberAsync(ITurnContext turnContext, string agency, string address, TeamsMember member, CancellationToken ct)
    {
        var tenant = Teams.TenantGuardMiddleware.TenantOf(turnContext);
        if (string.IsNullOrEmpty(member.ObjectId) || string.IsNullOrEmpty(tenant) || !_remembered.TryAdd($"{agency}|{address}|{member.ObjectId}", true))
        {
            return;
        }

        try
        {
            await directories.RememberIdentityAsync(agency, address, new PersonIdentity(member.ObjectId, tenant, turnContext.Activity.From.Id, member.Name), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _remembered.TryRemove($"{agency}|{address}|{member.ObjectId}", out _);
            logger.LogWarning(e, "Could not remember the identity of user {UserObjectId}", member.ObjectId);
        }
    }

    private async Task<TeamsMember> GetMemberAsync(ITurnContext turnContext, ChannelAccount from, CancellationToken ct)
    {
        if (_members.TryGetValue(from.Id, out var cached))
        {
            return cached;
        }

        var member = new TeamsMember(from.AadObjectId ?? string.Empty, null, null, from.Name ?? string.Empty);
        try
        {
            var teams = await TeamsInfo.GetMemberAsync(turnContext, from.Id, ct);
            member = new TeamsMember(
                teams.AadObjectId ?? member.ObjectId,
                teams.UserPrincipalName,
                teams.Email,
                string.IsNullOrWhiteSpace(teams.Name) ? member.Name : teams.Name);
            _members[from.Id] = member;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not cached: the next turn asks Teams again.
            logger.LogWarning(e, "Could not look up Teams member {UserId}", from.Id);
        }

        return member;
    }

    private sealed record TeamsMember(string ObjectId, string? Upn, string? Email, string Name);
}
