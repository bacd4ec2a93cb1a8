using CchcBot.Hosting;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CchcBot.Teams;

/// <summary>Why a request to /api/messages was refused, and with which status.</summary>
public sealed record ActivityRefusal(int Status, string Problem);

/// <summary>
/// Rejects requests to /api/messages that are not activities the adapter can process (malformed JSON, no type,
/// conversation, sender, recipient or service URL, a mention without text) with 400 before the Bot Framework sees them,
/// so bad input never becomes a 5xx or a null reference inside a turn. In anonymous mode an activity from a service
/// URL that is not loopback is refused with 403: the bot would otherwise post wherever an unauthenticated caller says.
/// </summary>
public static class ActivityGuard
{
    public const int MaxBodyBytes = 1024 * 1024;

    public static async Task<ActivityRefusal?> CheckAsync(HttpRequest request, bool loopbackOnly, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return new ActivityRefusal(StatusCodes.Status400BadRequest, "activity too large");
        }

        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: MaxBodyBytes);
        string? problem;
        Activity? activity = null;
        try
        {
            using var reader = new StreamReader(request.Body, leaveOpen: true);
            var text = await reader.ReadToEndAsync(ct);
            request.Body.Position = 0;
            problem = Problem(text, out activity);
        }
        catch (Exception e) when (e is JsonException or IOException or InvalidOperationException or ArgumentException or FormatException)
        {
            problem = "the body is not valid JSON";
        }

        if (problem is not null)
        {
            return new ActivityRefusal(StatusCodes.Status400BadRequest, problem);
        }

        return loopbackOnly && !AnonymousMode.IsLoopback(activity!.ServiceUrl)
            ? new ActivityRefusal(StatusCodes.Status403Forbidden, "anonymous mode (no MicrosoftAppId) serves loopback service URLs only; refused serviceUrl host " + new Uri(activity.ServiceUrl).Host)
            : null;
    }

    private static string? Problem(string text, out Activity? activity)
    {
        activity = null;
        if (JToken.Parse(text) is not JObject json)
        {
            return "the body is not a JSON object";
        }

        activity = json.ToObject<Activity>();
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

        if (string.IsNullOrEmpty(activity.Recipient?.Id))
        {
            return "the activity has no recipient";
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || serviceUrl.Scheme is not ("http" or "https"))
        {
            return "the activity has no absolute http(s) serviceUrl";
        }

        return EntitiesProblem(json["entities"]);
    }

    /// <summary>Entities must be objects; a mention needs its text and the mentioned account's id (the SDK dereferences both).</summary>
    private static string? EntitiesProblem(JToken? entities)
    {
        if (entities is null || entities.Type == JTokenType.Null)
        {
            return null;
        }

        if (entities is not JArray array || array.Any(e => e is not JObject))
        {
            return "the activity's entities are not a list of objects";
        }

        foreach (var entity in array.Cast<JObject>())
        {
            if (entity["type"]?.Type == JTokenType.String && string.Equals((string?)entity["type"], "mention", StringComparison.OrdinalIgnoreCase) &&
                (entity["text"]?.Type != JTokenType.String || entity["mentioned"] is not JObject mentioned || mentioned["id"]?.Type != JTokenType.String))
            {
                return "a mention without text or without the mentioned account's id";
            }
        }

        return null;
    }
}
