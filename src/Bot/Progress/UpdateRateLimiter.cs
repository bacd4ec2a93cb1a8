using System.Collections.Concurrent;

namespace CchcBot.Progress;

/// <summary>
/// At most <see cref="MaxPerWindow"/> status updates per user in any sliding <see cref="Window"/> (clock from
/// <see cref="TimeProvider"/>). In memory, per instance: with several instances behind one bot registration a user
/// can reach the limit once per instance, which is enough to stop a stuck client or a script from flooding the
/// history and the Chief of Office.
/// </summary>
public sealed class UpdateRateLimiter(TimeProvider time)
{
    public const int MaxPerWindow = 20;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>Beyond this many tracked users, users idle for a whole window are forgotten.</summary>
    private const int PruneAbove = 1000;

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _byUser = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>True (and the update counted) when the user is under the limit; false when the update must be refused.</summary>
    public bool TryAcquire(string agency, string user)
    {
        var now = time.GetUtcNow();
        var stamps = _byUser.GetOrAdd($"{agency}|{user}", _ => new Queue<DateTimeOffset>());
        bool acquired;
        lock (stamps)
        {
            while (stamps.Count > 0 && stamps.Peek() <= now - Window)
            {
                stamps.Dequeue();
            }

            acquired = stamps.Count < MaxPerWindow;
            if (acquired)
            {
                stamps.Enqueue(now);
            }
        }

        if (_byUser.Count > PruneAbove)
        {
            Prune(now);
        }

        return acquired;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, stamps) in _byUser)
        {
            lock (stamps)
            {
                if (stamps.Count == 0 || stamps.Last() <= now - Window)
                {
                    _byUser.TryRemove(new KeyValuePair<string, Queue<DateTimeOffset>>(key, stamps));
                }
            }
        }
    }
}
