using CchcBot.Teams.Delivery;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CchcBot.Bot.Tests.Delivery;

/// <summary>
/// The delivery limiter on a fake clock: it lets a burst through up to each limit (catching up after a pause instead of
/// spacing sends evenly), holds a place from a send's start until one window after its answer, and — over random
/// schedules of arrivals and answer times — never lets more than a limit's count reach any window of its length,
/// wherever the server stamps a request between its start and its answer.
/// </summary>
public sealed class SendRateLimiterTests
{
    private const string Tenant = "tenant-1";
    private static readonly DateTimeOffset T0 = new(2026, 6, 23, 1, 0, 0, TimeSpan.Zero);

    private static SendRateLimiter Limiter(FakeTimeProvider clock, int perTenant = 50, int perConversation = 7, int per30 = 60) =>
        new(Options.Create(new DeliveryOptions { PerTenantPerSecond = perTenant, PerConversationPerSecond = perConversation, PerConversationPer30Seconds = per30 }), clock);

    [Fact]
    public async Task A_burst_up_to_the_tenant_limit_goes_at_once_and_the_next_waits_one_window_after_the_answers()
    {
        var clock = new FakeTimeProvider(T0);
        var limiter = Limiter(clock);
        var first = Enumerable.Range(0, 50).Select(i => limiter.AcquireAsync(Tenant, "c" + i, default)).ToList();
        Assert.All(first, t => Assert.True(t.IsCompletedSuccessfully, "a send within the limit waited: the limiter spaces sends instead of catching up"));

        var next = limiter.AcquireAsync(Tenant, "c-next", default);
        clock.Advance(TimeSpan.FromMilliseconds(10));
        foreach (var t in first)
        {
            (await t).Dispose(); // answered at T0 + 10 ms
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        await Settle();
        Assert.False(next.IsCompleted, "let through exactly one window after the answers: Teams may count both ends");

        clock.Advance(TimeSpan.FromTicks(1));
        var slot = await next.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(T0 + TimeSpan.FromMilliseconds(1010) + TimeSpan.FromTicks(1), slot.At);
    }

    [Fact]
    public async Task A_send_in_flight_holds_its_place_until_a_window_after_its_answer()
    {
        var clock = new FakeTimeProvider(T0);
        var limiter = Limiter(clock);
        var first = new List<SendRateLimiter.SendSlot>();
        for (var i = 0; i < 50; i++)
        {
            first.Add(await limiter.AcquireAsync(Tenant, "c" + i, default));
        }

        var next = limiter.AcquireAsync(Tenant, "c-next", default);
        clock.Advance(TimeSpan.FromSeconds(5));
        await Settle();
        Assert.False(next.IsCompleted, "50 sends still in flight, yet a 51st was let through");

        first[17].Dispose();
        clock.Advance(TimeSpan.FromMilliseconds(999));
        await Settle();
        Assert.False(next.IsCompleted);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        await Settle();
        Assert.False(next.IsCompleted, "let through exactly one window after the answer");

        clock.Advance(TimeSpan.FromTicks(1));
        var slot = await next.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(T0 + TimeSpan.FromSeconds(6) + TimeSpan.FromTicks(1), slot.At);
    }

    [Fact]
    public async Task One_conversation_gets_7_at_once_then_waits_while_others_go_on()
    {
        var clock = new FakeTimeProvider(T0);
        var limiter = Limiter(clock);
        var seven = Enumerable.Range(0, 7).Select(_ => limiter.AcquireAsync(Tenant, "busy", default)).ToList();
        Assert.All(seven, t => Assert.True(t.IsCompletedSuccessfully));
        var eighth = limiter.AcquireAsync(Tenant, "busy", default);
        var other = limiter.AcquireAsync(Tenant, "quiet", default);
        Assert.True(other.IsCompletedSuccessfully, "another conversation waited for the busy one");
        foreach (var t in seven)
        {
            (await t).Dispose();
        }

        await Settle();
        Assert.False(eighth.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1) + TimeSpan.FromTicks(1));
        await eighth.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_cancelled_wait_throws_and_takes_no_place()
    {
        var clock = new FakeTimeProvider(T0);
        var limiter = Limiter(clock, perTenant: 1);
        var held = await limiter.AcquireAsync(Tenant, "a", default);
        using var cancel = new CancellationTokenSource();
        var waiting = limiter.AcquireAsync(Tenant, "b", cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));

        held.Dispose();
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(limiter.AcquireAsync(Tenant, "c", default).IsCompletedSuccessfully, "the cancelled wait kept a place");
    }

