using CchcBot.TestSupport;
using Microsoft.AspNetCore.Http;

namespace CchcBot.Bot.Tests.Storage;

/// <summary>
/// A loopback HTTP proxy in front of the shared Azurite: storage that fails part-way through a write. Reads always
/// pass, and so does creating a table; after <see cref="WritesBeforeFailure"/> writes of data (batches, inserts, updates,
/// deletes) every further write gets <see cref="Failure"/>, as a storage outage in the middle of an import would.
/// </summary>
public sealed class FaultyStorageProxy : IAsyncDisposable
{
    private AzuriteTableProxy _proxy = null!;
    private int _writes;
    private int _requests;

    private FaultyStorageProxy()
    {
    }

    /// <summary>Writes let through before the failure starts; int.MaxValue: no failure.</summary>
    public int WritesBeforeFailure { get; set; } = int.MaxValue;

    /// <summary>The answer to a failed write: 500 InternalError unless set (e.g. 413 RequestBodyTooLarge).</summary>
    public (int Status, string Code) Failure { get; set; } = (500, "InternalError");

    public int FailedWrites { get; private set; }

    /// <summary>Writes of data received (a batch counts once), failed or not.</summary>
    public int Writes => Volatile.Read(ref _writes);

    /// <summary>Every request received (reads, writes, table creations, retries).</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>When set, the write with this number (1-based) waits for <see cref="Resume"/> before it is forwarded;
    /// <see cref="Paused"/> completes when it arrives.</summary>
    public int? PauseAtWrite { get; set; }

    public TaskCompletionSource Paused { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Resume { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When set, called with each request's method, path and body before it is forwarded (e.g. to press
    /// Ctrl+C, cancelling the client's token, while that storage call is in flight).</summary>
    public Func<string, string, string, Task>? BeforeForward { get; set; }

    public string ConnectionString => _proxy.ConnectionString;

    public static async Task<FaultyStorageProxy> StartAsync()
    {
        var proxy = new FaultyStorageProxy();
        proxy._proxy = await AzuriteTableProxy.StartAsync(proxy.InterceptAsync);
        return proxy;
    }

    /// <returns>True when the request was answered here (an injected failure); false to let it through.</returns>
    private async Task<bool> InterceptAsync(HttpContext context)
    {
        var request = context.Request;
        Interlocked.Increment(ref _requests);

        if (BeforeForward is { } before)
        {
            request.EnableBuffering();
            var body = await new StreamReader(request.Body, leaveOpen: true).ReadToEndAsync();
            request.Body.Position = 0;
            await before(request.Method, request.Path.Value ?? string.Empty, body);
        }

        var isWrite = !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) &&
            !request.Path.Value!.EndsWith("/Tables", StringComparison.Ordinal); // creating a table is not a write of data
        var number = isWrite ? Interlocked.Increment(ref _writes) : 0;
        if (isWrite && number == PauseAtWrite)
        {
            Paused.TrySetResult();
            await Resume.Task;
        }

        if (isWrite && number > WritesBeforeFailure)
        {
            FailedWrites++;
            context.Response.StatusCode = Failure.Status;
            context.Response.ContentType = "application/json";
            context.Response.Headers["x-ms-error-code"] = Failure.Code;
            await context.Response.WriteAsync("{\"odata.error\":{\"code\":\"" + Failure.Code + "\",\"message\":{\"lang\":\"en-US\",\"value\":\"Injected failure.\"}}}");
            return true;
        }

        return false;
    }

    public ValueTask DisposeAsync() => _proxy.DisposeAsync();
}
