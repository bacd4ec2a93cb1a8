using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CchcBot.Bot.Tests.Support;
using CchcBot.Tab;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Tab;

/// <summary>
/// Production mode without network: Teams SSO tokens from a loopback Entra issuer (its own RSA key and TLS). A valid
/// token (v2: the client id as audience; v1: the App ID URI) is accepted; every bad one gets 401/403 and no data.
/// </summary>
public sealed class TabSignInTests : IAsyncLifetime
{
    internal const string AppId = "5b1f3c51-8a2e-4d57-9a0b-6c1d2e3f4a5b";
    private const string AppIdUri = "api://cchcbot.example.gov.vn/" + AppId;
    private const string OtherTenant = "0b6c2a4e-1111-4222-8333-944455556666";

    private BotFrameworkIssuer _botFramework = null!;
    private EntraIssuer _entra = null!;
    private BotHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _botFramework = await BotFrameworkIssuer.StartAsync();
        _entra = await EntraIssuer.StartAsync(BotHarnessDefaults.TenantId);
        var settings = _botFramework.Settings(AppId);
        settings["Tab:MetadataAddress"] = _entra.MetadataUrl;
        settings["Bot:AllowedTenants:0"] = BotHarnessDefaults.TenantId;
        _bot = await BotHarness.StartAsync(TabData.Now, settings, services: s =>
        {
            BotFrameworkIssuer.Configure(s);
            _entra.Configure(s);
        });
        await TabData.SeedAsync(_bot);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _entra.DisposeAsync();
        await _botFramework.DisposeAsync();
    }

    [Fact]
    public async Task A_valid_v2_token_with_the_client_id_as_audience_is_accepted()
    {
        var (status, body) = await GetAsync(_entra.Token(AppId, TabData.ChiefInspector));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("plan", JsonNode.Parse(body)!["scope"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_valid_v1_token_with_the_App_ID_URI_as_audience_is_accepted_and_scoped_to_the_head()
    {
        var token = _entra.Token(AppIdUri, TabData.HeadNv1, issuer: $"https://sts.windows.net/{BotHarnessDefaults.TenantId}/");
        var (status, body) = await GetAsync(token);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("department", JsonNode.Parse(body)!["scope"]!.GetValue<string>());
    }

    public static TheoryData<string> BadTokens => new()
    {
        "missing", "garbage", "expired", "wrong-audience", "wrong-signature", "other-tenant", "other-tenant-own-issuer", "wrong-issuer", "unsigned",
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_gets_401_and_no_data(string kind)
    {
        using var otherKey = RSA.Create(2048);
        var token = kind switch
        {
            "missing" => null,
            "garbage" => "not.a.token",
            "expired" => _entra.Token(AppId, TabData.ChiefInspector, expires: DateTime.UtcNow.AddMinutes(-10)),
            "wrong-audience" => _entra.Token("api://elsewhere.example.com/" + AppId, TabData.ChiefInspector),
            "wrong-signature" => _entra.Token(AppId, TabData.ChiefInspector, key: otherKey),
            "other-tenant" => _entra.Token(AppId, TabData.ChiefInspector, tenantId: OtherTenant, issuer: EntraIssuer.IssuerOf(BotHarnessDefaults.TenantId)),
            "other-tenant-own-issuer" => _entra.Token(AppId, TabData.ChiefInspector, tenantId: OtherTenant),
            "wrong-issuer" => _entra.Token(AppId, TabData.ChiefInspector, issuer: "https://issuer.example.com/"),
            _ => Unsigned(_entra.Token(AppId, TabData.ChiefInspector)),
        };

        var (status, body) = await GetAsync(token);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.DoesNotContain("milestones", body);
        Assert.DoesNotContain(TabData.OwnTaskTitle, body);
    }

    [Fact]
    public async Task A_token_without_the_access_as_user_scope_gets_403()
    {
        var (status, body) = await GetAsync(_entra.Token(AppId, TabData.ChiefInspector, scope: "User.Read"));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.DoesNotContain("milestones", body);
    }

    [Fact]
    public async Task Someone_not_in_the_directory_gets_403_with_whom_to_contact()
    {
        var (status, body) = await GetAsync(_entra.Token(AppId, "nguoi.la@example.gov.vn"));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        var json = JsonNode.Parse(body)!;
        Assert.Equal(("not-in-directory", "Văn phòng"), (json["error"]!.GetValue<string>(), json["contact"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_local_sign_in_does_not_exist_in_production()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _bot.Http.GetAsync("/tab/dev-login")).StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/progress");
        request.Headers.Add(TabSignIn.DevUserHeader, TabData.ChiefInspector);
        using var response = await _bot.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("milestones", await response.Content.ReadAsStringAsync());

        var task = await GetAsync(null, "/api/progress/tasks/" + TabData.OwnTaskId);
        Assert.Equal(HttpStatusCode.Unauthorized, task.Status);
    }

    /// <summary>The token with its signature stripped and "alg":"none".</summary>
    private static string Unsigned(string token)
    {
        var parts = token.Split('.');
        var header = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        return $"{header}.{parts[1]}.";
    }

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(string? token, string path = "/api/progress")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _bot.Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
