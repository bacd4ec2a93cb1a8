using CchcBot.Digest;
using CchcBot.Reminders;
using CchcBot.Reports;
using CchcBot.Storage;
using CchcBot.Tab;
using CchcBot.Teams;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Logging.Console;

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

        // The slim builder's console logger is forced to the simple formatter (a configure action that overrides
        // Logging:Console:FormatterName). Binding Logging:Console again, after it, makes the configured formatter win:
        // json in appsettings.json, one record per line with user text escaped inside it, so no text forges a line.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole();
        builder.Services.Configure<ConsoleLoggerOptions>(builder.Configuration.GetSection("Logging:Console"));
        configure?.Invoke(builder);
        SettingsCheck.Ensure(builder.Configuration, builder.Environment.EnvironmentName);
        builder.Services.AddCchcCore(builder.Configuration);
        builder.Services.AddCchcTeams(builder.Configuration);
        builder.Services.AddCchcReminders(builder.Configuration);
        builder.Services.AddHostedService<ReminderScheduler>();
        builder.Services.AddCchcDigest(builder.Configuration);
        builder.Services.AddCchcReports(builder.Configuration);
        builder.Services.AddHostedService<DigestScheduler>();
        builder.Services.AddCchcTab();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Evidence.StorageCleanup>());

        var app = builder.Build();
        _ = app.Services.GetRequiredService<AnonymousMode>(); // logs the anonymous-mode warning at start
        app.MapPost("/api/messages", ProcessActivityAsync);
        app.MapGet("/healthz", CheckHealthAsync);
        app.MapGet("/reports/{token}", DownloadReportAsync);
        app.MapGet("/files/{token}", Evidence.EvidenceDownloads.DownloadAsync);
        app.MapCchcTab();
        return app;
    }

    private static async Task ProcessActivityAsync(
        HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot, AnonymousMode anonymous, ILoggerFactory logs, CancellationToken ct)
    {
        if (await ActivityGuard.CheckAsync(request, anonymous.IsOn, ct) is { } refusal)
        {
            logs.CreateLogger("Activities").LogWarning("Refused a request to /api/messages ({Status}): {Problem}", refusal.Status, refusal.Problem);
            response.StatusCode = refusal.Status;
            await response.WriteAsJsonAsync(new { error = refusal.Problem }, ct);
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

    private static async Task<IResult> DownloadReportAsync(string token, Reports.ReportDownloads downloads, ILoggerFactory logs, CancellationToken ct)
    {
        try
        {
            return await downloads.GetAsync(token, ct) is var (name, content)
                ? Results.File(content, Reports.ReportService.ContentTypeOf(name), name)
                : Results.NotFound();
        }
        catch (Exception e) when (StorageOutage.Is(e) || e is Azure.RequestFailedException)
        {
            logs.CreateLogger("Reports").LogWarning(e, "Storage does not answer: a report download was refused with 503");
            return Results.Json(new { status = "storage unavailable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
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
