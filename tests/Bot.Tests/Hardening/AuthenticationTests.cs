using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CchcBot.Bot.Tests.Support;
using CchcBot.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace CchcBot.Bot.Tests.Hardening;

/// <summary>
/// Production mode (a MicrosoftAppId): /api/messages refuses what the Bot Framework would not have signed. Runs without
/// network: the OpenID metadata and signing keys come from a loopback endpoint that publishes a key of its own.
/// </summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private const string AppId = "1c0ffee0-0000-4000-8000-00000000ab01";
    private readonly RSA _trustedKey = RSA.Create(2048);
    private WebApplication _openId = null!;
    private BotHarness _bot = null!;
    private TeamsUser _office = null!;

    public async Task InitializeAsync()
    {
        string address;
        (_openId, address) = await LoopbackWeb.StartAsync(app => MapOpenId(app, _trustedKey));
        var metadata = address + "/.well-known/openidconfiguration";
        _bot = await BotHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "not-used-in-these-tests",
            ["MicrosoftAppTenantId"] = BotHarnessDefaults.TenantId,
            ["ToBotFromChannelOpenIdMetadataUrl"] = metadata,
            ["ToBotFromEmulatorOpenIdMetadataUrl"] = metadata,
        });
        await _bot.SeedAsync();
        _office = _bot.Register(BotHarness.User("chanhvanphong@example.gov.vn", "Nguyễn Văn An"));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _openId.DisposeAsync();
        _trustedKey.Dispose();
    }

    [Fact]
    public async Task No_authorization_header_gets_401_and_nothing_is_processed()
    {
        using var response = await _bot.SendTextAsync(_office, "nhiệm vụ của tôi");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Connector.Calls);
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task A_malformed_token_gets_401(string authorization)
    {
        using var response = await PostWithAsync(authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Connector.Calls);
    }

    [Fact]
    public async Task A_token_signed_by_an_unknown_key_gets_401()
    {
        using var rogue = RSA.Create(2048);

        using var response = await PostWithAsync("Bearer " + Token(rogue, "rogue-key"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Connector.Calls);
    }

    private Task<HttpResponseMessage> PostWithAsync(string authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(Activities.Message(_bot.Connector.ServiceUrl, _office, "nhiệm vụ của tôi").ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        request.Headers.Authorization = space < 0
            ? new AuthenticationHeaderValue(authorization)
            : new AuthenticationHeaderValue(authorization[..space], authorization[(space + 1)..]);
        return _bot.Http.SendAsync(request);
    }

    private static string Token(RSA key, string keyId)
    {
        var credentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = keyId }, SecurityAlgorithms.RsaSha256);
        var token = new JwtSecurityToken(
            issuer: "https://api.botframework.com",
            audience: AppId,
            claims: [new System.Security.Claims.Claim("serviceurl", "http://127.0.0.1/")],
            notBefore: DateTime.UtcNow.AddMinutes(-5),
            expires: DateTime.UtcNow.AddMinutes(30),
            signingCredentials: credentials);
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    /// <summary>An OpenID metadata document and a JWKS with one trusted key.</summary>
    private static void MapOpenId(WebApplication app, RSA trusted)
    {
        app.MapGet("/.well-known/openidconfiguration", (HttpContext http) => Results.Json(new JsonObject
        {
            ["issuer"] = "https://api.botframework.com",
            ["jwks_uri"] = $"http://{http.Request.Host}/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        }));
        app.MapGet("/keys", () =>
        {
            var p = trusted.ExportParameters(false);
            return Results.Json(new JsonObject
            {
                ["keys"] = new JsonArray(new JsonObject
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = "trusted-key",
                    ["n"] = Base64UrlEncoder.Encode(p.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(p.Exponent),
                    ["endorsements"] = new JsonArray("msteams"),
                }),
            });
        });
    }
}
