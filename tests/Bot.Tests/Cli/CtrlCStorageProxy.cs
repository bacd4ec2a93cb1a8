using CchcBot.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace CchcBot.Bot.Tests.Cli;

/// <summary>
/// A loopback proxy in front of the shared Azurite that "presses Ctrl+C" (cancels <see cref="CtrlC"/>) when the request
/// <see cref="PressWhen"/> picks arrives, then forwards it as storage would get it: the command's token is cancelled
/// while that storage call is in flight.
/// </summary>
public sealed class CtrlCStorageProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _azurite = new() { BaseAddress = new Uri($"http://127.0.0.1:{AzuriteServer.Shared.Port}") };

    private CtrlCStorageProxy(WebApplication app) => _app = app;

    public CancellationTokenSource CtrlC { get; } = new();

    /// <summary>Given the method, path and body of each request: true for the one during which Ctrl+C is pressed.</summary>
    public Func<string, string, string, bool> PressWhen { get; set; } = (_, _, _) => false;

    public bool Pressed => CtrlC.IsCancellationRequested;

    public string ConnectionString { get; private set; } = string.Empty;

    public static async Task<CtrlCStorageProxy> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var proxy = new CtrlCStorageProxy(app);
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        proxy.ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteServer.AccountKey};TableEndpoint={address.TrimEnd('/')}/devstoreaccount1;";
        return proxy;
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var request = context.Request;
        request.EnableBuffering();
        var body = await new StreamReader(request.Body).ReadToEndAsync();
        request.Body.Position = 0;
        if (!Pressed && PressWhen(request.Method, request.Path.Value ?? string.Empty, body))
        {
            await CtrlC.CancelAsync();
            await Task.Delay(200); // the command sees the cancel while its call is in flight
        }

        // The target as the client sent it: the signature covers its encoding (a key like 'a@b' in the path).
        var target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        using var forward = await HttpForwarding.RequestFromAsync(request, target);
        using var response = await _azurite.SendAsync(forward, HttpCompletionOption.ResponseHeadersRead);
        HttpForwarding.CopyStatusAndHeaders(response, context.Response);
        await response.Content.CopyToAsync(context.Response.Body);
    }

    public async ValueTask DisposeAsync()
    {
        _azurite.Dispose();
        CtrlC.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
