using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CchcBot.Delivery;

/// <summary>
/// Client-side pacing under Teams' documented limits: per conversation 7 per second and 60 per 30 seconds, per app
/// and tenant 50 per second (all configurable). Waits rather than refuses: a reminder sweep slows down, it never drops.
/// </summary>
public sealed class SendRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<(string Tenant, string Conversation)> _limiter;

    public SendRateLimiter(IOptions<DeliveryOptions> options)
    {
        var o = options.Value;
        _limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<(string Tenant, string Conversation), string>(key =>
                RateLimitPartition.GetFixedWindowLimiter("t|" + key.Tenant, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = o.PerTenantPerSecond,
                    Window = TimeSpan.FromSeconds(1),
                    QueueLimit = int.MaxValue,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                })),
            PartitionedRateLimiter.Create<(string Tenant, string Conversation), string>(key =>
                RateLimitPartition.GetFixedWindowLimiter("c1|" + key.Conversation, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = o.PerConversationPerSecond,
                    Window = TimeSpan.FromSeconds(1),
                    QueueLimit = int.MaxValue,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                })),
            PartitionedRateLimiter.Create<(string Tenant, string Conversation), string>(key =>
                RateLimitPartition.GetSlidingWindowLimiter("c30|" + key.Conversation, _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = o.PerConversationPer30Seconds,
                    Window = TimeSpan.FromSeconds(30),
                    SegmentsPerWindow = 30,
                    QueueLimit = int.MaxValue,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                })));
    }

    /// <summary>Waits for a permit to send one message in this tenant and conversation.</summary>
    public async Task<IDisposable> AcquireAsync(string tenant, string conversation, CancellationToken ct) =>
        await _limiter.AcquireAsync((tenant, conversation), 1, ct);

    public void Dispose() => _limiter.Dispose();
}
