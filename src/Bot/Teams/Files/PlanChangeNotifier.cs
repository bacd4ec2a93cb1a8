using CchcBot.Cards;
using CchcBot.Delivery;
using CchcBot.Plan;
using CchcBot.Storage;
using CchcBot.Teams.Delivery;

namespace CchcBot.Teams.Files;

/// <summary>
/// After a confirmed import: each head of a lead department whose tasks were added, changed or removed gets one card
/// listing those tasks (a person heading several departments gets one card for all of them). The person who
/// confirmed is left out (the result card told them). Sent within the confirm's invoke, bounded in time; what cannot be
/// delivered is logged (the heads see the new plan in "nhiệm vụ của tôi" and the next reminders anyway).
/// </summary>
public sealed class PlanChangeNotifier(IProactiveSender sender, IDirectoryRepository directories, ILogger<PlanChangeNotifier> logger)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(8);

    /// <summary>Sends the notices; returns how many heads got theirs.</summary>
    /// <param name="before">The plan stored before the import (its tasks, for those removed).</param>
    public async Task<int> NotifyAsync(AgencyDirectory directory, CchcPlan plan, CchcPlan? before, PlanDiff diff, string confirmedBy, string by, CancellationToken ct)
    {
        var removedTasks = diff.Removed;
        var perHead = new Dictionary<string, (List<PlanTask> Added, List<TaskChange> Changed, List<PlanTask> Removed)>(StringComparer.OrdinalIgnoreCase);
        var changedTasks = plan.Tasks.ToDictionary(t => t.Id, StringComparer.OrdinalIgnoreCase);
        var oldTasks = (before?.Tasks ?? []).ToDictionary(t => t.Id, StringComparer.OrdinalIgnoreCase);
        foreach (var department in directory.Departments)
        {
            if (string.IsNullOrWhiteSpace(department.Head) || AgencyDirectory.SamePerson(department.Head, confirmedBy))
            {
                continue;
            }

            bool Leads(PlanTask t) => TaskBoard.Involves(directory, t.Lead, department.Id);
            var added = diff.Added.Where(Leads).ToList();
            var changed = diff.Changed.Where(c =>
                (changedTasks.TryGetValue(c.Id, out var now) && Leads(now)) || (oldTasks.TryGetValue(c.Id, out var was) && Leads(was))).ToList();
            var removed = removedTasks.Where(Leads).ToList();
            if (added.Count + changed.Count + removed.Count == 0)
            {
                continue;
            }

            var entry = perHead.TryGetValue(department.Head.Trim(), out var e) ? e : perHead[department.Head.Trim()] = ([], [], []);
            entry.Added.AddRange(added.Where(t => !entry.Added.Contains(t)));
            entry.Changed.AddRange(changed.Where(c => !entry.Changed.Contains(c)));
            entry.Removed.AddRange(removed.Where(t => !entry.Removed.Contains(t)));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Budget);
        var delivered = 0;
        await Parallel.ForEachAsync(perHead, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (entry, token) =>
        {
            var (head, (added, changed, removed)) = (entry.Key, entry.Value);
            try
            {
                var name = (await directories.GetIdentityAsync(directory.Agency, head, timeout.Token))?.Name;
                var addressee = CardStrings.Reminder.Addressee(name, Positions.Of(directory, head));
                var card = PlanChangesCard.Build(
                    CardStrings.Import.ChangesNoticeIntro(addressee, plan.Title, by),
                    added.Select(t => PlanImportViews.Task(t, directory)).ToList(),
                    changed.Select(PlanImportViews.Change).ToList(),
                    removed.Select(t => new ImportChangeView(t.Id, t.Title, [])).ToList());
                var result = await sender.SendToPersonAsync(directory.Agency, head, CardMessages.Of(card, PlanImportTexts.ChangesSummary), timeout.Token);
                if (result.Delivered)
                {
                    Interlocked.Increment(ref delivered);
                }
                else
                {
                    logger.LogWarning("Plan change notice to a head of {Agency} not delivered: {Status} {Detail}", directory.Agency, result.Status, result.Detail);
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning("Plan change notice to a head of {Agency} took longer than {Budget}", directory.Agency, Budget);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Plan change notice to a head of {Agency} failed", directory.Agency);
            }
        });
        return delivered;
    }
}
