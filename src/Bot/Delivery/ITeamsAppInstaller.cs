using CchcBot.Storage;

namespace CchcBot.Delivery;

/// <summary>Microsoft Graph's part in reaching someone who never opened the bot.</summary>
public interface ITeamsAppInstaller
{
    /// <summary>Looks the person up (GET /users/{upn}) and remembers their object id; null when unknown or Graph is off.</summary>
    Task<PersonIdentity?> ResolveAsync(string agency, string upnOrEmail, CancellationToken ct);

    /// <summary>
    /// Installs the app for the user (POST /users/{id}/teamwork/installedApps) and returns the id of the bot's 1:1 chat
    /// with them; null when Graph is off or refuses.
    /// </summary>
    Task<string?> InstallAsync(PersonIdentity identity, CancellationToken ct);
}

/// <summary>Used when Graph is not configured: the bot works, proactive install is off (logged once at start).</summary>
public sealed class NoGraphInstaller : ITeamsAppInstaller
{
    public Task<PersonIdentity?> ResolveAsync(string agency, string upnOrEmail, CancellationToken ct) => Task.FromResult<PersonIdentity?>(null);

    public Task<string?> InstallAsync(PersonIdentity identity, CancellationToken ct) => Task.FromResult<string?>(null);
}
