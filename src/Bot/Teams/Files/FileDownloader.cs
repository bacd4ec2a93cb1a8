using Microsoft.Extensions.Options;

namespace CchcBot.Teams.Files;

public enum DownloadFailure
{
    HostNotAllowed,
    TooLarge,
    NotAvailable,
    TimedOut,
}

/// <summary>The bytes of a downloaded file, or why there are none.</summary>
public sealed record DownloadResult(byte[]? Content, DownloadFailure? Failure)
{
    public static DownloadResult Of(byte[] content) => new(content, null);

    public static DownloadResult Failed(DownloadFailure why) => new(null, why);
}

/// <summary>
/// Downloads a file Teams pointed to — only from the allowed hosts, never following a redirect elsewhere, at most
/// <c>maxBytes</c> whatever the server claims, within the configured timeout.
/// </summary>
public sealed class FileDownloader(IHttpClientFactory httpClients, IOptions<FileDownloadOptions> options, ILogger<FileDownloader> logger)
{
    public const string HttpClientName = "TeamsFiles";

    public async Task<DownloadResult> DownloadAsync(Uri address, long maxBytes, CancellationToken ct)
    {
        if (!options.Value.Allows(address))
        {
            logger.LogWarning("Refused to download a file from {Host}: not in Import:AllowedDownloadHosts", address.Host);
            return DownloadResult.Failed(DownloadFailure.HostNotAllowed);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.DownloadTimeoutSeconds));
        try
        {
            using var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.GetAsync(address, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Downloading a file from {Host} answered {Status}", address.Host, (int)response.StatusCode);
                return DownloadResult.Failed(DownloadFailure.NotAvailable);
            }

            if (response.Content.Headers.ContentLength > maxBytes)
            {
                return DownloadResult.Failed(DownloadFailure.TooLarge);
            }

            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, timeout.Token)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return DownloadResult.Failed(DownloadFailure.TooLarge);
                }

                buffer.Write(chunk, 0, read);
            }

            return DownloadResult.Of(buffer.ToArray());
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Downloading a file from {Host} took longer than {Seconds} s", address.Host, options.Value.DownloadTimeoutSeconds);
            return DownloadResult.Failed(DownloadFailure.TimedOut);
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning(ex, "Downloading a file from {Host} failed", address.Host);
            return DownloadResult.Failed(DownloadFailure.NotAvailable);
        }
    }
}
