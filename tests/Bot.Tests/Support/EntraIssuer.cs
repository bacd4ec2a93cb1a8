using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Security;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace CchcBot.Bot.Tests.Support;

/// <summary>
/// A loopback stand-in for Entra ID's v2.0 endpoint of one tenant, as the Teams tab's SSO tokens come from it: an HTTPS
/// OpenID metadata document and JWKS (the TLS certificate and JWK helpers of <see cref="BotFrameworkIssuer"/>, its own
/// RSA key) and tokens shaped like authentication.getAuthToken()'s (iss, aud, tid, oid, preferred_username, scp).
/// The bot's JwtBearer validation runs unchanged; only its metadata address (Tab:MetadataAddress) and the trust in the
/// loopback TLS certificate come from the test.
/// </summary>
public sealed class EntraIssuer : IAsyncDisposable
{
    public const string KeyId = "entra-key";

    private readonly WebApplication _app;
    private readonly X509Certificate2 _tls;

    private EntraIssuer(WebApplication app, X509Certificate2 tls, RSA key, string metadataUrl, string tenantId)
    {
        _app = app;
        _tls = tls;
        SigningKey = key;
        MetadataUrl = metadataUrl;
        TenantId = tenantId;
    }

    public RSA SigningKey { get; }

    public string MetadataUrl { get; }

    public string TenantId { get; }

    public static string IssuerOf(string tenantId) => $"https://login.microsoftonline.com/{tenantId}/v2.0";

    public static async Task<EntraIssuer> StartAsync(string tenantId)
    {
        var key = RSA.Create(2048);
        var tls = BotFrameworkIssuer.SelfSignedLoopbackCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(tls)));
        var app = builder.Build();
        app.MapGet($"/{tenantId}/v2.0/.well-known/openid-configuration", (HttpContext http) => Results.Json(new JsonObject
        {
            ["issuer"] = IssuerOf(tenantId),
            ["jwks_uri"] = $"https://{http.Request.Host}/{tenantId}/discovery/v2.0/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        }));
        app.MapGet($"/{tenantId}/discovery/v2.0/keys", () => Results.Json(new JsonObject { ["keys"] = new JsonArray(BotFrameworkIssuer.Jwk(key, KeyId)) }));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return new EntraIssuer(app, tls, key, $"{address}/{tenantId}/v2.0/.well-known/openid-configuration", tenantId);
    }

    /// <summary>The bot's services: the tab's JwtBearer handler reads this issuer's metadata over its loopback TLS.</summary>
    public void Configure(IServiceCollection services) =>
        services.PostConfigure<JwtBearerOptions>(CchcBot.Tab.TabSignIn.Scheme, o => o.BackchannelHttpHandler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None || (certificate is not null && certificate.Thumbprint == _tls.Thumbprint),
        });

    /// <summary>A token as Teams SSO issues it (v2: aud = the client id; v1: aud = the App ID URI, iss = sts.windows.net).</summary>
    public string Token(
        string audience, string upn, string? tenantId = null, string scope = "access_as_user", RSA? key = null, string? issuer = null,
        DateTime? expires = null, string? objectId = null)
    {
        var tid = tenantId ?? TenantId;
        var credentials = new SigningCredentials(new RsaSecurityKey(key ?? SigningKey) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256);
        var until = expires ?? DateTime.UtcNow.AddMinutes(30);
        var token = new JwtSecurityToken(
            issuer: issuer ?? IssuerOf(tid),
            audience: audience,
            claims:
            [
                new Claim("tid", tid),
                new Claim("oid", objectId ?? Guid.NewGuid().ToString()),
                new Claim("preferred_username", upn),
                new Claim("scp", scope),
                new Claim("ver", "2.0"),
            ],
            notBefore: until.AddHours(-1),
            expires: until,
            signingCredentials: credentials);
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _tls.Dispose();
        SigningKey.Dispose();
    }
}
