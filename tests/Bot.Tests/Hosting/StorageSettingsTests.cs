using Azure.Core;
using CchcBot.Hosting;
using CchcBot.Storage;

namespace CchcBot.Bot.Tests.Hosting;

/// <summary>Storage:AccountUrl (managed identity) or Storage:ConnectionString (Azurite, account key).</summary>
public sealed class StorageSettingsTests
{
    [Theory]
    [InlineData("http://acct.table.core.windows.net")]
    [InlineData("acct.table.core.windows.net")]
    [InlineData("https://acct.table.core.windows.net/Tables")]
    [InlineData("https://acct.table.core.windows.net/?sv=2024&sig=secret")]
    public void An_invalid_AccountUrl_stops_the_start_naming_it_without_repeating_it(string url)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:AccountUrl"] = url }).Build();

        var e = Assert.Throws<SettingsException>(() => SettingsCheck.Ensure(configuration));

        Assert.Contains(e.Problems, p => p.StartsWith("Storage:AccountUrl", StringComparison.Ordinal));
        Assert.DoesNotContain("secret", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_AccountUrl_needs_no_connection_string()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:AccountUrl"] = "https://acct.table.core.windows.net",
            ["Storage:ConnectionString"] = string.Empty,
        }).Build();

        SettingsCheck.Ensure(configuration);
    }

    [Fact]
    public async Task With_an_AccountUrl_storage_is_reached_with_the_token_credential_not_the_connection_string()
    {
        var credential = new RecordingCredential();
        var services = new ServiceCollection();
        services.AddSingleton<TokenCredential>(credential);
        services.AddLogging();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:AccountUrl"] = "https://127.0.0.1:1",
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
        }).Build();
        services.AddCchcCore(configuration);
        using var provider = services.BuildServiceProvider();

        var tables = provider.GetRequiredService<CchcTables>();
        await Assert.ThrowsAnyAsync<Exception>(() => tables.PingAsync(CancellationToken.None));

        Assert.Contains("https://storage.azure.com/.default", credential.Scopes);
    }

    private sealed class RecordingCredential : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            return new AccessToken("token", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }
}