    [Fact]
    public async Task Logs_of_idle_conversations_are_dropped()
    {
        var clock = new FakeTimeProvider(T0);
        var limiter = Limiter(clock);
        for (var i = 0; i < 200; i++)
        {
            (await limiter.AcquireAsync(Tenant, "c" + i, default)).Dispose();
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.True(limiter.TrackedLogs > 100);
        clock.Advance(TimeSpan.FromSeconds(31));
        (await limiter.AcquireAsync(Tenant, "last", default)).Dispose();
        Assert.Equal(3, limiter.TrackedLogs); // the tenant and the last conversation's two
    }

    [Theory]
    [InlineData(1, 50, 7, 60)]
    [InlineData(2, 10, 3, 8)]
    [InlineData(3, 5, 2, 4)]
    public async Task Random_schedules_never_put_more_than_a_limit_in_any_window(int seed, int perTenant, int perConversation, int per30)
    {
        var clock = new FakeTimeProvider(T0);
        var limiter = Limiter(clock, perTenant, perConversation, per30);
        var random = new Random(seed);
        string[] tenants = ["t1", "t2"];
        var pending = new List<(Task<SendRateLimiter.SendSlot> Task, string Tenant, string Conversation)>();
        var held = new List<(SendRateLimiter.SendSlot Slot, string Tenant, string Conversation, DateTimeOffset AnswerAt)>();
        var sent = new List<(string Tenant, string Conversation, DateTimeOffset Start, DateTimeOffset Answered)>();
        for (var step = 0; step < 800 || pending.Count > 0 || held.Count > 0; step++)
        {
            // Arrivals while fewer than 30 wait (a sweep's bounded parallelism), at most 3 waiting per conversation.
            for (var n = random.Next(0, 4); step < 800 && n > 0 && pending.Count < 30; n--)
            {
                // A few busy conversations (they meet the per-conversation limits) among many quiet ones.
                var conversation = random.Next(3) == 0 ? "busy" + random.Next(3) : "c" + random.Next(40);
                var tenant = tenants[random.Next(tenants.Length)];
                if (pending.Count(p => p.Conversation == conversation) < 3)
                {
                    pending.Add((limiter.AcquireAsync(tenant, conversation, default), tenant, conversation));
                }
            }

            if (pending.Count > 0)
            {
                await Task.Yield(); // a waiter seen late here only holds its place longer
            }

            foreach (var p in pending.Where(p => p.Task.IsCompleted).ToList())
            {
                pending.Remove(p);
                var latency = random.Next(10) switch { 0 => TimeSpan.Zero, 1 => TimeSpan.FromSeconds(2), _ => TimeSpan.FromMilliseconds(random.Next(1, 300)) };
                held.Add((await p.Task, p.Tenant, p.Conversation, clock.GetUtcNow() + latency));
            }

            foreach (var h in held.Where(h => h.AnswerAt <= clock.GetUtcNow()).ToList())
            {
                held.Remove(h);
                h.Slot.Dispose();
                sent.Add((h.Tenant, h.Conversation, h.Slot.At, clock.GetUtcNow()));
            }

            clock.Advance(TimeSpan.FromMilliseconds(random.Next(0, 40)));
            Assert.True(step < 20_000, $"stuck: {pending.Count} waiting ({string.Join(", ", pending.Take(5).Select(p => p.Tenant + "/" + p.Conversation + " " + p.Task.Status))}), {held.Count} held, {sent.Count} sent");
        }

        Assert.True(sent.Count > 8 * perTenant, $"only {sent.Count} sends: the schedule did not test much");
        AssertNoWindowOver(sent.GroupBy(s => s.Tenant), perTenant, TimeSpan.FromSeconds(1));
        AssertNoWindowOver(sent.GroupBy(s => s.Conversation), perConversation, TimeSpan.FromSeconds(1));
        AssertNoWindowOver(sent.GroupBy(s => s.Conversation), per30, TimeSpan.FromSeconds(30));
        // And it went near the limit: the busy conversations were kept at their 30-second limit most of the time.
        var busy = sent.Where(s => s.Conversation == "busy0").ToList();
        var span = (busy.Max(s => s.Answered) - busy.Min(s => s.Start)).TotalSeconds;
        Assert.True(busy.Count >= 0.8 * per30 * span / 30, $"busy0 got {busy.Count} sends in {span:0} s");
    }

    /// <summary>A server may stamp a request anywhere from its start to its answer: no closed span of the window's
    /// length may meet more than the limit's count of requests.</summary>
    private static void AssertNoWindowOver<TKey>(IEnumerable<IGrouping<TKey, (string Tenant, string Conversation, DateTimeOffset Start, DateTimeOffset Answered)>> groups, int limit, TimeSpan window)
    {
        foreach (var group in groups)
        {
            var list = group.ToList();
            foreach (var from in list.Select(s => s.Answered).Distinct())
            {
                var meeting = list.Count(s => s.Answered >= from && s.Start <= from + window);
                Assert.True(meeting <= limit, $"{group.Key}: {meeting} requests meet the {window.TotalSeconds:0} s window from {from:HH:mm:ss.fffffff} (limit {limit})");
            }
        }
    }

    /// <summary>Lets waiters woken by the fake clock or a release (they continue on the thread pool) take their turn.</summary>
    private static async Task Settle()
    {
        for (var i = 0; i < 3; i++)
        {
            await Task.Delay(1);
        }
    }
}
