using Azure.Core;

namespace CchcBot.Storage;

/// <summary>
/// Settings under "Storage:Retry": how the Azure SDK retries a storage request that failed for a transient reason
/// (no answer, 408, 429, 5xx), for tables and blobs alike. The names are the SDK's own (<see cref="RetryOptions"/>);
/// the defaults are what the bot always did: 2 retries, exponential from 0.8 s, at most 1 minute apart; a request that
/// gets no answer is given up after 10 s for tables, 30 s for blobs (report and evidence files are larger).
/// </summary>
public sealed class StorageRetryOptions
{
    public const string Section = "Storage:Retry";

    public static readonly TimeSpan TableNetworkTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan BlobNetworkTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first try (0 = none).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first retry's delay; each next one doubles it (with jitter), up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(0.8);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one try waits for an answer; empty: 10 s for tables, 30 s for blobs.</summary>
    public TimeSpan? NetworkTimeout { get; set; }

    public IEnumerable<string> Validate()
    {
        if (MaxRetries is < 0 or > 10)
        {
            yield return $"Storage:Retry:MaxRetries {MaxRetries} is out of range: 0–10.";
        }

        if (Delay < TimeSpan.Zero || Delay > TimeSpan.FromMinutes(1))
        {
            yield return $"Storage:Retry:Delay {Delay} is out of range: 00:00:00 to 00:01:00.";
        }

        if (MaxDelay < Delay || MaxDelay > TimeSpan.FromMinutes(10))
        {
            yield return $"Storage:Retry:MaxDelay {MaxDelay} is out of range: from Storage:Retry:Delay to 00:10:00.";
        }

        if (NetworkTimeout is { } timeout && (timeout < TimeSpan.FromSeconds(1) || timeout > TimeSpan.FromMinutes(10)))
        {
            yield return $"Storage:Retry:NetworkTimeout {timeout} is out of range: 00:00:01 to 00:10:00.";
        }
    }

    /// <summary>
    /// Sets one client's options: these retries (tables and blobs differ in their default network timeout), and no SDK
    /// request log — Microsoft.Extensions.Azure would forward it to the bot's log, a warning for every expected 404 or 409
    /// (a claim already taken, a missing row deleted), with the keys (agency, addresses) in its URLs.
    /// </summary>
    public void ApplyTo(ClientOptions options, TimeSpan defaultNetworkTimeout)
    {
        options.Diagnostics.IsLoggingEnabled = false;
        var retry = options.Retry;
        retry.Mode = RetryMode.Exponential;
        retry.MaxRetries = MaxRetries;
        retry.Delay = Delay;
        retry.MaxDelay = MaxDelay;
        retry.NetworkTimeout = NetworkTimeout ?? defaultNetworkTimeout;
    }
}
