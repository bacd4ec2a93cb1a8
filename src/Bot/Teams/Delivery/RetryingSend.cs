using Microsoft.Extensions.Options;

namespace CchcBot.Teams.Delivery;

/// <summary>The outcome of sending one message with retries.</summary>
public sealed record SendOutcome(FailureKind? Failure, string? ActivityId, string? Detail, int Attempts)
{
    public bool Sent => Failure is null;
}

/// <summary>
/// Sends with bounded retries: 429 waits what Retry-After says, other transient answers (412, 502, 503, 504, network)
/// back off exponentially with full jitter; terminal answers and a vanished conversation return at once.
/// Each attempt holds its place in the <see cref="SendRateLimiter"/> until its answer came back. Pauses use real time,
/// not the bot's logical clock, so tests at a fixed instant still send.
/// </summary>
public sealed class RetryingSend(IOptions<DeliveryOptions> options, SendRateLimiter limiter, ILogger<RetryingSend> logger)
{
    public async Task<SendOutcome> RunAsync(string tenant, string conversation, Func<CancellationToken, Task<string?>> send, CancellationToken ct)
    {
        var o = options.Value;
        for (var attempt = 1; ; attempt++)
        {
            ConnectorFailure failure;
            using (await limiter.AcquireAsync(tenant, conversation, ct))
            {
                try
                {
                    return new SendOutcome(null, await send(ct), null, attempt);
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    failure = ConnectorFailure.From(e);
                }
            }

            if (failure.Kind != FailureKind.Transient || attempt >= o.MaxAttempts)
            {
                logger.LogWarning("Send to {Conversation} failed after {Attempts} attempt(s): {Failure}", conversation, attempt, failure.Message);
                return new SendOutcome(failure.Kind, null, failure.Message, attempt);
            }

            var backoff = Math.Min(o.MaxDelaySeconds, o.BaseDelaySeconds * Math.Pow(2, attempt - 1));
            var wait = failure.RetryAfter ?? TimeSpan.FromSeconds(Random.Shared.NextDouble() * backoff);
            if (wait > TimeSpan.FromSeconds(o.MaxDelaySeconds))
            {
                wait = TimeSpan.FromSeconds(o.MaxDelaySeconds);
            }

            logger.LogInformation("Send to {Conversation} got {Failure}; retry {Attempt} in {Wait}", conversation, failure.Message, attempt + 1, wait);
            await Task.Delay(wait, ct);
        }
    }
}
