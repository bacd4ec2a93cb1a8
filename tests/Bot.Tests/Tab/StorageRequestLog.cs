using System.Collections.Concurrent;
using CchcBot.TestSupport;
using Microsoft.AspNetCore.Http;

namespace CchcBot.Bot.Tests.Tab;

/// <summary>A loopback proxy in front of the shared Azurite's table service that records every request it forwards
/// ("GET /devstoreaccount1/{table}()?$filter=…", decoded), so a test can tell what an answer read.</summary>
public sealed class StorageRequestLog : IAsyncDisposable
{
    private AzuriteTableProxy _proxy = null!;

    private StorageRequestLog()
    {
    }

    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Tables through this proxy, blobs straight to Azurite.</summary>
    public string ConnectionString => _proxy.ConnectionStringWithBlobs;

    public static async Task<StorageRequestLog> StartAsync()
    {
        var log = new StorageRequestLog();
        log._proxy = await AzuriteTableProxy.StartAsync(context =>
        {
            log.Requests.Enqueue($"{context.Request.Method} {Uri.UnescapeDataString(AzuriteTableProxy.Target(context))}");
            return Task.FromResult(false);
        });
        return log;
    }

    public ValueTask DisposeAsync() => _proxy.DisposeAsync();
}
