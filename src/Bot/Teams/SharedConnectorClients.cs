using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Rest;
using Microsoft.Rest.Serialization;
using Newtonsoft.Json.Serialization;

namespace CchcBot.Teams;

/// <summary>
/// One connector client per bot identity, service URL and audience, shared by the turns and proactive sends that go
/// there, as the Bot Framework's older BotFrameworkAdapter kept them. CloudAdapter makes one per turn and per send:
/// each a Microsoft.Rest service client whose User-Agent setup compiles about twenty regular expressions, with its
/// credentials. A shared client is made again after <see cref="Lifetime"/>, so its pooled HttpClient follows DNS
/// changes as the factory's handlers do. Every client also shares one JSON contract resolver: each would new up its
/// own, and Newtonsoft would rebuild the contracts of Activity, ChannelAccount… and emit their accessor code (about 60
/// dynamic methods) for every client.
/// </summary>
public sealed class SharedConnectorClients(IHttpClientFactory httpClients, TimeProvider time)
{
    /// <summary>How long one client serves before the next call makes a fresh one.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private static readonly IContractResolver Contracts = new ReadOnlyJsonContractResolver();

    private readonly ConcurrentDictionary<(string Identity, string ServiceUrl, string? Audience), Entry> _clients = new();

    /// <summary>The shared client for this identity, service URL and audience; <paramref name="make"/> gives a turn's
    /// own client (its credentials are kept) when there is none or it is older than <see cref="Lifetime"/>.</summary>
    public async Task<IConnectorClient> GetAsync(ClaimsIdentity identity, string serviceUrl, string? audience, Func<Task<IConnectorClient>> make)
    {
        var key = (IdentityOf(identity), serviceUrl, audience);
        var now = time.GetUtcNow();
        if (_clients.TryGetValue(key, out var entry) && now - entry.Made < Lifetime)
        {
            return entry.Client;
        }

        using var made = await make().ConfigureAwait(false);
        var client = new Shared(made.BaseUri, made.Credentials, httpClients.CreateClient());
        _clients[key] = new Entry(client, now);
        return client;
    }

    /// <summary>The claims the Bot Framework picks the bot's app id and scope from; every distinct set gets its own client.</summary>
    private static string IdentityOf(ClaimsIdentity identity) =>
        string.Join('\n', identity.Claims
            .Where(c => c.Type is AuthenticationConstants.AudienceClaim or AuthenticationConstants.AppIdClaim or AuthenticationConstants.AuthorizedParty or AuthenticationConstants.VersionClaim)
            .Select(c => c.Type + "=" + c.Value)
            .Order(StringComparer.Ordinal));

    private sealed record Entry(Shared Client, DateTimeOffset Made);

    /// <summary>A connector client that outlives the turn: CloudAdapter disposes each turn's client, so this one's
    /// Dispose does nothing (its HttpClient comes from the factory, which owns the handler).</summary>
    private sealed class Shared : ConnectorClient
    {
        public Shared(Uri baseUri, ServiceClientCredentials credentials, HttpClient httpClient)
            : base(baseUri, credentials, httpClient, disposeHttpClient: false)
        {
            AddDefaultRequestHeaders(httpClient);
            SerializationSettings.ContractResolver = Contracts;
            DeserializationSettings.ContractResolver = Contracts;
        }

        [SuppressMessage("Reliability", "CA2215", Justification = "Shared by every turn: a turn's end must not dispose it.")]
        protected override void Dispose(bool disposing)
        {
        }
    }
}
