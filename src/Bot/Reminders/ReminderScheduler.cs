namespace CchcBot.Reminders;

/// <summary>
/// Runs a reminder sweep every Reminders:SweepIntervalMinutes, driven by <see cref="TimeProvider"/>. Sweeps are
/// idempotent (the ledger), so several instances may run this at once.
/// </summary>
public sealed class ReminderScheduler(IServiceScopeFactory scopes, ReminderOptions options, TimeProvider time, ILogger<ReminderScheduler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            logger.LogInformation("Reminders:Enabled is false: no reminder sweeps in this instance");
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.SweepIntervalMinutes), time);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var result = await scope.ServiceProvider.GetRequiredService<ReminderSweep>().RunAsync(time.GetUtcNow(), stoppingToken);
                if (result.Sent + result.Failed + result.Unreachable > 0)
                {
                    logger.LogInformation("Reminder sweep: {Sent} sent, {Failed} failed, {Unreachable} unreachable", result.Sent, result.Failed, result.Unreachable);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Reminder sweep failed; the next one retries");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
