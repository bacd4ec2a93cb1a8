using System.Collections.Concurrent;
using CchcBot.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CchcBot.Bot.Tests.Tab;

/// <summary>A loopback proxy in front of the shared Azurite's table service that records every request it forwards
/// ("GET /devstoreaccount1/{table}()?$filter=…", decoded), so a test can tell what an answer read.</summary>
public sealed class StorageRequestLog : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _azurite = new() { BaseAddress = new Uri($"http://127.0.0.1:{AzuriteServer.Shared.Port}") };

    private StorageRequestLog(WebApplication app) => _app = app;

    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Tables through this proxy, blobs straight to Azurite.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    public static async Task<StorageRequestLog> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var log = new StorageRequestLog(app);
        app.Run(log.ForwardAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        log.ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteServer.AccountKey};TableEndpoint={address.TrimEnd('/')}/devstoreaccount1;" +
            $"BlobEndpoint=http://127.0.0.1:{AzuriteServer.Shared.BlobPort}/devstoreaccount1;";
        return log;
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var request = context.Request;
        // As sent (PathString would decode "%7C" and the like, and the request's signature would no longer match).
        var target = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? request.Path + request.QueryString;
        Requests.Enqueue($"{request.Method} {Uri.UnescapeDataString(target)}");
        using var forward = await HttpForwarding.RequestFromAsync(request, target);
        using var response = await _azurite.SendAsync(forward, HttpCompletionOption.ResponseHeadersRead);
        HttpForwarding.CopyStatusAndHeaders(response, context.Response);
        await response.Content.CopyToAsync(context.Response.Body);
    }

    public async ValueTask DisposeAsync()
    {
        _azurite.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
