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
            return activity switch
            {
                null => "the body is not an activity",
                { Type: null or "" } => "the activity has no type",
                { Conversation.Id: null or "" } => "the activity has no conversation",
                { From.Id: null or "" } => "the activity has no sender (from)",
                { ServiceUrl: null or "" } => "the activity has no serviceUrl",
                _ when !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out _) => "the activity's serviceUrl is not an absolute URL",
                _ => null,
            };
        }
        catch (Exception e) when (e is JsonException or IOException or InvalidOperationException or ArgumentException or FormatException)
        {
            return "the body is not valid JSON";
        }
    }
}
