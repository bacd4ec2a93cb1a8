using Azure;
using Azure.Data.Tables;
using CchcBot.Hosting;
using CchcBot.Storage;
using CchcBot.TestSupport;
using Microsoft.Extensions.Logging;

namespace CchcBot.Bot.Tests.Storage;

/// <summary>Storage:Retry sets the SDK's retries of the one registered table service client (and the blob one).</summary>
public sealed class StorageRetryTests
{
    [Theory]
    [InlineData(null, 3)] // today's behaviour: 2 retries
    [InlineData("0", 1)]
    [InlineData("4", 5)]
    public async Task A_write_that_fails_with_500_is_tried_as_often_as_Storage_Retry_MaxRetries_says(string? maxRetries, int tries)
    {
        await using var proxy = await FaultyStorageProxy.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = proxy.ConnectionString,
            ["Storage:TablePrefix"] = AzuriteServer.NewPrefix(),
            ["Storage:Retry:Delay"] = "00:00:00.001",
        };
        if (maxRetries is not null)
        {
            settings["Storage:Retry:MaxRetries"] = maxRetries;
        }

        using var provider = Services(settings);
        var table = await provider.GetRequiredService<CchcTables>().GetAsync(CchcTables.Ledger);
        proxy.WritesBeforeFailure = 0;
        var before = proxy.Requests;

        await Assert.ThrowsAsync<RequestFailedException>(() => table.UpsertEntityAsync(new TableEntity("p", "r")));

        Assert.Equal(tries, proxy.Requests - before);
    }

    [Fact]
    public async Task The_SDKs_request_log_of_failed_or_refused_requests_does_not_reach_the_bots_log()
    {
        await using var proxy = await FaultyStorageProxy.StartAsync();
        var logs = new CchcBot.Bot.Tests.Support.CapturingLoggerProvider();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = proxy.ConnectionString,
            ["Storage:TablePrefix"] = AzuriteServer.NewPrefix(),
            ["Storage:Retry:Delay"] = "00:00:00.001",
        };
        using var provider = Services(settings, logs);
        var table = await provider.GetRequiredService<CchcTables>().GetAsync(CchcTables.Ledger);
        proxy.WritesBeforeFailure = 0;

        await Assert.ThrowsAsync<RequestFailedException>(() => table.UpsertEntityAsync(new TableEntity("thanh-tra|nv1@example.gov.vn", "r")));
        await table.GetEntityIfExistsAsync<TableEntity>("thanh-tra|nv1@example.gov.vn", "missing");

        // Retries are logged at Information (below the "Azure": "Warning" of appsettings.json); nothing above.
        Assert.DoesNotContain(logs.Lines, l => l.StartsWith("Azure", StringComparison.Ordinal) && !l.Contains(" Information: ", StringComparison.Ordinal) && !l.Contains(" Debug: ", StringComparison.Ordinal) && !l.Contains(" Trace: ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_blob_client_gets_the_same_retries_and_its_own_network_timeout()
    {
        using var provider = Services(new Dictionary<string, string?> { ["Storage:Retry:MaxRetries"] = "1", ["Storage:Retry:Delay"] = "00:00:02" });

        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Azure.Storage.Blobs.BlobClientOptions>>().Get("Default");

        Assert.Equal((1, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30)), (options.Retry.MaxRetries, options.Retry.Delay, options.Retry.NetworkTimeout));
    }

    [Theory]
    [InlineData("Storage:Retry:MaxRetries", "11")]
    [InlineData("Storage:Retry:MaxRetries", "many")]
    [InlineData("Storage:Retry:Delay", "-00:00:01")]
    [InlineData("Storage:Retry:NetworkTimeout", "00:00:00.100")]
    public void An_invalid_retry_setting_stops_the_start_naming_it(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        var e = Assert.Throws<SettingsException>(() => SettingsCheck.Ensure(configuration));

        Assert.Contains(e.Problems, p => p.Contains(key.Split(':')[^1], StringComparison.Ordinal));
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings, ILoggerProvider? logs = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            b.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                b.AddProvider(logs);
            }
        });
        services.AddCchcCore(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }
}
