using System.Text;
using CchcBot.TestSupport;
using Microsoft.AspNetCore.Http;

namespace CchcBot.Bench;

/// <summary>
/// A loopback HTTP proxy in front of the shared Azurite that counts what the bot reads: Table entities returned by
/// GET requests (each carries an "odata.etag"), and requests by kind.
/// </summary>
public sealed class CountingStorageProxy : IAsyncDisposable
{
    private static readonly byte[] Etag = Encoding.UTF8.GetBytes("\"odata.etag\"");
    private AzuriteTableProxy _proxy = null!;
    private long _entitiesRead;
    private long _reads;
    private long _writes;
    private int _failures;

    private CountingStorageProxy()
    {
    }

    public string ConnectionString => _proxy.ConnectionString;

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
        var proxy = new CountingStorageProxy();
        proxy._proxy = await AzuriteTableProxy.StartAsync(
            context =>
            {
                Interlocked.Increment(ref HttpMethods.IsGet(context.Request.Method) ? ref proxy._reads : ref proxy._writes);
                return Task.FromResult(false);
            },
            (request, content) =>
            {
                if (HttpMethods.IsGet(request.Method))
                {
                    Interlocked.Add(ref proxy._entitiesRead, Count(content));
                }
            },
            (context, e) =>
            {
                if (Interlocked.Increment(ref proxy._failures) <= 3)
                {
                    Console.WriteLine($"  storage proxy: {context.Request.Method} {context.Request.Path}: {e.GetType().Name}: {e.Message}");
                }
            });
        return proxy;
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

    public ValueTask DisposeAsync() => _proxy.DisposeAsync();
}
