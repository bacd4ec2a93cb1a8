using System.Diagnostics;
using System.Net;
using CchcBot.Teams.Delivery;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Rest;

namespace CchcBot.Bot.Tests.Delivery;

/// <summary>Retries of one send: transient answers are retried a bounded number of times, Retry-After is obeyed, the rest return at once.</summary>
public sealed class RetryingSendTests
{
    private static RetryingSend Retrying(int maxAttempts = 4, double maxDelaySeconds = 5)
    {
        var options = Options.Create(new DeliveryOptions { MaxAttempts = maxAttempts, BaseDelaySeconds = 0.01, MaxDelaySeconds = maxDelaySeconds });
        return new RetryingSend(options, new SendRateLimiter(options, TimeProvider.System), NullLogger<RetryingSend>.Instance);
    }

    private static HttpOperationException Answer(HttpStatusCode status, string? retryAfter = null, string content = "")
    {
        var response = new HttpResponseMessage(status);
        if (retryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        }

        return new HttpOperationException($"{(int)status}") { Response = new HttpResponseMessageWrapper(response, content) };
    }

    [Fact]
    public async Task Transient_answers_are_retried_up_to_the_attempts_allowed_then_reported()
    {
        var calls = 0;
        var outcome = await Retrying(maxAttempts: 4).RunAsync("t", "c", _ =>
        {
            calls++;
            throw Answer(HttpStatusCode.ServiceUnavailable);
        }, default);

        Assert.Equal((4, 4, FailureKind.Transient), (calls, outcome.Attempts, outcome.Failure));
    }

    [Fact]
    public async Task A_transient_answer_then_success_is_sent_with_its_id()
    {
        var calls = 0;
        var outcome = await Retrying().RunAsync("t", "c", _ => ++calls < 3 ? throw Answer(HttpStatusCode.BadGateway) : Task.FromResult<string?>("id-1"), default);

        Assert.True(outcome.Sent);
        Assert.Equal(("id-1", 3), (outcome.ActivityId, outcome.Attempts));
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, FailureKind.Terminal)]
    [InlineData(HttpStatusCode.BadRequest, FailureKind.Other)]
    public async Task A_final_answer_is_not_retried(HttpStatusCode status, FailureKind kind)
    {
        var calls = 0;
        var outcome = await Retrying().RunAsync("t", "c", _ =>
        {
            calls++;
            throw Answer(status);
        }, default);

        Assert.Equal((1, kind), (calls, outcome.Failure));
    }

    [Fact]
    public async Task A_vanished_conversation_returns_at_once_for_the_sender_to_recreate_it()
    {
        var calls = 0;
        var outcome = await Retrying().RunAsync("t", "c", _ =>
        {
            calls++;
            throw Answer(HttpStatusCode.NotFound, content: "{\"error\":{\"code\":\"ConversationNotFound\"}}");
        }, default);

        Assert.Equal((1, FailureKind.ConversationGone), (calls, outcome.Failure));
    }

    [Fact]
    public async Task A_429_waits_what_Retry_After_says_before_the_next_attempt()
    {
        var calls = 0;
        var watch = Stopwatch.StartNew();
        var outcome = await Retrying().RunAsync("t", "c", _ => ++calls == 1 ? throw Answer(HttpStatusCode.TooManyRequests, retryAfter: "1") : Task.FromResult<string?>("id"), default);

        Assert.True(outcome.Sent);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.95), $"the retry came {watch.Elapsed.TotalMilliseconds:0} ms after a Retry-After of 1 s");
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_longest_pause_is_cut_to_it()
    {
        var calls = 0;
        var watch = Stopwatch.StartNew();
        var outcome = await Retrying(maxDelaySeconds: 0.2).RunAsync("t", "c", _ => ++calls == 1 ? throw Answer(HttpStatusCode.TooManyRequests, retryAfter: "3600") : Task.FromResult<string?>("id"), default);

        Assert.True(outcome.Sent);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"a Retry-After of an hour was waited for {watch.Elapsed}");
    }

    [Fact]
    public async Task Cancellation_stops_the_retries()
    {
        using var cts = new CancellationTokenSource();
        var calls = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Retrying(maxDelaySeconds: 30).RunAsync("t", "c", _ =>
        {
            calls++;
            cts.Cancel();
            throw Answer(HttpStatusCode.TooManyRequests, retryAfter: "20");
        }, cts.Token));

        Assert.Equal(1, calls);
    }
}
