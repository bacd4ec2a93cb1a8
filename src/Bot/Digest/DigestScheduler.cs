using CchcBot.Storage;
using Microsoft.Extensions.Options;

namespace CchcBot.Digest;

/// <summary>
/// Checks every few minutes (TimeProvider-driven) whether this week's digest is due and posts it; the ledger makes it
/// once per ISO week per agency however many instances run, and a digest missed while the bot was down goes out when
/// it comes back — in the same week only.
/// </summary>
public sealed class DigestScheduler(
    IServiceScopeFactory scopes, IOptions<DigestOptions> options, TimeProvider time, ILogger<DigestScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("Digest:Enabled is false: no weekly digest from this instance");
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.CheckIntervalMinutes), time);
        do
        {
            try
            {
                var now = time.GetUtcNow();
                using var scope = scopes.CreateScope();
                var digest = scope.ServiceProvider.GetRequiredService<DigestService>();
                if (digest.IsDue(now))
                {
                    foreach (var agency in await scope.ServiceProvider.GetRequiredService<IPlanRepository>().AgenciesAsync(stoppingToken))
                    {
                        logger.LogInformation("{Summary}", (await digest.PostAsync(agency, now, force: false, stoppingToken)).Summary);
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Digest check failed; the next one retries");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
