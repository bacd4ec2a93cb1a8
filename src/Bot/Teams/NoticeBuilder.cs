using CchcBot.Cards.Views;
using CchcBot.Hosting;
using CchcBot.Plan;
using CchcBot.Progress;
using CchcBot.Storage;
using Microsoft.Extensions.Options;

namespace CchcBot.Teams;

/// <summary>
/// The blocker/extension notice of one milestone as one person sees it: what stands (blocker, escalation, pending
/// request, from storage) and the actions that person has the right to use (<see cref="BlockerAuthorization"/>).
/// </summary>
public sealed class NoticeBuilder(IExtensionRepository extensions, IEscalationRepository escalations, ChatCards cards, IOptions<ExtensionOptions> options, BotClock clock)
{
    public ExtensionApprover Approver => options.Value.Approver;

    public async Task<BlockerNoticeView> BuildAsync(PlanSnapshot snapshot, BoardItem item, AgencyUser viewer, CancellationToken ct, NoticeKind? kind = null)
    {
        var (escalation, pending) = await StateAsync(snapshot.Plan.ProgressScope, item.Milestone.Id, ct);
        return Build(snapshot, item, viewer, escalation, pending, kind);
    }

    /// <summary>The milestone's open escalation and pending request in the plan year <paramref name="scope"/> (the plan's
    /// <see cref="CchcPlan.ProgressScope"/>), from storage.</summary>
    public async Task<(BlockerEscalation? Escalation, ExtensionRequest? Pending)> StateAsync(string scope, string milestoneId, CancellationToken ct)
    {
        var escalationTask = escalations.GetAsync(scope, milestoneId, ct);
        var request = await extensions.GetRequestAsync(scope, milestoneId, ct);
        return (await escalationTask, request is { State: ExtensionState.Pending } ? request : null);
    }

    public BlockerNoticeView Build(PlanSnapshot snapshot, BoardItem item, AgencyUser viewer, BlockerEscalation? escalation, ExtensionRequest? pending, NoticeKind? kind = null)
    {
        var blocked = item.State.Status == MilestoneStatus.Blocked;
        escalation = Current(escalation, item);
        var actions = NoticeActions.None;
        if (BlockerAuthorization.CanDirect(viewer))
        {
            actions |= NoticeActions.Direct;
        }

        if (blocked && BlockerAuthorization.CanEscalate(viewer) && escalation is null)
        {
            actions |= NoticeActions.Escalate;
        }

        if (blocked && BlockerAuthorization.CanResolve(viewer))
        {
            actions |= NoticeActions.Resolve;
        }

        if (item.Milestone.Due is not null && !TaskBoard.IsDone(item) && BlockerAuthorization.CanPropose(viewer, snapshot.Directory, item.Task, item.Part))
        {
            actions |= NoticeActions.Propose;
        }

        if (pending is not null && BlockerAuthorization.CanDecide(viewer, Approver))
        {
            actions |= NoticeActions.Decide;
        }

        var shown = kind ?? (blocked ? (escalation is not null && viewer.IsChiefInspector ? NoticeKind.Escalated : NoticeKind.Blocker)
            : pending is not null ? NoticeKind.Extension
            : NoticeKind.Task);
        var extension = pending is null
            ? null
            : new ExtensionView(pending.Id, pending.CurrentDue, pending.ProposedDue, pending.Reason, pending.AskedByName, clock.ToLocal(pending.AskedAt));
        return new BlockerNoticeView(
            shown,
            cards.Item(snapshot, item),
            item.Part,
            blocked ? item.State.Note ?? Cards.CardStrings.Blocker.NoNote : null,
            item.State.UpdatedBy,
            item.State.UpdatedAt is { } at ? clock.ToLocal(at) : null,
            escalation?.Note,
            escalation?.ByName,
            extension,
            actions,
            snapshot.Today);
    }

    /// <summary>
    /// What <see cref="WaitingFor"/> needs of the plan year's requests (read with the snapshot,
    /// <see cref="ISnapshotLoader.LoadWithRequestsAsync"/>): the pending requests he decides, the blockers submitted to
    /// the Chief Inspector.
    /// </summary>
    public WaitingDecisions Waiting(YearRequests year, AgencyUser viewer) => new(
        viewer.IsChiefInspector ? year.Open : [],
        BlockerAuthorization.CanDecide(viewer, Approver) ? year.Pending : []);

    /// <summary>
    /// What waits for the viewer's decision, oldest first: the requests for more time he approves, then (the Chief
    /// Inspector) the blockers submitted to him.
    /// </summary>
    public IReadOnlyList<BlockerNoticeView> WaitingFor(PlanSnapshot snapshot, AgencyUser viewer, WaitingDecisions waiting)
    {
        var (escalated, pending) = waiting;
        var result = new List<BlockerNoticeView>();
        foreach (var request in pending)
        {
            if (Item(snapshot, request.TaskId, request.MilestoneId, request.Part) is { } item)
            {
                result.Add(ForDecision(Build(snapshot, item, viewer, escalated.FirstOrDefault(e => e.MilestoneId == request.MilestoneId), request, NoticeKind.Extension)));
            }
        }

        foreach (var escalation in escalated.Where(e => pending.All(p => p.MilestoneId != e.MilestoneId)))
        {
            if (Item(snapshot, escalation.TaskId, escalation.MilestoneId, escalation.Part) is { } item && Current(escalation, item) is not null)
            {
                result.Add(ForDecision(Build(snapshot, item, viewer, escalation, null, NoticeKind.Escalated)));
            }
        }

        return result;
    }

    /// <summary>
    /// A notice among what waits for a decision offers no "Đề nghị gia hạn" of its own: the list below it holds the
    /// milestone's form when the viewer leads it (the approving Chief of Office), and one card may not hold an input id twice.
    /// </summary>
    private static BlockerNoticeView ForDecision(BlockerNoticeView notice) => notice with { Actions = notice.Actions & ~NoticeActions.Propose };

    /// <summary>
    /// The escalation while it is about the blocker as it stands: none once the milestone is no longer blocked, or
    /// was reported blocked again after it was submitted (a new blocker may be submitted again).
    /// </summary>
    public static BlockerEscalation? Current(BlockerEscalation? escalation, BoardItem item) =>
        escalation is not null && item.State.Status == MilestoneStatus.Blocked && (item.State.UpdatedAt is not { } at || at <= escalation.At) ? escalation : null;

    /// <summary>A person of the directory as a user (for the actions a card sent to them offers).</summary>
    public static AgencyUser Person(AgencyDirectory directory, string upn) =>
        new(string.Empty, upn, upn, directory.Agency, directory, directory.DepartmentsOf(upn));

    private static BoardItem? Item(PlanSnapshot snapshot, string taskId, string milestoneId, string part)
    {
        if (snapshot.Find(taskId, milestoneId) is not var (task, milestone))
        {
            return null;
        }

        var parts = TaskBoard.PartsOf(snapshot.Directory, task);
        return snapshot.Item(task, milestone, TaskRole.Lead, parts.Contains(part, StringComparer.OrdinalIgnoreCase) ? part : null);
    }
}

/// <summary>What waits for a viewer's decision, of the plan year's requests: open escalations (the Chief Inspector's) and pending requests.</summary>
public sealed record WaitingDecisions(IReadOnlyList<BlockerEscalation> Escalated, IReadOnlyList<ExtensionRequest> Pending);
