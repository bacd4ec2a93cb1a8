using System.Globalization;
using System.Net;
using Microsoft.Bot.Schema;
using Microsoft.Rest;

namespace CchcBot.Teams.Delivery;

public enum FailureKind
{
    /// <summary>Worth another try after a pause (429, 412, 502, 503, 504, network errors).</summary>
    Transient,

    /// <summary>The conversation no longer exists (404 ConversationNotFound): recreate it once.</summary>
    ConversationGone,

    /// <summary>Teams will not deliver, now or later (bot blocked or disabled, forbidden).</summary>
    Terminal,

    /// <summary>Anything else: not retried.</summary>
    Other,
}

/// <summary>Reads a connector error the way Teams documents them: HTTP status, error code, Retry-After.</summary>
public sealed record ConnectorFailure(FailureKind Kind, int? Status, string? Code, TimeSpan? RetryAfter, string Message)
{
    private static readonly HashSet<int> TransientStatuses = [408, 412, 429, 500, 502, 503, 504];

    public static ConnectorFailure From(Exception exception)
    {
        var response = exception switch
        {
            ErrorResponseException { Response: { } r } => r,
            HttpOperationException { Response: { } r } => r,
            _ => null,
        };
        if (response is not null)
        {
            var status = (int)response.StatusCode;
            var code = TryReadCode(exception, response.Content);
            var retryAfter = ReadRetryAfter(response.Headers);
            var kind = status switch
            {
                404 when code is "ConversationNotFound" => FailureKind.ConversationGone,
                403 => FailureKind.Terminal,
                404 => FailureKind.Terminal,
                _ when TransientStatuses.Contains(status) => FailureKind.Transient,
                _ => FailureKind.Other,
            };
            return new ConnectorFailure(kind, status, code, retryAfter, $"{status} {code}".Trim());
        }

        return exception is HttpRequestException or TaskCanceledException or TimeoutException
            ? new ConnectorFailure(FailureKind.Transient, null, null, null, exception.Message)
            : new ConnectorFailure(FailureKind.Other, null, null, null, exception.Message);
    }

    private static string? TryReadCode(Exception exception, string? content)
    {
        if (exception is ErrorResponseException { Body.Error.Code: { Length: > 0 } code })
        {
            return code;
        }

        foreach (var known in new[] { "ConversationNotFound", "BotDisabledByAdmin", "ConversationBlockedByUser", "ThrottledByPolicy" })
        {
            if (content?.Contains(known, StringComparison.Ordinal) == true)
            {
                return known;
            }
        }

        return null;
    }

    private static TimeSpan? ReadRetryAfter(IDictionary<string, IEnumerable<string>>? headers)
    {
        if (headers is null)
        {
            return null;
        }

        var value = headers.FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        if (value is null)
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Max(0, seconds));
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at - DateTimeOffset.UtcNow is { Ticks: > 0 } wait ? wait : TimeSpan.Zero
            : null;
    }
}
