using CchcBot.Reports;

namespace CchcBot.Evidence;

/// <summary>
/// The bot's own cleanup, on every instance (cheap, idempotent): every <see cref="Interval"/> it deletes evidence uploads
/// never attached within their 24 hours, expired file links, and report files whose hour is over. In Azure a lifecycle
/// rule (infra/main.bicep) deletes report blobs after a day as well, should no instance run.
/// </summary>
public sealed class StorageCleanup(EvidenceStore evidence, ReportDownloads reports, TimeProvider time, ILogger<StorageCleanup> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    public async Task SweepAsync(CancellationToken ct)
    {
        var uploads = await evidence.SweepAsync(ct);
        var files = await reports.DeleteExpiredAsync(ct);
        if (uploads + files > 0)
        {
            logger.LogInformation("Cleanup deleted {Uploads} unattached evidence uploads and {Reports} expired report files", uploads, files);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Storage cleanup failed; it runs again in {Minutes} minutes", Interval.TotalMinutes);
            }

            try
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
