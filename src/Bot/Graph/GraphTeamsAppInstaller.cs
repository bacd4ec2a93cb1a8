using CchcBot.Delivery;
using CchcBot.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace CchcBot.Graph;

/// <summary>
/// Reaches people who never opened the bot: resolves their UPN to an Entra object id (GET /users/{upn}) and installs the
/// app for them (POST /users/{id}/teamwork/installedApps), then reads the 1:1 chat the install created.
/// Needs TeamsAppInstallation.ReadWriteSelfForUser.All and User.Read.All (application) with admin consent.
/// </summary>
public sealed class GraphTeamsAppInstaller(
    GraphServiceClient graph, IOptions<GraphOptions> options, IDirectoryRepository directories, ILogger<GraphTeamsAppInstaller> logger)
    : ITeamsAppInstaller
{
    public async Task<PersonIdentity?> ResolveAsync(string agency, string upnOrEmail, CancellationToken ct)
    {
        try
        {
            var user = await graph.Users[upnOrEmail].GetAsync(r => r.QueryParameters.Select = ["id", "displayName", "userPrincipalName"], ct);
            if (string.IsNullOrEmpty(user?.Id))
            {
                return null;
            }

            var identity = new PersonIdentity(user.Id, options.Value.TenantId, null, user.DisplayName);
            await directories.RememberIdentityAsync(agency, upnOrEmail, identity, ct);
            return identity;
        }
        catch (ODataError e) when (e.ResponseStatusCode == 404)
        {
            logger.LogWarning("Graph does not know {Upn}", upnOrEmail);
            return null;
        }
    }

    public async Task<string?> InstallAsync(PersonIdentity identity, CancellationToken ct)
    {
        var appId = options.Value.TeamsAppId;
        var apps = graph.Users[identity.ObjectId].Teamwork.InstalledApps;
        try
        {
            await apps.PostAsync(
                new UserScopeTeamsAppInstallation
                {
                    AdditionalData = new Dictionary<string, object>
                    {
                        ["teamsApp@odata.bind"] = $"{options.Value.BaseUrl.TrimEnd('/')}/appCatalogs/teamsApps/{appId}",
                    },
                },
                cancellationToken: ct);
        }
        catch (ODataError e) when (e.ResponseStatusCode == 409)
        {
            // Already installed: read its chat below.
        }
        catch (ODataError e)
        {
            logger.LogWarning("Graph refused to install the app for {UserObjectId}: {Status} {Code}", identity.ObjectId, e.ResponseStatusCode, e.Error?.Code);
            return null;
        }

        var installed = await apps.GetAsync(r =>
        {
            r.QueryParameters.Filter = $"teamsApp/id eq '{appId}'";
            r.QueryParameters.Expand = ["teamsApp"];
        }, ct);
        var installation = installed?.Value?.FirstOrDefault();
        if (installation?.Id is null)
        {
            return null;
        }

        var chat = await apps[installation.Id].Chat.GetAsync(cancellationToken: ct);
        return chat?.Id;
    }
}
