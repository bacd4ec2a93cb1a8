using CchcBot.Digest;
using CchcBot.Reminders;
using CchcBot.Storage;
using CchcBot.Teams;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;

namespace CchcBot.Hosting;

/// <summary>The web host: POST /api/messages (Bot Framework), GET /healthz, and the schedulers.</summary>
public static class BotWebApp
{
    /// <param name="configure">Lets tests add settings and services (a fake clock) before the host is built.</param>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrelHttpsConfiguration();
        configure?.Invoke(builder);
        builder.Services.AddCchcCore(builder.Configuration);
        builder.Services.AddCchcTeams(builder.Configuration);
        builder.Services.AddCchcReminders(builder.Configuration);
        builder.Services.AddHostedService<ReminderScheduler>();
        builder.Services.AddCchcDigest(builder.Configuration);
        builder.Services.AddHostedService<DigestScheduler>();

        var app = builder.Build();
        app.MapPost("/api/messages", ProcessActivityAsync);
        app.MapGet("/healthz", CheckHealthAsync);
        app.MapGet("/reports/{token}", async (string token, Reports.ReportDownloads downloads, CancellationToken ct) =>
            await downloads.GetAsync(token, ct) is var (name, content)
                ? Results.File(content, Reports.ReportService.ContentType, name)
                : Results.NotFound());
        return app;
    }

    private static async Task ProcessActivityAsync(
        HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot, ILoggerFactory logs, CancellationToken ct)
    {
        if (await ActivityGuard.ProblemAsync(request, ct) is { } problem)
        {
            logs.CreateLogger("Activities").LogWarning("Refused a request to /api/messages: {Problem}", problem);
            response.StatusCode = StatusCodes.Status400BadRequest;
            await response.WriteAsJsonAsync(new { error = problem }, ct);
            return;
        }

        try
        {
            await adapter.ProcessAsync(request, response, bot, ct);
        }
        catch (Exception e) when (!response.HasStarted && e is not OperationCanceledException)
        {
            // Errors inside a turn are handled by the adapter's OnTurnError; what escapes happened before the turn:
            // the SDK answers 401 to a missing or wrongly signed token but lets a malformed one escape as an exception.
            logs.CreateLogger("Activities").LogWarning("Refused a request to /api/messages ({Error}: {Message})", e.GetType().Name, e.Message);
            response.StatusCode = request.Headers.Authorization.Count > 0 ? StatusCodes.Status401Unauthorized : StatusCodes.Status400BadRequest;
        }
    }

    private static async Task<IResult> CheckHealthAsync(CchcTables tables, ILoggerFactory logs, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await tables.PingAsync(timeout.Token);
            return Results.Ok(new { status = "ok" });
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logs.CreateLogger("Health").LogWarning(e, "Storage does not answer");
            return Results.Json(new { status = "storage unavailable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
