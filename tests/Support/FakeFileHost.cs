using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CchcBot.TestSupport;

/// <summary>How the fake answers a file's download.</summary>
/// <param name="Delay">Wait this long before answering (a slow SharePoint).</param>
/// <param name="RedirectTo">Answer 302 to this address instead of the file.</param>
/// <param name="HideLength">Send the body chunked, with no Content-Length (so only the bytes read tell the size).</param>
public sealed record HostedFile(byte[] Content, TimeSpan? Delay = null, string? RedirectTo = null, bool HideLength = false);

/// <summary>
/// A loopback stand-in for the pre-authenticated download URLs Teams puts in a file.download.info attachment
/// (SharePoint / OneDrive): GET /download/{id} answers the file registered under that id, 404 otherwise.
/// </summary>
public sealed class FakeFileHost : IAsyncDisposable
{
    private WebApplication _app = null!;

    public string BaseAddress { get; private set; } = string.Empty;

    public ConcurrentDictionary<string, HostedFile> Files { get; } = new();

    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<FakeFileHost> StartAsync()
    {
        var host = new FakeFileHost();
        var (app, address) = await LoopbackWeb.StartAsync(host.Map);
        host._app = app;
        host.BaseAddress = address;
        return host;
    }

    /// <summary>Registers a file and returns its download URL.</summary>
    public string Add(byte[] content, TimeSpan? delay = null, string? redirectTo = null, bool hideLength = false)
    {
        var id = Guid.NewGuid().ToString("N");
        Files[id] = new HostedFile(content, delay, redirectTo, hideLength);
        return $"{BaseAddress}/download/{id}?tempauth=fake";
    }

    private void Map(WebApplication app) =>
        app.MapGet("/download/{id}", async (string id, HttpContext http) =>
        {
            Requests.Enqueue(id);
            if (!Files.TryGetValue(id, out var file))
            {
                http.Response.StatusCode = 404;
                return;
            }

            if (file.Delay is { } delay)
            {
                await Task.Delay(delay, http.RequestAborted);
            }

            if (file.RedirectTo is { } target)
            {
                http.Response.Redirect(target);
                return;
            }

            http.Response.ContentType = "application/octet-stream";
            if (!file.HideLength)
            {
                http.Response.ContentLength = file.Content.Length;
            }

            await http.Response.Body.WriteAsync(file.Content, http.RequestAborted);
        });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
