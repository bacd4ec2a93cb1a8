using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CchcBot.Delivery;

/// <summary>
/// Client-side pacing under Teams' documented limits: per conversation 7 per second and 60 per 30 seconds, per app
/// and tenant 50 per second (all configurable). Each limit is a sliding log of send times, so no span of the window's
/// length — wherever Teams starts counting — ever holds more than the limit (fixed windows allow twice the limit
/// across a window edge, and token buckets depend on timer resolution). Waits rather than refuses: a sweep slows
/// down, it never drops a message. Pacing uses real time, never the bot's logical clock (tests freeze that one).
public sealed class SendRateLimiter(IOptions<DeliveryOptions> options)
{
    private readonly ConcurrentDictionary<string, SlidingLog> _logs = new();
    private readonly TimeProvider _clock = TimeProvider.System;

    /// <summary>Waits until one more message may go to this conversation in this tenant, and counts it.</summary>
    public async Task AcquireAsync(string tenant, string conversation, CancellationToken ct)
    {
        var o = options.Value;
        var limits = new[]
        {
            // 8% under the tenant limit: a request reaches Teams a moment after its permit, and concurrent ones may land
            // closer together than they were released.
            _logs.GetOrAdd("t|" + tenant, _ => new SlidingLog(Math.Max(1, (int)(o.PerTenantPerSecond * 0.92)), TimeSpan.FromSeconds(1))),
            _logs.GetOrAdd("c1|" + conversation, _ => new SlidingLog(o.PerConversationPerSecond, TimeSpan.FromSeconds(1))),
            _logs.GetOrAdd("c30|" + conversation, _ => new SlidingLog(o.PerConversationPer30Seconds, TimeSpan.FromSeconds(30))),
        };
        while (true)
        {
            TimeSpan wait;
            lock (this)
            {
                var now = _clock.GetUtcNow();
                wait = limits.Select(l => l.WaitAt(now)).Max();
                if (wait <= TimeSpan.Zero)
                {
                    foreach (var l in limits)
                    {
                        l.Record(now);
                    }

                    return;
                }
            }

            await Task.Delay(wait + TimeSpan.FromMilliseconds(2), ct);
        }
    }

    private sealed class SlidingLog(int limit, TimeSpan window)
    {
        private readonly Queue<DateTimeOffset> _times = new();

        /// <summary>How long until one more send fits in the window (zero or less: now).</summary>
        public TimeSpan WaitAt(DateTimeOffset now)
        {
            while (_times.Count > 0 && now - _times.Peek() >= window)
            {
                _times.Dequeue();
            }

            return _times.Count < limit ? TimeSpan.Zero : _times.Peek() + window - now;
        }

        public void Record(DateTimeOffset now) => _times.Enqueue(now);
    }
}
