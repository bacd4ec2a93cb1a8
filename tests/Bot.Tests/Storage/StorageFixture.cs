using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Storage;

/// <summary>Fresh tables (a unique prefix) on the shared Azurite for each test class instance.</summary>
public static class TestTables
{
    /// <summary>
    /// The tests' storage retries: as many as production's (2), but 10 ms apart instead of 0.8 s, so a test of a storage
    /// outage does not wait seconds for retries that cannot succeed.
    /// </summary>
    public static StorageRetryOptions Retry => new() { MaxRetries = 2, Delay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50) };

    /// <summary><see cref="Retry"/> as settings (Storage:Retry:*), for a bot or a command started by a test.</summary>
    public static IReadOnlyDictionary<string, string?> RetrySettings { get; } = new Dictionary<string, string?>
    {
        ["Storage:Retry:MaxRetries"] = "2",
        ["Storage:Retry:Delay"] = "00:00:00.010",
        ["Storage:Retry:MaxDelay"] = "00:00:00.050",
    };

    public static CchcTables Create(string? prefix = null) =>
        new(AzuriteServer.Shared.ConnectionString, prefix ?? AzuriteServer.NewPrefix(), Retry);
}
