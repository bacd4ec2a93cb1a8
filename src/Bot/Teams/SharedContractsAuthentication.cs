using System.Security.Claims;
using CchcBot.Hosting;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace CchcBot.Teams;

/// <summary>
/// The configured Bot Framework authentication, except that connector clients are shared across turns and sends
/// (<see cref="SharedConnectorClients"/>), that the user-token client is made only when used, and that in anonymous
/// mode (no MicrosoftAppId) no connector client is made for a service URL that is not loopback.
/// </summary>
/// <param name="credentialsFactory">The outgoing calls' credentials; null = from the settings (tests pass a fake one).</param>
public sealed class SharedContractsAuthentication(
    IConfiguration configuration,
    IHttpClientFactory httpClientFactory,
    SharedConnectorClients connectorClients,
    ILogger<SharedContractsAuthentication> logger,
    ServiceClientCredentialsFactory? credentialsFactory = null)
    : ConfigurationBotFrameworkAuthentication(configuration, credentialsFactory, httpClientFactory: httpClientFactory, logger: logger)
{
    private readonly bool _loopbackOnly = BotFrameworkSettings.IsAnonymous(configuration);

    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken) =>
        Share(await base.AuthenticateRequestAsync(activity, authHeader, cancellationToken).ConfigureAwait(false));

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
        Share(await base.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken).ConfigureAwait(false));

    /// <summary>Made when first used (never, as the bot signs nobody in): <see cref="DeferredUserTokenClient"/>.</summary>
    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        Task.FromResult<UserTokenClient>(new DeferredUserTokenClient(ct => base.CreateUserTokenClientAsync(claimsIdentity, ct)));

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        new SharedConnectorFactory(base.CreateConnectorFactory(claimsIdentity), claimsIdentity, connectorClients, _loopbackOnly);

    private AuthenticateRequestResult Share(AuthenticateRequestResult result)
    {
        if (result.ConnectorFactory is { } factory and not SharedConnectorFactory)
        {
            result.ConnectorFactory = new SharedConnectorFactory(factory, result.ClaimsIdentity, connectorClients, _loopbackOnly);
        }

        return result;
    }

    private sealed class SharedConnectorFactory(ConnectorFactory inner, ClaimsIdentity identity, SharedConnectorClients clients, bool loopbackOnly) : ConnectorFactory
    {
        public override async Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
        {
            if (loopbackOnly && !AnonymousMode.IsLoopback(serviceUrl))
            {
                // The last line of defence: the guard in front of the adapter and the proactive sender refuse first.
                throw new UnauthorizedAccessException("Anonymous mode (no MicrosoftAppId) calls loopback service URLs only.");
            }

            return await clients.GetAsync(identity, serviceUrl, audience, () => inner.CreateAsync(serviceUrl, audience, cancellationToken)).ConfigureAwait(false);
        }
    }
}
