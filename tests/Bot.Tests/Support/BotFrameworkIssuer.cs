using System.Collections.Concurrent;
using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Security;
using System.Reflection;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using CchcBot.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Rest;

namespace CchcBot.Bot.Tests.Support;

/// <summary>
/// A loopback stand-in for the Bot Framework's token issuer: an HTTPS OpenID metadata document and JWKS (its own TLS
/// certificate and RSA signing key, endorsed for msteams), the settings that point the bot at it, and tokens signed as
/// the Bot Framework signs them (issuer https://api.botframework.com, audience = the bot's MicrosoftAppId). The bot's
/// own validation runs unchanged; only the trust in the loopback TLS certificate and the outgoing calls' credentials
/// (no Entra ID here) are supplied by the test.
/// </summary>
public sealed class BotFrameworkIssuer : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";
    public const string KeyId = "trusted-key";

    private readonly WebApplication _app;
    private readonly X509Certificate2 _tls;

    private BotFrameworkIssuer(WebApplication app, X509Certificate2 tls, RSA signingKey, string metadataUrl)
    {
        _app = app;
        _tls = tls;
        SigningKey = signingKey;
        MetadataUrl = metadataUrl;
    }

    public RSA SigningKey { get; }

    public string MetadataUrl { get; }

    public static async Task<BotFrameworkIssuer> StartAsync()
    {
        var signingKey = RSA.Create(2048);
        var tls = SelfSignedLoopbackCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(tls)));
        var app = builder.Build();
        app.MapGet("/.well-known/openidconfiguration", (HttpContext http) => Results.Json(new JsonObject
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = $"https://{http.Request.Host}/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        }));
        app.MapGet("/keys", () =>
        {
            var key = Jwk(signingKey, KeyId);
            key["endorsements"] = new JsonArray("msteams");
            return Results.Json(new JsonObject { ["keys"] = new JsonArray(key) });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        var issuer = new BotFrameworkIssuer(app, tls, signingKey, address + "/.well-known/openidconfiguration");
        issuer.TrustMetadataOverTls();
        return issuer;
    }

    /// <summary>
    /// The Bot Framework settings of a single-tenant bot whose tokens come from this issuer. Once one of the
    /// ToBot…/ToChannel… endpoints is set the SDK takes all of them from the settings (ParameterizedBotFrameworkAuthentication,
    /// the same validation as the public cloud's), so the others get the public cloud's values.
    /// </summary>
    public Dictionary<string, string?> Settings(string appId, string password = "not-used-in-these-tests") => new()
    {
        ["MicrosoftAppType"] = "SingleTenant",
        ["MicrosoftAppId"] = appId,
        ["MicrosoftAppPassword"] = password,
        ["MicrosoftAppTenantId"] = BotHarnessDefaults.TenantId,
        ["ToBotFromChannelOpenIdMetadataUrl"] = MetadataUrl,
        ["ToBotFromEmulatorOpenIdMetadataUrl"] = MetadataUrl,
        ["ToBotFromChannelTokenIssuer"] = Issuer,
        ["ToChannelFromBotLoginUrl"] = "https://login.microsoftonline.com/" + BotHarnessDefaults.TenantId,
        ["ToChannelFromBotOAuthScope"] = "https://api.botframework.com",
        ["OAuthUrl"] = "https://api.botframework.com",
        ["CallerId"] = "urn:botframework:azure",
        ["Bot:PublicBaseUrl"] = "https://cchcbot.example.gov.vn",
    };

    /// <summary>The bot's services: outgoing calls carry a fake token (no Entra ID here).</summary>
    public static void Configure(IServiceCollection services)
    {
        services.AddSingleton<ServiceClientCredentialsFactory>(sp =>
            new OutgoingCredentials(new ConfigurationServiceClientCredentialFactory(sp.GetRequiredService<IConfiguration>())));
    }

    public string Token(
        string audience, string serviceUrl, RSA? key = null, string keyId = KeyId, string issuer = Issuer, DateTime? expires = null)
    {
        var credentials = new SigningCredentials(new RsaSecurityKey(key ?? SigningKey) { KeyId = keyId }, SecurityAlgorithms.RsaSha256);
        var until = expires ?? DateTime.UtcNow.AddMinutes(30);
        var token = new JwtSecurityToken(
            issuer: issuer,
            audience: audience,
            claims: [new Claim("serviceurl", serviceUrl)],
            notBefore: until.AddHours(-1),
            expires: until,
            signingCredentials: credentials);
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    /// <summary>POSTs the activity to the bot's /api/messages with a valid token for this bot and the activity's serviceUrl.</summary>
    public async Task<HttpResponseMessage> PostSignedAsync(BotHarness bot, string appId, JsonObject activity)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token(appId, activity["serviceUrl"]!.GetValue<string>()));
        return await bot.Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _tls.Dispose();
        SigningKey.Dispose();
    }

    private bool Trusts(HttpRequestMessage request, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        errors == SslPolicyErrors.None || (certificate is not null && certificate.Thumbprint == _tls.Thumbprint);

    /// <summary>
    /// The SDK reads the OpenID metadata and the key endorsements with HTTP clients of its own (HTTPS required, the
    /// machine's trusted roots) and keeps one configuration manager of each per metadata URL in static caches. This URL's
    /// managers are put there beforehand, with the same retrievers (HTTPS still required) over a client that also trusts
    /// this loopback certificate.
    /// </summary>
    private void TrustMetadataOverTls()
    {
        var client = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = Trusts });
        Cache<OpenIdConnectConfiguration>("_openIdMetadataCache")[MetadataUrl] = new ConfigurationManager<OpenIdConnectConfiguration>(
            MetadataUrl, new OpenIdConnectConfigurationRetriever(), new HttpDocumentRetriever(client) { RequireHttps = true });
        var endorsements = new EndorsementsRetriever(client);
        Cache<IDictionary<string, HashSet<string>>>("_endorsementsCache")[MetadataUrl] =
            new ConfigurationManager<IDictionary<string, HashSet<string>>>(MetadataUrl, endorsements, endorsements);
    }

    private static ConcurrentDictionary<string, ConfigurationManager<T>> Cache<T>(string name)
        where T : class
    {
        var field = typeof(JwtTokenExtractor).GetField(name, BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException($"JwtTokenExtractor.{name} is gone: this Bot Framework version caches metadata differently.");
        return (ConcurrentDictionary<string, ConfigurationManager<T>>)field.GetValue(null)!;
    }

    /// <summary>The public half of an RSA signing key as a JSON Web Key (also used by <see cref="EntraIssuer"/>).</summary>
    internal static JsonObject Jwk(RSA key, string keyId)
    {
        var p = key.ExportParameters(false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = keyId,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
        };
    }

    /// <summary>A TLS certificate for 127.0.0.1/localhost (also used by <see cref="EntraIssuer"/>).</summary>
    internal static X509Certificate2 SelfSignedLoopbackCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    /// <summary>The real settings-based factory (app id and audience checks), with a fake token on outgoing calls.</summary>
    private sealed class OutgoingCredentials(ServiceClientCredentialsFactory real) : ServiceClientCredentialsFactory
    {
        public override Task<bool> IsValidAppIdAsync(string appId, CancellationToken cancellationToken) => real.IsValidAppIdAsync(appId, cancellationToken);

        public override Task<bool> IsAuthenticationDisabledAsync(CancellationToken cancellationToken) => real.IsAuthenticationDisabledAsync(cancellationToken);

        public override Task<ServiceClientCredentials> CreateCredentialsAsync(
            string appId, string audience, string loginEndpoint, bool validateAuthority, CancellationToken cancellationToken) =>
            Task.FromResult<ServiceClientCredentials>(new TokenCredentials("outgoing-test-token"));
    }
}
