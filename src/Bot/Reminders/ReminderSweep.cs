using CchcBot.Cards;
using CchcBot.Delivery;
using CchcBot.Plan;
using CchcBot.Progress;
using CchcBot.Storage;

namespace CchcBot.Reminders;

/// <summary>What one sweep did, for the log and the "remind" command.</summary>
/// <param name="WouldSend">In a dry run: the messages the sweep would have sent (nothing is sent or recorded).</param>
public sealed record SweepResult(DateOnly Today, IReadOnlyList<string> Lines, int Sent, int Failed, int Unreachable, int WouldSend = 0);

/// <summary>
/// One reminder sweep as of an instant: for each agency, reads only the due dates the policy names (a due-date index
/// partition per day), groups what is due per department head (one message each), sends it exactly once through the
/// ledger, and sends the Chief of Office the day's escalation summary. It says what to send, as data; the outbox
/// delivers it (and the edge it delivers through makes the cards).
/// </summary>
public sealed class ReminderSweep(
    IPlanRepository plans,
    IDirectoryRepository directories,
    IProgressRepository progress,
    IExtensionRepository extensions,
    IAssignmentRepository assignments,
    ISendLedger ledger,
    IUnreachableRecipients unreachableRecipients,
    IOutbox outbox,
    ReminderPolicy policy,
    SendingHours hours,
    ReminderOptions options)
{
    /// <param name="dryRun">Works out what would be sent and to whom, and sends and records nothing (no ledger claim).</param>
    public async Task<SweepResult> RunAsync(DateTimeOffset at, CancellationToken ct, bool dryRun = false)
    {
        var moment = hours.At(at);
        var tally = new SweepSummary(moment.LocalDate, dryRun);
        if (!moment.SendingOpen)
        {
            tally.Lines.Add(moment.IsWorkingDay
                ? $"{Formats.Date(moment.LocalDate)} {moment.LocalTime:HH\\:mm}: reminders go out from {hours.SendFrom:HH\\:mm}; nothing sent."
                : $"{Formats.Date(moment.LocalDate)} is not a working day; nothing sent.");
            return tally.Result();
        }

        await using (var pipeline = new SendPipeline(InFlight, ct))
        {
            try
            {
                foreach (var agency in await plans.AgenciesAsync(ct))
                {
                    await SweepAgencyAsync(agency, moment.LocalDate, at, tally, pipeline, pipeline.Token);
                }
            }
            catch (OperationCanceledException) when (pipeline.Failed && !ct.IsCancellationRequested)
            {
                // A send failed and stopped the pipeline: its exception is the one to report (below).
            }

            await pipeline.CompleteAsync();
        }

        if (tally.Lines.Count == 0)
        {
            tally.Lines.Add($"{Formats.Date(moment.LocalDate)}: no reminder due.");
        }

        return tally.Result();
    }

    /// <summary>Reads what the agency's heads are due to hear today and queues their messages; the queue's senders deliver them.</summary>
    private async Task SweepAgencyAsync(string agency, DateOnly today, DateTimeOffset at, SweepSummary tally, SendPipeline pipeline, CancellationToken ct)
    {
        var head = await plans.GetHeadAsync(agency, ct);
        var directory = await directories.GetAsync(agency, ct);
        if (head is null || directory is null)
        {
            tally.Lines.Add($"{agency}: no plan or no directory; skipped.");
            return;
        }

        // One range read of the due-date index, from the plan's start to the last day any reminder could concern today:
        // what is due or overdue, never the plan's future.
        var planStart = new DateOnly(head.Year, 1, 1);
        var dueDates = policy.DueDatesToCheck(today).Concat(policy.OverdueDueDatesToCheck(today, planStart)).ToHashSet();
        var latestEscalated = policy.LatestEscalatedDueDate(today);
        var until = dueDates.Count > 0 && dueDates.Max() > latestEscalated ? dueDates.Max() : latestEscalated;
        var indexed = until < planStart ? [] : await plans.DueBetweenAsync(agency, planStart, until, ct);
        // Approved extensions move a milestone's due date at once: the index holds the plan's dates, so an extended
        // milestone is taken out of it and put back at its approved date (when that falls in the range read).
        var approved = await extensions.GetApprovedDuesAsync(head.ProgressScope, ct);
        if (approved.Count > 0)
        {
            indexed = indexed.Where(e => !(approved.TryGetValue(e.MilestoneId, out var a) && a.OriginalDue == e.Due))
                .Concat(approved.Values.Where(a => a.Due <= until).Select(a => new DueIndexEntry(a.TaskId, a.MilestoneId, a.Due)))
                .ToList();
        }

        var due = indexed.Where(e => e.Due is { } d && dueDates.Contains(d)).ToList();
        if (policy.IsCheckInDay(today))
        {
            due.AddRange(await plans.DueOnAsync(agency, null, ct));
        }

        var escalatedByDate = indexed.Where(e => e.Due <= latestEscalated).ToList();
        var blocked = await progress.GetBlockedAsync(head.ProgressScope, ct);
        var wanted = due.Concat(escalatedByDate).Select(e => (e.TaskId, e.MilestoneId))
            .Concat(blocked.Select(b => (b.TaskId, b.State.MilestoneId)))
            .Distinct()
            .ToList();
        if (wanted.Count == 0)
        {
            return;
        }

        var tasks = (await plans.GetTasksAsync(agency, wanted.Select(w => w.TaskId), ct)).Select(t => EffectiveDues.Apply(t, approved))
            .ToDictionary(t => t.Id, StringComparer.Ordinal);
        // An approved date whose plan date changed since (a re-import) no longer applies: drop the entry it put in.
        due = due.Where(e => tasks.GetValueOrDefault(e.TaskId)?.Milestones.FirstOrDefault(m => m.Id == e.MilestoneId) is not { } m || m.Due == e.Due || e.Due is null).ToList();
        var states = await progress.GetStatesAsync(head.ProgressScope, wanted, ct);
        var snapshot = new PlanSnapshot(head with { Tasks = tasks.Values.ToList() }, directory, states, today, hours.Zone)
        {
            Assignments = await assignments.GetAllAsync(head.ProgressScope, ct),
        };

        var reminders = await QueueRemindersAsync(agency, snapshot, due, tasks, at, tally, pipeline, ct);
        // The Chief of Office's summary follows the agency's reminders (it lists who they found unreachable) without
        // holding up the next agency's.
        pipeline.After(reminders, token => SendEscalationAsync(agency, snapshot, wanted, tasks, at, tally, token));
    }

    private async Task<IReadOnlyList<Task>> QueueRemindersAsync(
        string agency, PlanSnapshot snapshot, List<DueIndexEntry> due, Dictionary<string, PlanTask> tasks, DateTimeOffset at, SweepSummary tally, SendPipeline pipeline, CancellationToken ct)
    {
        var perRecipient = new Dictionary<string, List<(BoardItem Item, DueReminder Reminder, Department Department)>>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in due.DistinctBy(e => e.MilestoneId))
        {
            if (!tasks.TryGetValue(entry.TaskId, out var task) || task.Milestones.FirstOrDefault(m => m.Id == entry.MilestoneId) is not { } milestone)
            {
                continue;
            }

            var leadHeads = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (role, units) in new[] { (ReminderRole.Lead, task.Lead), (ReminderRole.Cooperating, task.Cooperating) })
            {
                foreach (var department in TaskBoard.Departments(snapshot.Directory, units).Select(snapshot.Directory.Find).OfType<Department>())
                {
                    if (role == ReminderRole.Lead)
                    {
                        leadHeads.Add(department.Head);
                    }
                    else if (leadHeads.Contains(department.Head))
                    {
                        continue; // Someone who leads the task is not also reminded as a cooperating unit.
                    }

                    // A lead department is reminded of its own part (a milestone led by several); cooperating ones of the whole.
                    var item = role == ReminderRole.Lead
                        ? snapshot.Item(task, milestone, TaskRole.Lead, department.Id)
                        : snapshot.Item(task, milestone, TaskRole.Cooperating);
                    // Staff who hold the item get its reminders; their head keeps only the overdue ones.
                    // (Only people still on the department's staff: someone taken off it leaves the reminders to the head again.)
                    List<string> holders = role != ReminderRole.Lead ? []
                        : (snapshot.Assignments.For(task.Id, milestone.Id, item.Part)?.Staff ?? [])
                            .Where(h => department.Staff.Any(s => AgencyDirectory.SamePerson(s, h))).ToList();
                    foreach (var reminder in policy.DueOn(snapshot.Today, milestone, item.State.Status, role, snapshot.Plan.Year))
                    {
                        IEnumerable<string> recipients = holders.Count == 0 ? [department.Head]
                            : reminder.Kind == ReminderKind.Overdue ? holders.Append(department.Head)
                            : holders;
                        foreach (var recipient in recipients)
                        {
                            if (!perRecipient.TryGetValue(recipient, out var list))
                            {
                                perRecipient[recipient] = list = [];
                            }

                            list.Add((item, reminder, department));
                        }
                    }
                }
            }
        }

        var queued = new List<Task>(perRecipient.Count);
        foreach (var (recipient, items) in perRecipient)
        {
            queued.Add(await pipeline.QueueAsync(token => RemindAsync(agency, recipient, items, snapshot, at, tally, token), ct));
        }

        return queued;
    }

    private async Task RemindAsync(
        string agency, string recipient, List<(BoardItem Item, DueReminder Reminder, Department Department)> items, PlanSnapshot snapshot, DateTimeOffset at, SweepSummary tally, CancellationToken token)
    {
        var lines = items.Select(i => new ReminderLine(LedgerKey(i.Item.Milestone.Id, i.Reminder.SlotKey), i.Item, i.Reminder)).ToList();
        var keys = lines.Select(l => l.Key).ToList();
        if (tally.DryRun)
        {
            var pending = await PendingAsync(agency, recipient, keys, token);
            tally.WouldSend(agency, recipient, $"{pending.Count} reminder(s) ({string.Join(", ", pending)})", pending.Count);
            return;
        }

        var position = Positions.Of(snapshot.Directory, recipient) is { Length: > 0 } held
            ? held
            : snapshot.Directory.StaffOf(recipient) is { Count: > 0 } staffOf
                ? string.Join("; ", staffOf.Select(Positions.Staff))
                : string.Join("; ", items.Select(i => Positions.Head(i.Department)).Distinct());
        // Read once: the name for the card, the identity for the sender.
        var identity = await directories.GetIdentityAsync(agency, recipient, token);
        var message = new OutgoingMessage(agency, new MessageTarget.Person(recipient, identity), recipient, keys, new ReminderContent(identity?.Name, position, snapshot, lines));
        var outcome = await outbox.SendOnceAsync(message, at, Lease, token);
        tally.Count(agency, recipient, $"{outcome.Claimed.Count} reminder(s) ({string.Join(", ", outcome.Claimed)})", outcome);
    }

    private async Task SendEscalationAsync(
        string agency, PlanSnapshot snapshot, List<(string TaskId, string MilestoneId)> wanted, Dictionary<string, PlanTask> tasks, DateTimeOffset at, SweepSummary tally, CancellationToken ct)
    {
        if (policy.EscalationSummaryKey(snapshot.Today) is not { } key)
        {
            return;
        }

        var items = new List<BoardItem>();
        foreach (var (taskId, milestoneId) in wanted)
        {
            if (!tasks.TryGetValue(taskId, out var task) || task.Milestones.FirstOrDefault(m => m.Id == milestoneId) is not { } milestone)
            {
                continue;
            }

            var item = snapshot.Item(task, milestone, TaskRole.Lead);
            if (policy.IsEscalated(snapshot.Today, milestone, item.State.Status))
            {
                items.Add(item);
            }
        }

        var unreachable = await unreachableRecipients.ListAsync(agency, ct);
        if (items.Count == 0 && unreachable.Count == 0)
        {
            return;
        }

        items = items.OrderBy(i => i.Milestone.Due ?? DateOnly.MaxValue).ToList();
        var recipient = snapshot.Directory.ChiefOfOffice;
        if (tally.DryRun)
        {
            tally.WouldSend(agency, recipient, $"escalation summary of {items.Count} item(s)", (await PendingAsync(agency, recipient, [key], ct)).Count);
            return;
        }

        var content = new EscalationContent(snapshot, items, unreachable, options.EscalateAfterWorkingDaysOverdue);
        var outcome = await outbox.SendOnceAsync(new OutgoingMessage(agency, new MessageTarget.Person(recipient), recipient, [key], content), at, Lease, ct);
        tally.Count(agency, recipient, $"escalation summary of {items.Count} item(s)", outcome);
    }

    /// <summary>Recipients served at once, across agencies; the delivery limiter keeps the pace under Teams' limits.</summary>
    private const int InFlight = 16;

    private TimeSpan Lease => TimeSpan.FromMinutes(options.ClaimLeaseMinutes);

    /// <summary>The keys the ledger has no entry for: what a real sweep would claim and send now.</summary>
    private async Task<List<string>> PendingAsync(string agency, string recipient, IReadOnlyList<string> keys, CancellationToken ct)
    {
        var pending = new List<string>();
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            if (await ledger.StateAsync(agency, recipient, key, ct) is null)
            {
                pending.Add(key);
            }
        }

        return pending;
    }

    private static string LedgerKey(string milestoneId, string slotKey) => $"{milestoneId}|{slotKey}";

    private sealed class SweepSummary(DateOnly today, bool dryRun)
    {
        public bool DryRun => dryRun;

        public List<string> Lines { get; } = [];

        public int WouldSendCount { get; private set; }

        public int Sent { get; private set; }

        public int Failed { get; private set; }

        public int Unreachable { get; private set; }

        private readonly Lock _lock = new();

        public void WouldSend(string agency, string recipient, string what, int pending)
        {
            if (pending == 0)
            {
                return;
            }

            lock (_lock)
            {
                WouldSendCount++;
                Lines.Add($"{agency}: would send to {recipient}: {what}");
            }
        }

        public void Count(string agency, string recipient, string what, OnceOutcome outcome)
        {
            if (outcome.NothingToDo)
            {
                return;
            }

            lock (_lock)
            {
                CountLocked(agency, recipient, what, outcome);
            }
        }

        private void CountLocked(string agency, string recipient, string what, OnceOutcome outcome)
        {
            switch (outcome.Result!.Status)
            {
                case DeliveryStatus.Sent:
                    Sent++;
                    Lines.Add($"{agency}: sent to {recipient}: {what}");
                    break;
                case DeliveryStatus.Unreachable or DeliveryStatus.NoConversation:
                    Unreachable++;
                    Lines.Add($"{agency}: UNREACHABLE {recipient} ({outcome.Result.Detail}): {what}");
                    break;
                default:
                    Failed++;
                    Lines.Add($"{agency}: FAILED for {recipient} ({outcome.Result.Detail}), will retry: {what}");
                    break;
            }
        }

        public SweepResult Result() => new(today, Lines, Sent, Failed, Unreachable, WouldSendCount);
    }
}
