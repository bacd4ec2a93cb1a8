using Microsoft.Extensions.Options;

namespace CchcBot.Teams.Delivery;

/// <summary>
/// Client-side limits under Teams' documented ones: per conversation 7 per second and 60 per 30 seconds, per app and
/// tenant 50 per second (all configurable). Each limit is an exact sliding log: a send holds one place in each of its
/// logs from the moment it is let through until one window after its answer came back. Teams counts a request at some
/// instant between those two, so however late or unevenly requests reach it, no span of a window's length — wherever
/// it starts counting — ever holds more than the limit (a fixed window allows twice the limit across its edge; even
/// spacing loses every late wake-up for good). Within that bound sends go as soon as a place is free: after a pause
/// (a late timer, a slow storage read) the log catches up at once instead of falling behind.
/// Waits rather than refuses: a sweep slows down, it never drops a message. The clock is real time (tests inject a
/// fake one), never the bot's logical clock, which tests freeze. Logs of idle conversations are dropped.
/// </summary>
public sealed class SendRateLimiter
{
    private static readonly TimeSpan EvictEvery = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, SlidingLog> _logs = new(StringComparer.Ordinal);
    private readonly LinkedList<Waiter> _waiting = new();
    private readonly IOptions<DeliveryOptions> _options;
    private readonly TimeProvider _clock;
    private ITimer? _timer;
    private DateTimeOffset _nextEviction = DateTimeOffset.MinValue;
    private bool _pumping;
    private bool _pumpAgain;

    public SendRateLimiter(IOptions<DeliveryOptions> options)
        : this(options, TimeProvider.System)
    {
    }

    /// <param name="clock">Real time in the bot; a fake clock in the limiter's own tests.</param>
    internal SendRateLimiter(IOptions<DeliveryOptions> options, TimeProvider clock)
    {
        _options = options;
        _clock = clock;
    }

    /// <summary>How many logs (tenants and conversations) are kept now: idle ones are dropped.</summary>
    internal int TrackedLogs
    {
        get
        {
            lock (_gate)
            {
                return _logs.Count;
            }
        }
    }

    /// <summary>
    /// Waits until one more request may go to this conversation in this tenant and takes its places. Dispose the slot
    /// when the request's answer (any answer, or a failure) has come back: the places are held until a window later.
    /// Waiters are served in arrival order, each as soon as its own logs have room (a busy conversation does not hold
    /// up the others).
    /// </summary>
    public async Task<SendSlot> AcquireAsync(string tenant, string conversation, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var waiter = new Waiter(tenant, conversation);
        var now = _clock.GetUtcNow();
        List<Waiter> admitted;
        lock (_gate)
        {
            _waiting.AddLast(waiter.Node);
            admitted = Pump(now);
        }

        Complete(admitted);
        if (waiter.Done.Task.IsCompleted)
        {
            return await waiter.Done.Task.ConfigureAwait(false);
        }

        await using var registration = ct.Register(() =>
        {
            bool removed;
            lock (_gate)
            {
                removed = waiter.Node.List is not null;
                if (removed)
                {
                    _waiting.Remove(waiter.Node);
                }
            }

            if (removed)
            {
                waiter.Done.TrySetCanceled(ct);
            }
        }).ConfigureAwait(false);
        return await waiter.Done.Task.ConfigureAwait(false);
    }

    private void Release(Place place)
    {
        var now = _clock.GetUtcNow();
        List<Waiter> admitted;
        lock (_gate)
        {
            if (place.Answered is not null)
            {
                return;
            }

            place.Answered = now;
            admitted = Pump(now);
        }

        Complete(admitted);
    }

    private void OnTimer()
    {
        var now = _clock.GetUtcNow();
        List<Waiter> admitted;
        lock (_gate)
        {
            admitted = Pump(now);
        }

        Complete(admitted);
    }

