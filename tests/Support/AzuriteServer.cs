using System.Diagnostics;
using System.Net.Sockets;

namespace CchcBot.TestSupport;

/// <summary>
/// The official Azure Storage emulator (npm azurite, pinned in package.json) — its Table and Blob services (and the
/// Queue service, which the bot does not use), each on a free loopback port, with in-memory persistence. One per test process; tests isolate themselves with a unique table
/// prefix (<see cref="NewPrefix"/>). Outage tests start their own with files on disk (<see cref="StartOnDisk"/>), which
/// they can stop and start again on the same port with the same data.
/// </summary>
public sealed class AzuriteServer : IDisposable
{
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly Lazy<AzuriteServer> SharedLazy = new(() =>
    {
        var server = Start();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
        return server;
    });

    private readonly string? _location;
    private readonly (int Table, int Blob, int Queue) _ports;
    private Process _process;

    private AzuriteServer(Process process, (int Table, int Blob, int Queue) ports, string? location)
    {
        _process = process;
        Port = ports.Table;
        BlobPort = ports.Blob;
        _ports = ports;
        _location = location;
    }

    public static AzuriteServer Shared => SharedLazy.Value;

    /// <summary>The emulator's node process (the benchmarks read its CPU time).</summary>
    public int ProcessId => _process.Id;

    /// <summary>The Table service's port.</summary>
    public int Port { get; }

    /// <summary>The Blob service's port.</summary>
    public int BlobPort { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;";

    /// <summary>A connection string to ports where nothing listens: storage "down".</summary>
    public static string UnreachableConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{FreePort.Next()}/devstoreaccount1;" +
        $"BlobEndpoint=http://127.0.0.1:{FreePort.Next()}/devstoreaccount1;";

    public static string NewPrefix() => "T" + Guid.NewGuid().ToString("N")[..12];

    public static AzuriteServer Start()
    {
        var ports = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        return new AzuriteServer(Launch(ports, location: null), ports, location: null);
    }

    /// <summary>An Azurite of its own that keeps its tables in a temporary folder (removed on dispose).</summary>
    public static AzuriteServer StartOnDisk()
    {
        var location = Directory.CreateTempSubdirectory("cchc-azurite-").FullName;
        var ports = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        return new AzuriteServer(Launch(ports, location), ports, location);
    }

    /// <summary>Stops an on-disk Azurite with SIGINT, the signal on which it writes its files, and waits for it.</summary>
    public void Stop()
    {
        if (_location is null)
        {
            throw new InvalidOperationException("Only an on-disk Azurite can be stopped and started again.");
        }

        ChildProcess.Signal(_process, "INT");
        if (!_process.WaitForExit(15_000))
        {
            throw new TimeoutException("Azurite did not stop within 15 s of SIGINT.");
        }
    }

    /// <summary>Starts a stopped on-disk Azurite again, on the same port and with the same data.</summary>
    public void Restart()
    {
        _process.Dispose();
        _process = Launch(_ports, _location ?? throw new InvalidOperationException("Only an on-disk Azurite can be started again."));
    }

    private static Process Launch((int Table, int Blob, int Queue) ports, string? location)
    {
        var script = RepoPaths.Of("node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed ({script} missing): run scripts/install-tools.sh (npm ci).");
        }

        var psi = NodeServer.StartInfo(
            script,
            "--tableHost", "127.0.0.1", "--tablePort", ports.Table.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--blobHost", "127.0.0.1", "--blobPort", ports.Blob.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", ports.Queue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--disableTelemetry", "--skipApiVersionCheck", "--loose", "--silent");
        if (location is null)
        {
            psi.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            psi.ArgumentList.Add("--location");
            psi.ArgumentList.Add(location);
        }

        var process = ChildProcess.StartQuiet(psi);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} before listening.");
            }

            if (Listens(ports.Table) && Listens(ports.Blob))
            {
                return process;
            }

            Thread.Sleep(100);
        }

        ChildProcess.Kill(process);
        throw new TimeoutException("Azurite did not listen within 30 s.");
    }

    private static bool Listens(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        ChildProcess.Kill(_process);
        if (_location is not null)
        {
            Directory.Delete(_location, recursive: true);
        }
    }
}
