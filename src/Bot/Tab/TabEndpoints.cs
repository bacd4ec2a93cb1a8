using CchcBot.Cards;
using CchcBot.Hosting;
using CchcBot.Plan;
using CchcBot.Storage;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace CchcBot.Tab;

/// <summary>
/// The "Tiến độ CCHC" tab: the page (/tab/), its one JSON call (GET /api/progress), a task's details
/// (GET /api/progress/tasks/{taskId}) and, in local anonymous mode only, the list of people to sign in as
/// (GET /tab/dev-login; 404 otherwise).
/// </summary>
public static class TabEndpoints
{
    public static IServiceCollection AddCchcTab(this IServiceCollection services)
    {
        services.AddSingleton<TabUsers>();
        services.AddSingleton<TabSignIn>();
        services.AddSingleton<ProgressPage>();
        services.AddSingleton<TabFiles>();
        services.AddAuthentication().AddJwtBearer(TabSignIn.Scheme, _ => { });
        services.AddOptions<JwtBearerOptions>(TabSignIn.Scheme)
            .Configure<IConfiguration, IOptions<BotOptions>>((o, configuration, bot) => TabSignIn.Configure(o, configuration, bot.Value));
        return services;
    }

    public static WebApplication MapCchcTab(this WebApplication app)
    {
        app.MapGet("/tab/dev-login", DevLoginAsync);
        app.MapGet("/tab/{file?}", (HttpContext http, string? file, TabFiles files) =>
            file is null && !http.Request.Path.Value!.EndsWith('/') ? Results.Redirect("/tab/") : files.Serve(http, file));
        app.MapGet("/api/progress", ProgressAsync);
        app.MapGet("/api/progress/tasks/{taskId}", TaskAsync);
        app.MapPost("/api/progress/reports/{period}", ReportAsync);
        return app;
    }

    private static Task<IResult> ProgressAsync(HttpContext http, TabSignIn signIn, ProgressPage page, ILoggerFactory logs, CancellationToken ct) =>
        AnswerAsync(http, signIn, logs, async user => await page.BuildAsync(user, ct) is { } view
            ? Results.Json(view)
            : Refusal(StatusCodes.Status404NotFound, "no-plan", TabStrings.NoPlan), ct);

    private static Task<IResult> TaskAsync(string taskId, HttpContext http, TabSignIn signIn, ProgressPage page, ILoggerFactory logs, CancellationToken ct) =>
        AnswerAsync(http, signIn, logs, async user => await page.TaskAsync(user, taskId, ct) is { } view
            ? Results.Json(view)
            : Refusal(StatusCodes.Status404NotFound, "no-task", TabStrings.NoTask), ct);

    /// <summary>The period report ("2026-Q1", "2026-H1", "2026-Q3", "2026"; Q2 and Q4 too) of the user's agency, for the
    /// Chief of Office and the Chief Inspector: the Word report and the workbook, as the chat's "báo cáo" makes them,
    /// answered with their one-hour download links (<c>url</c>/<c>fileName</c> stay the workbook's).</summary>
    private static Task<IResult> ReportAsync(
        string period, HttpContext http, TabSignIn signIn, Reports.ReportService reports, Reports.ReportDownloads downloads, ILoggerFactory logs, CancellationToken ct) =>
        AnswerAsync(http, signIn, logs, async user =>
        {
            if (!user.IsChiefOfOffice && !user.IsChiefInspector)
            {
                return Refusal(StatusCodes.Status403Forbidden, "report-rights", TabStrings.ReportRights);
            }

            if (!Reports.ReportPeriod.TryParseKey(period, out var chosen))
            {
                return Refusal(StatusCodes.Status400BadRequest, "period", TabStrings.BadPeriod);
            }

            var formats = new[] { Reports.ReportFormat.Document, Reports.ReportFormat.Workbook };
            if (await reports.BuildAllAsync(user.Agency, chosen, formats, ct) is not { } files)
            {
                return Refusal(StatusCodes.Status404NotFound, "no-plan", TabStrings.NoPlan);
            }

            async Task<(string Url, string FileName)> StoreAsync(Reports.ReportFormat format)
            {
                var name = Reports.ReportService.FileName(user.Agency, chosen, format);
                return ($"/reports/{await downloads.StoreAsync(name, files[format], ct)}", name);
            }

            var document = await StoreAsync(Reports.ReportFormat.Document);
            var workbook = await StoreAsync(Reports.ReportFormat.Workbook);
            return Results.Json(new
            {
                url = workbook.Url,
                fileName = workbook.FileName,
                document = new { url = document.Url, fileName = document.FileName },
                workbook = new { url = workbook.Url, fileName = workbook.FileName },
                label = chosen.Label,
                minutes = (int)Reports.ReportDownloads.Lifetime.TotalMinutes,
            });
        }, ct);

    private static async Task<IResult> DevLoginAsync(HttpContext http, TabSignIn signIn, TabUsers users, ILoggerFactory logs, CancellationToken ct)
    {
        if (!signIn.OffersLocalSignIn(http))
        {
            return Results.NotFound();
        }

        try
        {
            return Results.Json(new { header = TabSignIn.DevUserHeader, people = await users.EveryoneAsync(ct) });
        }
        catch (Exception e) when (IsStorage(e))
        {
            logs.CreateLogger("Tab").LogWarning(e, "Storage does not answer: the tab's sign-in list was refused with 503");
            return Refusal(StatusCodes.Status503ServiceUnavailable, "storage", TabStrings.StorageDown);
        }
    }

    private static async Task<IResult> AnswerAsync(HttpContext http, TabSignIn signIn, ILoggerFactory logs, Func<AgencyUser, Task<IResult>> answer, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        try
        {
            var result = await signIn.SignInAsync(http, ct);
            if (result.User is not { } user)
            {
                if (result.Status == StatusCodes.Status401Unauthorized)
                {
                    http.Response.Headers.WWWAuthenticate = "Bearer";
                }

                return Refusal(result.Status, result.Error!, result.Message!);
            }

            return await answer(user);
        }
        catch (Exception e) when (IsStorage(e))
        {
            logs.CreateLogger("Tab").LogWarning(e, "Storage does not answer: a tab request was refused with 503");
            return Refusal(StatusCodes.Status503ServiceUnavailable, "storage", TabStrings.StorageDown);
        }
    }

    private static bool IsStorage(Exception e) => StorageOutage.Is(e) || e is Azure.RequestFailedException;

    /// <param name="contact">Whom to ask: the Office keeps the directory.</param>
    private static IResult Refusal(int status, string error, string message, string contact = "Văn phòng") =>
        Results.Json(new { error, message, contact }, statusCode: status);
}