    /// <summary>
    /// Under the gate: lets through every waiting request that fits now, in arrival order, and sets the timer for the
    /// earliest moment a place leaves its window for someone still waiting (a place in flight frees only when its answer
    /// comes: <see cref="Release"/> pumps then). The clock is read before the gate is taken, so a clock that runs timer
    /// callbacks inline never waits for the gate while holding its own lock; a reading a little old is only cautious.
    /// A pump re-entered from inside (a timer fired inline) is folded into the running one.
    /// </summary>
    private List<Waiter> Pump(DateTimeOffset now)
    {
        var admitted = new List<Waiter>();
        if (_pumping)
        {
            _pumpAgain = true;
            return admitted;
        }

        _pumping = true;
        try
        {
            TimeSpan? earliest;
            do
            {
                _pumpAgain = false;
                EvictIdle(now);
                earliest = null;
                var o = _options.Value;
                for (var node = _waiting.First; node is not null;)
                {
                    var next = node.Next;
                    var w = node.Value;
                    SlidingLog[] logs =
                    [
                        Log("t|" + w.Tenant, o.PerTenantPerSecond, TimeSpan.FromSeconds(1)),
                        Log("c1|" + w.Conversation, o.PerConversationPerSecond, TimeSpan.FromSeconds(1)),
                        Log("c30|" + w.Conversation, o.PerConversationPer30Seconds, TimeSpan.FromSeconds(30)),
                    ];
                    var fits = true;
                    TimeSpan? wait = null;
                    foreach (var log in logs)
                    {
                        if (log.IsFull(now, out var frees))
                        {
                            fits = false;
                            if (frees is { } f && (wait is null || f > wait))
                            {
                                wait = f;
                            }
                        }
                    }

                    if (fits)
                    {
                        var place = new Place(now);
                        foreach (var log in logs)
                        {
                            log.Add(place);
                        }

                        _waiting.Remove(node);
                        w.Slot = new SendSlot(this, place);
                        admitted.Add(w);
                    }
                    else if (wait is { } due && (earliest is null || due < earliest))
                    {
                        earliest = due;
                    }

                    node = next;
                }

                if (earliest is { } delay)
                {
                    _timer ??= _clock.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                    _timer.Change(delay, Timeout.InfiniteTimeSpan);
                }
            }
            while (_pumpAgain);
        }
        finally
        {
            _pumping = false;
        }

        return admitted;
    }

    /// <summary>Outside the gate: the admitted waiters continue on the thread pool.</summary>
    private static void Complete(List<Waiter> admitted)
    {
        foreach (var w in admitted)
        {
            w.Done.TrySetResult(w.Slot!);
        }
    }

    private SlidingLog Log(string key, int limit, TimeSpan window)
    {
        if (!_logs.TryGetValue(key, out var log) || log.Limit != limit || log.Window != window)
        {
            _logs[key] = log = new SlidingLog(limit, window);
        }

        return log;
    }

    private void EvictIdle(DateTimeOffset now)
    {
        if (now < _nextEviction)
        {
            return;
        }

        _nextEviction = now + EvictEvery;
        foreach (var (key, log) in _logs.ToList())
        {
            if (log.IsIdle(now))
            {
                _logs.Remove(key);
            }
        }
    }

    private sealed class Waiter
    {
        public Waiter(string tenant, string conversation)
        {
            Tenant = tenant;
            Conversation = conversation;
            Node = new LinkedListNode<Waiter>(this);
        }

        public string Tenant { get; }

        public string Conversation { get; }

        public LinkedListNode<Waiter> Node { get; }

        public TaskCompletionSource<SendSlot> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public SendSlot? Slot { get; set; }
    }

    /// <summary>One request's place in its logs: let through at <see cref="At"/>, answered at <see cref="Answered"/>.</summary>
    internal sealed class Place(DateTimeOffset at)
    {
        public DateTimeOffset At { get; } = at;

        public DateTimeOffset? Answered { get; set; }
    }

    private sealed class SlidingLog(int limit, TimeSpan window)
    {
        private readonly List<Place> _places = [];

        public int Limit => limit;

        public TimeSpan Window => window;

        /// <param name="frees">When full: how long until the earliest answered place leaves the window; null when every
        /// place is still in flight (a place frees only after an answer).</param>
        public bool IsFull(DateTimeOffset now, out TimeSpan? frees)
        {
            Purge(now);
            frees = null;
            if (_places.Count < limit)
            {
                return false;
            }

            foreach (var p in _places)
            {
                // Strictly more than a window after the answer: Teams may count both ends of its window.
                if (p.Answered is { } answered && (frees is null || answered + window - now + TimeSpan.FromTicks(1) < frees))
                {
                    frees = answered + window - now + TimeSpan.FromTicks(1);
                }
            }

            return true;
        }

        public void Add(Place place) => _places.Add(place);

        public bool IsIdle(DateTimeOffset now)
        {
            Purge(now);
            return _places.Count == 0;
        }

        private void Purge(DateTimeOffset now) => _places.RemoveAll(p => p.Answered is { } answered && now - answered > window);
    }

    /// <summary>A request's places in the logs; disposing it (when the answer came back) starts their window.</summary>
    public sealed class SendSlot : IDisposable
    {
        private readonly SendRateLimiter _owner;
        private readonly Place _place;

        internal SendSlot(SendRateLimiter owner, Place place)
        {
            _owner = owner;
            _place = place;
        }

        /// <summary>When the request was let through.</summary>
        public DateTimeOffset At => _place.At;

        public void Dispose() => _owner.Release(_place);
    }
}
