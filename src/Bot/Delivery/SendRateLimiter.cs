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
            // Per tenant the sends are also spread evenly (one every 1/limit s, 4% slow): a burst released at a window
            // edge would reach Teams bunched up with the previous window's late arrivals.
            _logs.GetOrAdd("t|" + tenant, _ => new SlidingLog(o.PerTenantPerSecond, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.04 / o.PerTenantPerSecond))),
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

            await Task.Delay(wait, ct);
        }
    }

    private sealed class SlidingLog(int limit, TimeSpan window, TimeSpan spacing = default)
    {
        private readonly Queue<DateTimeOffset> _times = new();
        private DateTimeOffset _last = DateTimeOffset.MinValue;

        /// <summary>How long until one more send fits (zero or less: now).</summary>
        public TimeSpan WaitAt(DateTimeOffset now)
        {
            while (_times.Count > 0 && now - _times.Peek() >= window)
            {
                _times.Dequeue();
            }

            var forWindow = _times.Count < limit ? TimeSpan.Zero : _times.Peek() + window - now;
            var forSpacing = _last == DateTimeOffset.MinValue ? TimeSpan.Zero : _last + spacing - now;
            return forWindow > forSpacing ? forWindow : forSpacing;
        }

        public void Record(DateTimeOffset now)
        {
            _times.Enqueue(now);
            _last = now;
        }
    }
}
