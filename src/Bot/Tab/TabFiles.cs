using System.Collections.Concurrent;
using System.IO.Compression;

namespace CchcBot.Tab;

/// <summary>
/// The page's built files (index.html, config.html, the bundle), from the "tab" folder beside the executable (or
/// Tab:WebRoot), gzip-compressed once in memory for clients that accept it. Only files directly in that folder, with
/// the page's own extensions, are served.
/// </summary>
public sealed class TabFiles(IConfiguration configuration, ILogger<TabFiles> logger)
{
    /// <summary>Teams' hosts may frame the page, nobody else; the page loads nothing from elsewhere.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; " +
        "frame-ancestors teams.microsoft.com *.teams.microsoft.com *.cloud.microsoft";

    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
    };

    private readonly ConcurrentDictionary<string, (byte[] Plain, byte[] Gzip)> _cache = new(StringComparer.Ordinal);
    private readonly string _root = Path.GetFullPath(configuration["Tab:WebRoot"] is { Length: > 0 } root ? root : Path.Combine(AppContext.BaseDirectory, "tab"));
    private int _warned;

    public IResult Serve(HttpContext http, string? file)
    {
        var name = string.IsNullOrEmpty(file) ? "index.html" : file;
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "no-cache";
        if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name.StartsWith('.')
            || !Types.TryGetValue(Path.GetExtension(name), out var type))
        {
            return Results.NotFound();
        }

        var path = Path.Combine(_root, name);
        if (!File.Exists(path))
        {
            if (name == "index.html" && Interlocked.Exchange(ref _warned, 1) == 0)
            {
                logger.LogWarning("The tab page is not built ({Path} is missing): run scripts/install-tools.sh, then build the bot again", path);
            }

            return Results.NotFound();
        }

        var (plain, gzip) = _cache.GetOrAdd(path, Load);
        http.Response.Headers.Vary = "Accept-Encoding";
        if (http.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.Headers.ContentEncoding = "gzip";
            return Results.Bytes(gzip, type);
        }

        return Results.Bytes(plain, type);
    }

    private static (byte[], byte[]) Load(string path)
    {
        var plain = File.ReadAllBytes(path);
        using var buffer = new MemoryStream();
        using (var zip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zip.Write(plain);
        }

        return (plain, buffer.ToArray());
    }
}
