using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using CchcBot.Bot.Tests.Support;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Hardening;

/// <summary>
/// Authenticated mode (a MicrosoftAppId): /api/messages accepts what the Bot Framework signed and refuses the rest.
/// Runs without network: the OpenID metadata and signing key come from an HTTPS loopback issuer (BotFrameworkIssuer).
/// A correctly signed token is accepted, so each 401 below comes from the signature or a claim, not from a setup that
/// refuses everything.
/// </summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private const string AppId = "1c0ffee0-0000-4000-8000-00000000ab01";
    private BotFrameworkIssuer _issuer = null!;
    private BotHarness _bot = null!;
    private TeamsUser _office = null!;

    public async Task InitializeAsync()
    {
        _issuer = await BotFrameworkIssuer.StartAsync();
        _bot = await BotHarness.StartAsync(settings: _issuer.Settings(AppId), services: BotFrameworkIssuer.Configure);
        await _bot.SeedAsync();
        _office = _bot.Register(SampleUsers.ChiefOfOffice());
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task A_correctly_signed_token_is_accepted_and_the_bot_answers()
    {
        using var response = await PostWithAsync("Bearer " + _issuer.Token(AppId, _bot.Connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(_bot.Connector.Sent);
        Assert.NotNull(sent.Card);
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

        using var response = await PostWithAsync("Bearer " + _issuer.Token(AppId, _bot.Connector.ServiceUrl, key: rogue, keyId: "rogue-key"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Connector.Calls);
    }

    [Fact]
    public async Task A_token_with_the_trusted_key_id_but_another_signature_gets_401()
    {
        using var rogue = RSA.Create(2048);

        using var response = await PostWithAsync("Bearer " + _issuer.Token(AppId, _bot.Connector.ServiceUrl, key: rogue));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Connector.Calls);
    }

    [Fact]
    public async Task A_token_for_another_bot_gets_401()
    {
        using var response = await PostWithAsync("Bearer " + _issuer.Token("2c0ffee0-0000-4000-8000-00000000ab02", _bot.Connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Connector.Calls);
    }

    [Fact]
    public async Task An_expired_token_gets_401()
    {
        using var response = await PostWithAsync("Bearer " + _issuer.Token(AppId, _bot.Connector.ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-10)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Connector.Calls);
    }

    [Fact]
    public async Task A_token_from_another_issuer_gets_401()
    {
        using var response = await PostWithAsync("Bearer " + _issuer.Token(AppId, _bot.Connector.ServiceUrl, issuer: "https://evil.example"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Connector.Calls);
    }

    [Fact]
    public async Task A_token_for_another_service_url_gets_401()
    {
        using var response = await PostWithAsync("Bearer " + _issuer.Token(AppId, "https://smba.trafficmanager.net/teams/"));

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
}
