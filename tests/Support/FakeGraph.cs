using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CchcBot.TestSupport;

/// <summary>
/// A loopback fake of the Microsoft Graph v1.0 calls the bot makes: GET /users/{upn}, POST and GET
/// /users/{id}/teamwork/installedApps, GET …/installedApps/{id}/chat. It records requests, so the real Graph SDK runs.
/// </summary>
public sealed class FakeGraph : IAsyncDisposable
{
    private WebApplication _app = null!;

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Users by UPN (lower case): object id and display name.</summary>
    public ConcurrentDictionary<string, (string Id, string Name)> Users { get; } = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentQueue<string> Requests { get; } = new();

    public ConcurrentDictionary<string, bool> Installed { get; } = new();

    /// <summary>Statuses the next requests answer instead of their result (a transient Graph fault), with Retry-After: 0.</summary>
    public ConcurrentQueue<int> Faults { get; } = new();

    public static async Task<FakeGraph> StartAsync()
    {
        var fake = new FakeGraph();
        var (app, address) = await LoopbackWeb.StartAsync(fake.Map);
        fake._app = app;
        fake.BaseUrl = address + "/v1.0";
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            Requests.Enqueue($"{context.Request.Method} {context.Request.Path}");
            if (Faults.TryDequeue(out var status))
            {
                context.Response.StatusCode = status;
                context.Response.Headers.RetryAfter = "0";
                return;
            }

            await next();
        });
        app.MapGet("/v1.0/users/{upn}", (string upn) => Users.TryGetValue(upn, out var user)
            ? Results.Json(new JsonObject { ["id"] = user.Id, ["displayName"] = user.Name, ["userPrincipalName"] = upn })
            : Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = "Request_ResourceNotFound", ["message"] = "not found" } }, statusCode: 404));
        app.MapPost("/v1.0/users/{id}/teamwork/installedApps", (string id) =>
        {
            Installed[id] = true;
            return Results.StatusCode(StatusCodes.Status201Created);
        });
        app.MapGet("/v1.0/users/{id}/teamwork/installedApps", (string id) => Results.Json(new JsonObject
        {
            ["value"] = Installed.ContainsKey(id) ? new JsonArray(new JsonObject { ["id"] = "installation-" + id }) : new JsonArray(),
        }));
        app.MapGet("/v1.0/users/{id}/teamwork/installedApps/{installation}/chat", (string id) =>
            Results.Json(new JsonObject { ["id"] = "19:chat-" + id + "@unq.gbl.spaces" }));
    }
}
