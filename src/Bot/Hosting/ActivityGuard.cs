using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CchcBot.Hosting;

/// <summary>
/// Rejects requests to /api/messages that are not activities the adapter can process (malformed JSON, no type,
/// conversation, sender or service URL) with 400 before the Bot Framework sees them, so bad input never becomes a 5xx.
/// </summary>
public static class ActivityGuard
{
    public const int MaxBodyBytes = 1024 * 1024;

    public static async Task<string?> ProblemAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return "activity too large";
        }

        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: MaxBodyBytes);
        try
        {
            using var reader = new StreamReader(request.Body, leaveOpen: true);
            var text = await reader.ReadToEndAsync(ct);
            request.Body.Position = 0;
            if (JToken.Parse(text) is not JObject json)
            {
                return "the body is not a JSON object";
            }

            var activity = json.ToObject<Activity>();
            if (activity is null)
            {
                return "the body is not an activity";
            }

            if (string.IsNullOrEmpty(activity.Type))
            {
                return "the activity has no type";
            }

            if (string.IsNullOrEmpty(activity.Conversation?.Id))
            {
                return "the activity has no conversation";
            }

            if (string.IsNullOrEmpty(activity.From?.Id))
            {
                return "the activity has no sender (from)";
            }

            return Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) && serviceUrl.Scheme is "http" or "https"
                ? null
                : "the activity has no absolute http(s) serviceUrl";
        }
        catch (Exception e) when (e is JsonException or IOException or InvalidOperationException or ArgumentException or FormatException)
        {
            return "the body is not valid JSON";
        }
    }
}
