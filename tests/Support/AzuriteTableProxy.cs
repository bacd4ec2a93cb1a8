using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CchcBot.TestSupport;

/// <summary>
/// A loopback HTTP proxy in front of the shared Azurite's table service, for tests and the bench that watch or break
/// what the bot asks of storage. Each request goes to <c>intercept</c> first, which may answer it itself (returning
/// true); otherwise it is forwarded exactly as signed and Azurite's answer passed back (through <c>answered</c>, with
/// its body, when given).
/// </summary>
public sealed class AzuriteTableProxy : IAsyncDisposable
{
    private readonly HttpClient _azurite = new() { BaseAddress = new Uri($"http://127.0.0.1:{AzuriteServer.Shared.Port}") };
    private readonly Func<HttpContext, Task<bool>>? _intercept;
    private readonly Action<HttpRequest, byte[]>? _answered;
    private readonly Action<HttpContext, Exception>? _failed;
    private WebApplication? _app;

    private AzuriteTableProxy(Func<HttpContext, Task<bool>>? intercept, Action<HttpRequest, byte[]>? answered, Action<HttpContext, Exception>? failed) =>
        (_intercept, _answered, _failed) = (intercept, answered, failed);

    /// <summary>Tables through the proxy (no blob endpoint).</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>Tables through the proxy, blobs straight to Azurite.</summary>
    public string ConnectionStringWithBlobs => $"{ConnectionString}BlobEndpoint=http://127.0.0.1:{AzuriteServer.Shared.BlobPort}/devstoreaccount1;";

    /// <param name="failed">Told of a request whose forwarding threw (the exception then goes on as it would).</param>
    public static async Task<AzuriteTableProxy> StartAsync(
        Func<HttpContext, Task<bool>>? intercept = null, Action<HttpRequest, byte[]>? answered = null, Action<HttpContext, Exception>? failed = null)
    {
        var proxy = new AzuriteTableProxy(intercept, answered, failed);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = proxy._app = builder.Build();
        app.Run(proxy.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        proxy.ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteServer.AccountKey};TableEndpoint={address.TrimEnd('/')}/devstoreaccount1;";
        return proxy;
    }

    /// <summary>The request target exactly as sent (keys in the path stay encoded as the client signed them).</summary>
    public static string Target(HttpContext context) => context.Features.Get<IHttpRequestFeature>()!.RawTarget;

    private async Task HandleAsync(HttpContext context)
    {
        try
        {
            if (_intercept is not null && await _intercept(context))
            {
                return;
            }

            await ForwardAsync(context);
        }
        catch (Exception e)
        {
            _failed?.Invoke(context, e);
            throw;
        }
    }

    private async Task ForwardAsync(HttpContext context)
    {
        using var forward = await HttpForwarding.RequestFromAsync(context.Request, Target(context));
        using var response = await _azurite.SendAsync(forward, HttpCompletionOption.ResponseHeadersRead);
        HttpForwarding.CopyStatusAndHeaders(response, context.Response);
        if (_answered is null)
        {
            await response.Content.CopyToAsync(context.Response.Body);
            return;
        }

        var content = await response.Content.ReadAsByteArrayAsync();
        _answered(context.Request, content);
        if (content.Length > 0)
        {
            await context.Response.Body.WriteAsync(content);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _azurite.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
