using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace CchcBot.Teams.Delivery;

/// <summary>The outcome of sending one message with retries.</summary>
public sealed record SendOutcome(FailureKind? Failure, string? ActivityId, string? Detail, int Attempts)
{
    public bool Sent => Failure is null;
}

/// <summary>
/// Sends with bounded retries on a Polly pipeline: 429 waits what Retry-After says, other transient answers (412, 502,
/// 503, 504, network) back off exponentially with jitter, capped at <see cref="DeliveryOptions.MaxDelaySeconds"/>;
/// terminal answers and a vanished conversation return at once. Each attempt holds its place in the
/// <see cref="SendRateLimiter"/> until its answer came back. Pauses run on <see cref="TimeProvider.System"/>, not the
/// bot's logical clock, so tests at a fixed instant still send.
/// </summary>
public sealed class RetryingSend
{
    private readonly SendRateLimiter _limiter;
    private readonly ILogger<RetryingSend> _logger;
    private readonly ResiliencePipeline _pipeline;

    public RetryingSend(IOptions<DeliveryOptions> options, SendRateLimiter limiter, ILogger<RetryingSend> logger)
    {
        (_limiter, _logger) = (limiter, logger);
        var o = options.Value;
        var maxDelay = TimeSpan.FromSeconds(o.MaxDelaySeconds);
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = TimeProvider.System }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && ConnectorFailure.From(e).Kind == FailureKind.Transient),
                MaxRetryAttempts = o.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(o.BaseDelaySeconds),
                MaxDelay = maxDelay,
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } e && ConnectorFailure.From(e).RetryAfter is { } after ? (TimeSpan?)(after < maxDelay ? after : maxDelay) : null),
                OnRetry = args =>
                {
                    _logger.LogInformation("Send got {Failure}; retry {Attempt} in {Wait}",
                        args.Outcome.Exception is { } e ? ConnectorFailure.From(e).Message : "?", args.AttemptNumber + 2, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public async Task<SendOutcome> RunAsync(string tenant, string conversation, Func<CancellationToken, Task<string?>> send, CancellationToken ct)
    {
        var attempts = 0;
        try
        {
            var id = await _pipeline.ExecuteAsync(async token =>
            {
                attempts++;
                using (await _limiter.AcquireAsync(tenant, conversation, token))
                {
                    return await send(token);
                }
            }, ct);
            return new SendOutcome(null, id, null, attempts);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            ct.ThrowIfCancellationRequested(); // a sweep that stops does not record its last failure as the answer
            var failure = ConnectorFailure.From(e);
            _logger.LogWarning("Send to {Conversation} failed after {Attempts} attempt(s): {Failure}", conversation, attempts, failure.Message);
            return new SendOutcome(failure.Kind, null, failure.Message, attempts);
        }
    }
}
