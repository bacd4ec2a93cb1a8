using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CchcBot.Cards;
using CchcBot.Cards.Views;
using CchcBot.Delivery;
using CchcBot.Plan;
using CchcBot.Progress;
using CchcBot.Storage;
using CchcBot.Teams.Delivery;
using Microsoft.Bot.Schema;

namespace CchcBot.Teams.CardActions;

/// <summary>One section IV card action's subject, from storage: the snapshot, the milestone (or part) and who acts.</summary>
/// <param name="Part">The lead department whose part is concerned (a milestone led by several); null otherwise.</param>
/// <param name="View">Where the card came from: "notice", "task", "myTasks" (null: the task card).</param>
public sealed record BlockerTarget(PlanSnapshot Snapshot, PlanTask Task, Milestone Milestone, BoardItem Item, string? Part, AgencyUser User, string? View, int Page, string OperationKey)
{
    public string Agency => Snapshot.Plan.Agency;

    /// <summary>Where the plan year's statuses, history, requests and escalations are kept ("agency", or "agency@year" for a later year).</summary>
    public string ProgressScope => Snapshot.Plan.ProgressScope;
}

/// <summary>
/// What the section IV verbs (giveDirection, escalateBlocker, proposeExtension, decideExtension, resolveBlocker) share:
/// reading the card's ids (and nothing else) into a target from storage, the history entry, the cards sent to the
/// people concerned, and the answer — the card the user acted on, rebuilt as it now stands, with a banner.
/// </summary>
public sealed class BlockerDesk(
    ISnapshotLoader snapshots,
    IProgressRepository progress,
    NoticeBuilder notices,
    TaskView taskView,
    MyTasksView myTasks,
    IProactiveSender sender,
    ChatCards cards,
    ILogger<BlockerDesk> logger)
{
    private static readonly HashSet<string> Views = new(StringComparer.Ordinal) { CardContract.Views.Notice, CardContract.Views.Task, CardContract.Views.MyTasks, CardContract.Views.Reminder };
    private static readonly TimeSpan SendBudget = TimeSpan.FromSeconds(3);

    public NoticeBuilder Notices => notices;

    public ExtensionApprover Approver => notices.Approver;

    /// <summary>The target, or the error card to answer with (unknown user, bad or missing ids, unknown task or part).</summary>
    public async Task<(BlockerTarget? Target, AdaptiveCardInvokeResponse? Error)> TargetAsync(CardActionRequest request, CancellationToken ct)
    {
        if (request.User is not { } user)
        {
            return (null, Error(CardTexts.Refusal(UpdateRefusal.UnknownUser)));
        }

        var taskId = request.GetString("taskId");
        var milestoneId = request.GetString("milestoneId");
        if (string.IsNullOrWhiteSpace(taskId) || string.IsNullOrWhiteSpace(milestoneId))
        {
            return (null, Error(CardTexts.Refusal(UpdateRefusal.MissingIds)));
        }

        var view = request.GetString("view");
        var page = request.GetInt("page", 0, CardContract.Limits.MaxPage);
        var part = request.GetString("part");
        if ((view is null && !request.IsAbsent("view")) || (view is not null && !Views.Contains(view))
            || (page is null && !request.IsAbsent("page")) || (part is null && !request.IsAbsent("part")))
        {
            return (null, Error(CardTexts.Refusal(UpdateRefusal.InvalidCardData)));
        }

        var snapshot = await snapshots.LoadAsync(user, ct);
        if (snapshot?.Find(taskId, milestoneId) is not var (task, milestone))
        {
            return (null, Error(CardTexts.Refusal(UpdateRefusal.UnknownTask)));
        }

        string? shownPart = null;
        if (part is not null)
        {
            shownPart = TaskBoard.PartsOf(snapshot.Directory, task).FirstOrDefault(d => string.Equals(d, part.Trim(), StringComparison.OrdinalIgnoreCase));
            if (shownPart is null)
            {
                return (null, Error(CardTexts.Refusal(UpdateRefusal.InvalidCardData), (task.Id, milestone.Id)));
            }
        }

        var item = snapshot.Item(task, milestone, TaskRole.Lead, shownPart);
        var key = request.TurnContext.Activity.Id is { Length: > 0 } id ? id : Guid.NewGuid().ToString();
        return (new BlockerTarget(snapshot, task, milestone, item, shownPart, user, view, page ?? 0, key), null);
    }

    /// <summary>The user's note from the form of <paramref name="verb"/> ("note:&lt;verb&gt;.&lt;milestoneId&gt;", or "note:&lt;milestoneId&gt;").</summary>
    /// <summary>
    /// The note a section IV form sent, cleaned (null when empty or only invisible characters), and the draft that puts
    /// what was typed (and the proposed date, for Gia hạn) back into the form when the step is refused.
    /// </summary>
    public static (string? Note, ActionDraft Draft) TypedNote(CardActionRequest request, string verb, string milestoneId, string? typedDue = null)
    {
        var typed = request.GetString(CardContract.Inputs.Id(CardContract.Inputs.Note, BlockerNoticeCard.InputKey(verb, milestoneId))) ?? request.GetInput(CardContract.Inputs.Note, milestoneId);
        return (UserText.Clean(typed), new ActionDraft(verb, FormText.Cut(typed, CardContract.Limits.NoteLength), FormText.Cut(typedDue, 32)));
    }

    /// <summary>A history entry of the step (who, when, what, from → to), recorded once per invoke (a re-sent one is a replay).</summary>
    public Task<RecordResult> RecordAsync(
        BlockerTarget t, string kind, string? note, CancellationToken ct, MilestoneStatus? newStatus = null, DateOnly? fromDue = null, DateOnly? toDue = null, string? part = null) =>
        progress.RecordAsync(
            // A status change keeps the evidence the lead recorded (the step itself carries none).
            new ProgressUpdate(t.ProgressScope, t.Task.Id, t.Milestone.Id, t.OperationKey, t.User.Upn, t.User.Name, null, newStatus, note, newStatus is null ? null : t.Item.State.Evidence,
                part ?? t.Part ?? string.Empty, null, kind, fromDue, toDue),
            ct);

    /// <summary>The answer: the card acted on, as it stands now, with the banner (and, after a refusal, what was typed).</summary>
    public async Task<AdaptiveCardInvokeResponse> AnswerAsync(BlockerTarget t, CardBanner? banner, CancellationToken ct, ActionDraft? draft = null, bool asNotice = false)
    {
        var snapshot = draft is null ? await snapshots.LoadAsync(t.User, ct) ?? t.Snapshot : t.Snapshot;
        var task = snapshot.Plan.Tasks.FirstOrDefault(x => x.Id == t.Task.Id) ?? t.Task;
        var milestone = task.Milestones.FirstOrDefault(m => m.Id == t.Milestone.Id) ?? t.Milestone;
        var item = snapshot.Item(task, milestone, TaskRole.Lead, t.Part);
        if (asNotice || t.View == CardContract.Views.Notice)
        {
            return InvokeResponses.Card(BlockerNoticeCard.Build(await notices.BuildAsync(snapshot, item, t.User, ct), banner, draft));
        }

        if (t.View == CardContract.Views.MyTasks)
        {
            return InvokeResponses.Card(await myTasks.RenderAsync(t.User, t.Page, banner, ct));
        }

        return InvokeResponses.Card(await taskView.RenderAsync(snapshot, item, banner, ct, viewer: t.User, actionDraft: draft));
    }

    /// <summary>A refusal the user fixes in the form: the same card, the message on top, what they typed kept.</summary>
    public Task<AdaptiveCardInvokeResponse> RefuseInFormAsync(BlockerTarget t, string message, ActionDraft draft, CancellationToken ct) =>
        AnswerAsync(t, new CardBanner(message, Error: true), ct, draft);

    public AdaptiveCardInvokeResponse Error(string message, (string TaskId, string MilestoneId)? backTo = null) =>
        InvokeResponses.Card(cards.Error(message, backTo));

    /// <summary>The heads of the lead department of the part, or of every lead department (distinct).</summary>
    public static IReadOnlyList<string> LeadHeads(BlockerTarget t)
    {
        var directory = t.Snapshot.Directory;
        var departments = t.Part is { } part ? [part] : TaskBoard.Departments(directory, t.Task.Lead);
        return departments.Select(directory.Find).OfType<Department>().Select(d => d.Head)
            .Where(h => !string.IsNullOrWhiteSpace(h)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>"Phòng Nghiệp vụ 1" — the lead departments concerned, for the banners.</summary>
    public static string LeadNames(BlockerTarget t) =>
        t.Part is { } part ? t.Snapshot.Directory.Find(part)?.Name ?? part : t.Snapshot.UnitNames(t.Task.Lead);

    /// <summary>The step told to one person (not the one who acted); best effort within a few seconds each.</summary>
    public async Task SendAsync(BlockerTarget t, IEnumerable<string> recipients, Func<string, JsonObject> card, string summary, CancellationToken ct)
    {
        var list = recipients.Where(r => !string.IsNullOrWhiteSpace(r) && !AgencyDirectory.SamePerson(r, t.User.Upn))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        await Task.WhenAll(list.Select(async recipient =>
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(SendBudget);
            try
            {
                var result = await sender.SendToPersonAsync(t.Agency, recipient, CardMessages.Of(card(recipient), summary), timeout.Token);
                if (!result.Delivered)
                {
                    logger.LogWarning("Card {Summary} on task {TaskId} not delivered to {Recipient}: {Status} {Detail}", summary, t.Task.Id, recipient, result.Status, result.Detail);
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning("Card {Summary} on task {TaskId} to {Recipient} took longer than {Budget}", summary, t.Task.Id, recipient, SendBudget);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The step is recorded: the user's answer must not turn into an error card.
                logger.LogWarning(e, "Card {Summary} on task {TaskId} to {Recipient} failed", summary, t.Task.Id, recipient);
            }
        }));
    }

    /// <summary>The notice card as each recipient sees it (the actions they may use), from a fresh read.</summary>
    public async Task<Func<string, JsonObject>> NoticeForAsync(BlockerTarget t, CancellationToken ct, NoticeKind? kind = null)
    {
        var snapshot = await snapshots.LoadAsync(t.User, ct) ?? t.Snapshot;
        var task = snapshot.Plan.Tasks.FirstOrDefault(x => x.Id == t.Task.Id) ?? t.Task;
        var milestone = task.Milestones.FirstOrDefault(m => m.Id == t.Milestone.Id) ?? t.Milestone;
        var item = snapshot.Item(task, milestone, TaskRole.Lead, t.Part);
        var (escalation, pending) = await notices.StateAsync(t.ProgressScope, milestone.Id, ct);
        return recipient => BlockerNoticeCard.Build(notices.Build(snapshot, item, NoticeBuilder.Person(snapshot.Directory, recipient), escalation, pending, kind));
    }

    /// <summary>The item as cards show it, fresh from storage (after the step).</summary>
    public async Task<TaskItemView> ItemViewAsync(BlockerTarget t, CancellationToken ct)
    {
        var snapshot = await snapshots.LoadAsync(t.User, ct) ?? t.Snapshot;
        var task = snapshot.Plan.Tasks.FirstOrDefault(x => x.Id == t.Task.Id) ?? t.Task;
        var milestone = task.Milestones.FirstOrDefault(m => m.Id == t.Milestone.Id) ?? t.Milestone;
        return cards.Item(snapshot, snapshot.Item(task, milestone, TaskRole.Lead, t.Part));
    }

    /// <summary>"Nguyễn Văn An (Chánh Văn phòng)".</summary>
    public static string Who(AgencyUser user) =>
        Positions.Of(user.Directory, user.Upn) is { Length: > 0 } position ? BlockerStrings.Position(user.Name, position) : user.Name;

    /// <summary>A request id from the operation that asked: a re-sent invoke is the same request.</summary>
    public static string RequestId(string operationKey, string milestoneId) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{operationKey}\n{milestoneId}")), 0, 12);
}
