using System.Diagnostics;
using System.Text;
using CchcBot.TestSupport;
using Microsoft.AspNetCore.Http;

namespace CchcBot.Bench;

/// <summary>
/// A loopback HTTP proxy in front of the shared Azurite that counts what the bot reads: Table entities returned by
/// GET requests (each carries an "odata.etag"), requests by kind, and how long Azurite took to answer the reads of
/// each table (from the request's arrival to its answer's end, summed over concurrent requests).
/// </summary>
public sealed class CountingStorageProxy : IAsyncDisposable
{
    private const string Arrived = "arrived";
    private static readonly int Prefix = AzuriteServer.NewPrefix().Length;
    private static readonly byte[] Etag = Encoding.UTF8.GetBytes("\"odata.etag\"");
    private AzuriteTableProxy _proxy = null!;
    private long _entitiesRead;
    private long _reads;
    private long _writes;
    private int _failures;
    private readonly Dictionary<string, (int Reads, double Milliseconds)> _readTimes = new(StringComparer.Ordinal);

    private CountingStorageProxy()
    {
    }

    public string ConnectionString => _proxy.ConnectionString;

    public long EntitiesRead => Interlocked.Read(ref _entitiesRead);

    public long Reads => Interlocked.Read(ref _reads);

    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>The reads of each table (its name without the bench's prefix) and the milliseconds Azurite took to answer them.</summary>
    public IReadOnlyDictionary<string, (int Reads, double Milliseconds)> ReadTimes
    {
        get
        {
            lock (_readTimes)
            {
                return new Dictionary<string, (int, double)>(_readTimes, StringComparer.Ordinal);
            }
        }
    }

    public void Reset()
    {
        Interlocked.Exchange(ref _entitiesRead, 0);
        Interlocked.Exchange(ref _reads, 0);
        Interlocked.Exchange(ref _writes, 0);
        lock (_readTimes)
        {
            _readTimes.Clear();
        }
    }

    public static async Task<CountingStorageProxy> StartAsync()
    {
        var proxy = new CountingStorageProxy();
        proxy._proxy = await AzuriteTableProxy.StartAsync(
            context =>
            {
                Interlocked.Increment(ref HttpMethods.IsGet(context.Request.Method) ? ref proxy._reads : ref proxy._writes);
                context.Items[Arrived] = Stopwatch.GetTimestamp();
                return Task.FromResult(false);
            },
            (request, content) =>
            {
                if (HttpMethods.IsGet(request.Method))
                {
                    Interlocked.Add(ref proxy._entitiesRead, Count(content));
                    var taken = Stopwatch.GetElapsedTime((long)request.HttpContext.Items[Arrived]!).TotalMilliseconds;
                    lock (proxy._readTimes)
                    {
                        var table = TableOf(request.Path);
                        var (reads, milliseconds) = proxy._readTimes.GetValueOrDefault(table);
                        proxy._readTimes[table] = (reads + 1, milliseconds + taken);
                    }
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

    /// <summary>"/devstoreaccount1/T0123456789abTasks(PartitionKey=…)" → "Tasks" (the bench's prefixes: <see cref="AzuriteServer.NewPrefix"/>).</summary>
    private static string TableOf(PathString path)
    {
        var segment = (path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1) ?? string.Empty;
        var name = segment.Split('(')[0];
        return name.Length > Prefix && name[0] == 'T' ? name[Prefix..] : name;
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
