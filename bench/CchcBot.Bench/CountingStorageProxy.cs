using System.Text;
using CchcBot.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CchcBot.Bench;

/// <summary>
/// A loopback HTTP proxy in front of the shared Azurite that counts what the bot reads: Table entities returned by
/// GET requests (each carries an "odata.etag"), and requests by kind.
/// </summary>
public sealed class CountingStorageProxy : IAsyncDisposable
{
    private static readonly byte[] Etag = Encoding.UTF8.GetBytes("\"odata.etag\"");
    private readonly WebApplication _app;
    private readonly HttpClient _azurite = new() { BaseAddress = new Uri($"http://127.0.0.1:{AzuriteServer.Shared.Port}") };
    private long _entitiesRead;
    private long _reads;
    private long _writes;
    private int _failures;

    private CountingStorageProxy(WebApplication app) => _app = app;

    public string ConnectionString { get; private set; } = string.Empty;

    public long EntitiesRead => Interlocked.Read(ref _entitiesRead);

    public long Reads => Interlocked.Read(ref _reads);

    public long Writes => Interlocked.Read(ref _writes);

    public void Reset()
    {
        Interlocked.Exchange(ref _entitiesRead, 0);
        Interlocked.Exchange(ref _reads, 0);
        Interlocked.Exchange(ref _writes, 0);
    }

    public static async Task<CountingStorageProxy> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var proxy = new CountingStorageProxy(app);
        app.Run(async context =>
        {
            try
            {
                await proxy.ForwardAsync(context);
            }
            catch (Exception e) when (Interlocked.Increment(ref proxy._failures) <= 3)
            {
                Console.WriteLine($"  storage proxy: {context.Request.Method} {context.Request.Path}: {e.GetType().Name}: {e.Message}");
                throw;
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        proxy.ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteServer.AccountKey};TableEndpoint={address.TrimEnd('/')}/devstoreaccount1;";
        return proxy;
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var request = context.Request;
        var isRead = HttpMethods.IsGet(request.Method);
        Interlocked.Increment(ref isRead ? ref _reads : ref _writes);
        // The request target exactly as sent (keys in the path stay encoded as the client signed them).
        var target = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget;
        using var forward = await HttpForwarding.RequestFromAsync(request, target);
        using var response = await _azurite.SendAsync(forward, HttpCompletionOption.ResponseHeadersRead);
        HttpForwarding.CopyStatusAndHeaders(response, context.Response);

        var content = await response.Content.ReadAsByteArrayAsync();
        if (isRead)
        {
            Interlocked.Add(ref _entitiesRead, Count(content));
        }

        if (content.Length > 0)
        {
            await context.Response.Body.WriteAsync(content);
        }
    }

    private static int Count(ReadOnlySpan<byte> content)
    {
        var n = 0;
        for (var i = content.IndexOf(Etag); i >= 0; i = content.IndexOf(Etag))
        {
            n++;
            content = content[(i + Etag.Length)..];
        }

        return n;
    }

    public async ValueTask DisposeAsync()
    {
        _azurite.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
