using CchcBot.Cards;
using CchcBot.Plan;
using CchcBot.Storage;

namespace CchcBot.Progress;

/// <summary>The outcome of a submission: recorded (possibly as a replay of an earlier one), or refused and why.</summary>
public abstract record UpdateOutcome
{
    private UpdateOutcome()
    {
    }

    /// <param name="NewStatus">The status recorded; null for a cooperating unit's comment.</param>
    public sealed record Recorded(PlanSnapshot Snapshot, BoardItem Item, MilestoneStatus? NewStatus, bool Replayed) : UpdateOutcome;

    /// <param name="Snapshot">The plan as read, when the refusal is about a milestone the user may see (the form comes back).</param>
    /// <param name="Item">That milestone, with the user's part.</param>
    public sealed record Refused(UpdateRefusal Why, PlanSnapshot? Snapshot = null, BoardItem? Item = null) : UpdateOutcome;
}

/// <summary>Validates, authorises and records a status change or a cooperating unit's comment.</summary>
public sealed class StatusUpdater(
    ISnapshotLoader snapshots, IProgressRepository progress, TimeProvider time, IBlockerNotifier blockers, ILogger<StatusUpdater> logger)
{

    private readonly UpdateRateLimiter _limiter = new(time);

    public async Task<UpdateOutcome> ApplyAsync(AgencyUser? user, StatusSubmission submission, CancellationToken ct)
    {
        if (user is null)
        {
            return Refuse(UpdateRefusal.UnknownUser);
        }

        if (string.IsNullOrWhiteSpace(submission.TaskId) || string.IsNullOrWhiteSpace(submission.MilestoneId))
        {
            return Refuse(UpdateRefusal.MissingIds);
        }

        var snapshot = await snapshots.LoadAsync(user, ct);
        if (snapshot?.Find(submission.TaskId, submission.MilestoneId) is not var (task, milestone))
        {
            return Refuse(UpdateRefusal.UnknownTask, snapshot);
        }

        // A member of staff updates what their head assigned to them (their part), and nothing else.
        var held = TaskAuthorization.Held(user, snapshot.Assignments, task, milestone);
        var isLead = TaskAuthorization.CanChangeStatus(user, snapshot.Directory, task) || held is not null;
        if (!isLead && !TaskAuthorization.CanComment(user, snapshot.Directory, task))
        {
            logger.LogWarning("User {UserObjectId} may not update task {TaskId}", user.ObjectId, task.Id);
            return Refuse(UpdateRefusal.NotAllowed, snapshot, snapshot.Item(task, milestone, TaskRole.Lead));
        }

        var role = isLead ? TaskRole.Lead : TaskRole.Cooperating;
        var (part, partRefusal) = held is not null
            ? (string.IsNullOrWhiteSpace(submission.Part) || string.Equals(submission.Part.Trim(), held.Part, StringComparison.OrdinalIgnoreCase)
                ? (held.Part, UpdateRefusal.None) : (string.Empty, UpdateRefusal.NotAllowed))
            : isLead ? ChoosePart(user, snapshot.Directory, task, submission.Part) : (string.Empty, UpdateRefusal.None);
        var item = snapshot.Item(task, milestone, role, part.Length == 0 ? null : part);
        if (partRefusal != UpdateRefusal.None)
        {
            return Refuse(partRefusal, snapshot, item);
        }

        var note = UserText.Clean(submission.Note);
        var evidence = UserText.Clean(submission.Evidence);
        MilestoneStatus? status = null;
        DateOnly? doneOn = null;
        var refusal = UpdateRefusal.None;
        if (note?.Length > CardContract.Limits.NoteLength)
        {
            refusal = UpdateRefusal.NoteTooLong;
        }
        else if (evidence?.Length > CardContract.Limits.EvidenceLength)
        {
            refusal = UpdateRefusal.EvidenceTooLong;
        }
        else if (isLead)
        {
            if (!UserText.TryParseStatus(submission.Status, out var parsed))
            {
                refusal = UpdateRefusal.InvalidStatus;
            }
            else if (parsed == MilestoneStatus.Blocked && note is null)
            {
                refusal = UpdateRefusal.NoteRequired;
            }
            else if (parsed != MilestoneStatus.Done && item.State.Status == MilestoneStatus.Done && note is null)
            {
                refusal = UpdateRefusal.CorrectionNoteRequired;
            }
            else if (parsed == MilestoneStatus.Done && !TryDoneOn(submission.DoneOn, snapshot, out doneOn))
            {
                refusal = UpdateRefusal.InvalidDoneOn;
            }
            else
            {
                status = parsed;
            }
        }
        else if (note is null)
        {
            refusal = UpdateRefusal.CommentRequired;
        }

        if (refusal == UpdateRefusal.None && !_limiter.TryAcquire(user.Agency, user.Upn))
        {
            logger.LogWarning("User {UserObjectId} sent more than {Max} updates within {Window}; update of task {TaskId} refused",
                user.ObjectId, UpdateRateLimiter.MaxPerWindow, UpdateRateLimiter.Window, task.Id);
            refusal = UpdateRefusal.TooManyUpdates;
        }

        if (refusal != UpdateRefusal.None)
        {
            return Refuse(refusal, snapshot, item);
        }

        // At is null: the repository reads the clock inside the attempt that commits.
        var result = await progress.RecordAsync(
            new ProgressUpdate(snapshot.Plan.ProgressScope, task.Id, milestone.Id, submission.OperationKey, user.Upn, user.Name, null, status, note, evidence, part, doneOn),
            ct);
        var stored = snapshot.States.GetValueOrDefault(milestone.Id) ?? MilestoneState.Initial(milestone.Id);
        var states = new Dictionary<string, MilestoneState>(snapshot.States) { [milestone.Id] = part.Length == 0 ? result.State : stored.WithPart(part, result.State) };
        var updated = snapshot with { States = states };
        var updatedItem = updated.Item(task, milestone, role, part.Length == 0 ? null : part);

        if (status == MilestoneStatus.Blocked && !result.Replayed && result.Previous is { } previous)
        {
            // Only the change into Blocked, or a changed note on a blocked milestone (at most hourly, the notifier's
            // rule), tells the Chief of Office: re-sending the same blocker must not flood them.
            if (previous.Status != MilestoneStatus.Blocked)
            {
                await blockers.NotifyAsync(updated, updatedItem, user, BlockerChange.BecameBlocked, ct);
            }
            else if (!string.Equals(previous.Note, note, StringComparison.Ordinal))
            {
                await blockers.NotifyAsync(updated, updatedItem, user, BlockerChange.NoteChanged, ct);
            }
        }

        return new UpdateOutcome.Recorded(updated, updatedItem, status, result.Replayed);
    }

    /// <summary>
    /// Which lead department's part a lead reports, for a milestone led by several: the one asked for when the reporter
    /// heads it (the Chief of Office may report any), else the reporter's own; empty for a milestone with one lead.
    /// </summary>
    private static (string Part, UpdateRefusal Refusal) ChoosePart(AgencyUser user, AgencyDirectory directory, PlanTask task, string? requested)
    {
        var leads = TaskBoard.PartsOf(directory, task);
        if (leads.Count == 0)
        {
            return (string.Empty, UpdateRefusal.None);
        }

        var own = leads.Where(user.Heads).ToList();
        if (string.IsNullOrWhiteSpace(requested))
        {
            return own.Count > 0 ? (own[0], UpdateRefusal.None) : (string.Empty, UpdateRefusal.PartRequired);
        }

        var asked = leads.FirstOrDefault(d => string.Equals(d, requested.Trim(), StringComparison.OrdinalIgnoreCase));
        return asked is null ? (string.Empty, UpdateRefusal.InvalidCardData)
            : user.IsChiefOfOffice || own.Contains(asked, StringComparer.OrdinalIgnoreCase) ? (asked, UpdateRefusal.None)
            : (string.Empty, UpdateRefusal.NotAllowed);
    }

    /// <summary>The completion date: today when not given; a date from the plan's first day to today otherwise.</summary>
    private static bool TryDoneOn(string? text, PlanSnapshot snapshot, out DateOnly? doneOn)
    {
        doneOn = snapshot.Today;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            || date > snapshot.Today || date < EarliestDoneOn(snapshot))
        {
            return false;
        }

        doneOn = date;
        return true;
    }

    /// <summary>The earliest completion date accepted: the first day of the plan's year.</summary>
    public static DateOnly EarliestDoneOn(PlanSnapshot snapshot) => new(snapshot.Plan.Year, 1, 1);

    private static UpdateOutcome.Refused Refuse(UpdateRefusal refusal, PlanSnapshot? snapshot = null, BoardItem? item = null) =>
        new(refusal, snapshot, item);
}

/// <summary>Why the Chief of Office is being told about a blocker.</summary>
public enum BlockerChange
{
    /// <summary>The milestone changed into Gặp vướng mắc: always told.</summary>
    BecameBlocked,

    /// <summary>Still blocked, with another note: told at most once per milestone per hour.</summary>
    NoteChanged,
}

/// <summary>Tells the Chief of Office at once when a task is reported blocked (the plan's own rule).</summary>
public interface IBlockerNotifier
{
    /// <summary>Best effort and quick: it runs inside the card invoke, which Teams wants answered within seconds.</summary>
    Task NotifyAsync(PlanSnapshot snapshot, BoardItem item, AgencyUser reporter, BlockerChange change, CancellationToken ct);
}
