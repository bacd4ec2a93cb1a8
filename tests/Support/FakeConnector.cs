using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CchcBot.TestSupport;

/// <summary>One request the bot made to the connector.</summary>
/// <param name="Status">The HTTP status the fake answered (a scripted fault, or 200).</param>
public sealed record ConnectorCall(string Method, string Path, string ConversationId, string? ActivityId, JsonNode? Body, DateTimeOffset At, int Status = 200)
{
    public bool Succeeded => Status is >= 200 and < 300;

    public string? Text => Body?["text"]?.GetValue<string>();

    /// <summary>The first Adaptive Card attachment's content, if any.</summary>
    public JsonObject? Card => Body?["attachments"]?.AsArray()
        .FirstOrDefault(a => a?["contentType"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive")?["content"] as JsonObject;
}

/// <summary>A scripted answer for the next matching request (e.g. 429 with Retry-After).</summary>
public sealed record ConnectorFault(int Status, string? Code = null, TimeSpan? RetryAfter = null, string? PathContains = null);

/// <summary>
/// A loopback fake of the Bot Connector REST API (v3) as Teams serves it: send, reply, update, create conversation,
/// get member, team details and channels. It records every call so tests can assert what the bot sent, and can
/// answer with scripted faults, so the real Bot Framework connector client runs end to end.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly ConcurrentQueue<ConnectorFault> _faults = new();
    private WebApplication _app = null!;
    private int _nextId;

    private FakeConnector()
    {
    }

    public string ServiceUrl { get; private set; } = string.Empty;

    public ConcurrentQueue<ConnectorCall> Calls { get; } = new();

    /// <summary>Teams users by Teams user id ("29:…"): what GET members/{id} answers.</summary>
    public ConcurrentDictionary<string, TeamsUser> Members { get; } = new();

    /// <summary>Member ids for whom creating a 1:1 chat answers 403 (the app is not installed for them).</summary>
    public ConcurrentDictionary<string, bool> NotInstalledFor { get; } = new();

    /// <summary>Conversation ids that answer 404 ConversationNotFound (a deleted chat).</summary>
    public ConcurrentDictionary<string, bool> MissingConversations { get; } = new();

    /// <summary>Team channels by team id: what GET teams/{id}/conversations answers.</summary>
    public ConcurrentDictionary<string, List<(string Id, string Name)>> TeamChannels { get; } = new();

    public static async Task<FakeConnector> StartAsync()
    {
        var fake = new FakeConnector();
        var (app, address) = await LoopbackWeb.StartAsync(fake.Map);
        fake._app = app;
        fake.ServiceUrl = address + "/";
        return fake;
    }

    public void Fail(ConnectorFault fault) => _faults.Enqueue(fault);

    /// <summary>When set, awaited (with the conversation id) before a new message is answered: a test holds sends in flight with it.</summary>
    public Func<string, Task>? BeforeSend { get; set; }

    /// <summary>When set, sends beyond this many per second answer 429 with Retry-After: 1, as Teams does per app and tenant.</summary>
    public int? MaxSendsPerSecond { get; set; }

    /// <summary>When set, sends beyond this many per second in one conversation answer 429 (Teams: 7).</summary>
    public int? MaxSendsPerConversationPerSecond { get; set; }

    /// <summary>When set, sends beyond this many per 30 seconds in one conversation answer 429 (Teams: 60).</summary>
    public int? MaxSendsPerConversationPer30Seconds { get; set; }

    /// <summary>Enforces Teams' documented limits: per conversation 7 per second and 60 per 30 seconds, per tenant 50 per second.</summary>
    public void EnforceTeamsLimits()
    {
        MaxSendsPerSecond = 50;
        MaxSendsPerConversationPerSecond = 7;
        MaxSendsPerConversationPer30Seconds = 60;
    }

    private readonly Lock _limitsGate = new();

    private readonly Queue<DateTime> _recentSends = new();

    private readonly Dictionary<string, Queue<DateTime>> _recentByConversation = new(StringComparer.Ordinal);

    private int _sendsSinceThrottleSet;

    /// <summary>When set, every Nth message send (counted from when it is set) answers 429 with Retry-After: 1.</summary>
    public int? ThrottleEveryNthSend
    {
        get;
        set
        {
            field = value;
            Interlocked.Exchange(ref _sendsSinceThrottleSet, 0);
        }
    }

    private bool NthSendThrottled() =>
        ThrottleEveryNthSend is { } n && Interlocked.Increment(ref _sendsSinceThrottleSet) % n == 0;

    /// <summary>
    /// Sliding windows as a strict server would count them: a send is refused when the window ending now (both ends
    /// included) already holds the limit's count of accepted sends. A refused send is not counted.
    /// </summary>
    private bool OverLimit(string conversationId)
    {
        if (MaxSendsPerSecond is null && MaxSendsPerConversationPerSecond is null && MaxSendsPerConversationPer30Seconds is null)
        {
            return false;
        }

        lock (_limitsGate)
        {
            var now = DateTime.UtcNow;
            Drop(_recentSends, now, TimeSpan.FromSeconds(1));
            if (!_recentByConversation.TryGetValue(conversationId, out var mine))
            {
                _recentByConversation[conversationId] = mine = new Queue<DateTime>();
            }

            Drop(mine, now, TimeSpan.FromSeconds(30));
            var lastSecond = mine.Count(t => now - t <= TimeSpan.FromSeconds(1));
            if (_recentSends.Count >= (MaxSendsPerSecond ?? int.MaxValue) ||
                lastSecond >= (MaxSendsPerConversationPerSecond ?? int.MaxValue) ||
                mine.Count >= (MaxSendsPerConversationPer30Seconds ?? int.MaxValue))
            {
                return true;
            }

            _recentSends.Enqueue(now);
            mine.Enqueue(now);
            return false;
        }
    }

    private static void Drop(Queue<DateTime> times, DateTime now, TimeSpan window)
    {
        while (times.TryPeek(out var t) && now - t > window)
        {
            times.Dequeue();
        }
    }

    /// <summary>Messages delivered (answered 2xx); failed attempts are in <see cref="Calls"/> only.</summary>
    public IReadOnlyList<ConnectorCall> Sent => Calls.Where(c => c.Method is "POST" && c.Succeeded && c.Path.Contains("/activities", StringComparison.Ordinal)).ToList();

    public IReadOnlyList<ConnectorCall> SentTo(string conversationId) => Sent.Where(c => c.ConversationId == conversationId).ToList();

    public void Clear() => Calls.Clear();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map(WebApplication app)
    {
        app.MapPost("/v3/conversations", async (HttpContext http) =>
        {
            var body = await JsonNode.ParseAsync(http.Request.Body);
            var userId = body?["members"]?[0]?["id"]?.GetValue<string>() ?? "unknown";
            var conversationId = "a:personal-" + userId;
            if (NotInstalledFor.ContainsKey(userId))
            {
                Calls.Enqueue(new ConnectorCall("POST", "/v3/conversations", conversationId, null, body, DateTimeOffset.UtcNow, 403));
                return Error(http, conversationId, 403, "BotNotInConversationRoster");
            }

            return Answer(http, "POST", "/v3/conversations", conversationId, null, body, new JsonObject { ["id"] = conversationId });
        });
        app.MapPost("/v3/conversations/{conversationId}/activities", async (HttpContext http, string conversationId) =>
        {
            var body = await JsonNode.ParseAsync(http.Request.Body);
            if (BeforeSend is { } hold)
            {
                await hold(conversationId);
            }

            return Answer(http, "POST", http.Request.Path, conversationId, null, body, NewId());
        });
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", async (HttpContext http, string conversationId, string activityId) =>
        {
            var body = await JsonNode.ParseAsync(http.Request.Body);
            if (BeforeSend is { } hold)
            {
                await hold(conversationId);
            }

            return Answer(http, "POST", http.Request.Path, conversationId, activityId, body, NewId());
        });
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", async (HttpContext http, string conversationId, string activityId) =>
        {
            var body = await JsonNode.ParseAsync(http.Request.Body);
            return Answer(http, "PUT", http.Request.Path, conversationId, activityId, body, new JsonObject { ["id"] = activityId });
        });
        app.MapGet("/v3/conversations/{conversationId}/members/{memberId}", (HttpContext http, string conversationId, string memberId) =>
            Members.TryGetValue(memberId, out var user)
                ? Answer(http, "GET", http.Request.Path, conversationId, null, null, user.ToJson())
                : Error(http, conversationId, 404, "MemberNotFoundInConversation"));
        app.MapGet("/v3/teams/{teamId}/conversations", (HttpContext http, string teamId) =>
        {
            var channels = TeamChannels.TryGetValue(teamId, out var list) ? list : [];
            var array = new JsonArray(channels.Select(c => (JsonNode)new JsonObject { ["id"] = c.Id, ["name"] = c.Name }).ToArray());
            return Answer(http, "GET", http.Request.Path, teamId, null, null, new JsonObject { ["conversations"] = array });
        });
        app.MapGet("/v3/teams/{teamId}", (HttpContext http, string teamId) =>
            Answer(http, "GET", http.Request.Path, teamId, null, null, new JsonObject { ["id"] = teamId, ["name"] = "Văn phòng", ["aadGroupId"] = Guid.Empty.ToString() }));
    }

    private IResult Answer(HttpContext http, string method, string path, string conversationId, string? activityId, JsonNode? body, JsonObject result)
    {
        if (MissingConversations.ContainsKey(conversationId))
        {
            Calls.Enqueue(new ConnectorCall(method, path, conversationId, activityId, body, DateTimeOffset.UtcNow, 404));
            return Error(http, conversationId, 404, "ConversationNotFound");
        }

        if (method == "POST" && path.Contains("/activities", StringComparison.Ordinal) && (OverLimit(conversationId) || NthSendThrottled()))
        {
            Calls.Enqueue(new ConnectorCall(method, path, conversationId, activityId, body, DateTimeOffset.UtcNow, 429));
            http.Response.Headers.RetryAfter = "1";
            return Error(http, conversationId, 429, "ThrottledByPolicy");
        }

        if (_faults.TryPeek(out var fault) && (fault.PathContains is null || path.Contains(fault.PathContains, StringComparison.Ordinal) || conversationId.Contains(fault.PathContains, StringComparison.Ordinal)) &&
            _faults.TryDequeue(out fault))
        {
            Calls.Enqueue(new ConnectorCall(method, path, conversationId, activityId, body, DateTimeOffset.UtcNow, fault.Status));
            if (fault.RetryAfter is { } wait)
            {
                http.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return Error(http, conversationId, fault.Status, fault.Code ?? "Fault");
        }

        Calls.Enqueue(new ConnectorCall(method, path, conversationId, activityId, body, DateTimeOffset.UtcNow));
        return Results.Json(result);
    }

    private static IResult Error(HttpContext http, string conversationId, int status, string code) =>
        Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = $"{code} ({conversationId})" } }, statusCode: status);

    private JsonObject NewId() => new() { ["id"] = "activity-" + Interlocked.Increment(ref _nextId) };
}

/// <summary>A Teams user as the connector describes them (TeamsChannelAccount).</summary>
public sealed record TeamsUser(string Id, string Name, string AadObjectId, string Upn, string? Email = null)
{
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["name"] = Name,
        ["aadObjectId"] = AadObjectId,
        ["userPrincipalName"] = Upn,
        ["email"] = Email ?? Upn,
        ["tenantId"] = BotHarnessDefaults.TenantId,
        ["userRole"] = "user",
    };
}

public static class BotHarnessDefaults
{
    public const string TenantId = "6e1f0b5a-0000-4000-8000-00000000cc01";
}
