using System.Text.Json.Nodes;
using CchcBot.Cards;
using CchcBot.Cards.Views;
using CchcBot.Hosting;
using CchcBot.Plan;
using CchcBot.Progress;
using CchcBot.Views;

namespace CchcBot.Teams;

/// <summary>Maps the domain (plan snapshot, board items, history) to the card builders' view records.</summary>
public sealed class ChatCards(BotClock clock)
{
    public JsonObject Help(AgencyUser? user) => HelpCard.Build(user?.IsChiefOfOffice == true, user?.IsStaff == true);

    public JsonObject Error(string message, (string TaskId, string MilestoneId)? backTo = null) =>
        ErrorCard.Build(CardStrings.ErrorTitle, message, backTo);

    /// <param name="draft">What the user typed into one item's form, put back when the card returns with an error.</param>
    /// <param name="staff">A member of staff's list: what was assigned to them (<paramref name="department"/> is their name).</param>
    /// <param name="viewer">Who reads the list: items they may give to their staff get a "Giao cho cán bộ" button.</param>
    public JsonObject MyTasks(
        PlanSnapshot snapshot, string department, IReadOnlyList<BoardItem> items, int page, CardBanner? banner, bool withPlanSummary, FormDraft? draft = null,
        bool staff = false, AgencyUser? viewer = null)
    {
        var summary = withPlanSummary ? PlanSummaryLine(snapshot) : null;
        TaskItemView View(BoardItem x) => WithAssignForm(snapshot, Item(snapshot, x, draft: draft), x, viewer);
        var views = items.Select(i => View(i) with { Others = i.Role == TaskRole.Lead && !staff ? Others(snapshot, i, View) : null }).ToList();
        return staff
            ? MyTasksCard.Build(department, views, page, summary, banner, title: StaffStrings.StaffTitle(Markdown.Escape(department)), empty: StaffStrings.StaffNoTasks)
            : MyTasksCard.Build(department, views, page, summary, banner);
    }

    public JsonObject PlanOverview(PlanSnapshot snapshot)
    {
        // A department counts its own parts of milestones led by several; the plan counts each milestone once.
        var all = TaskBoard.AllMilestones(snapshot.Plan, snapshot.Directory, snapshot.States, snapshot.Today, snapshot.Zone);
        var departments = snapshot.Directory.Departments
            .Select(d => new TallyRow(d.Name, Tally.Of(TaskBoard.MilestonesLedBy(snapshot.Plan, snapshot.Directory, d.Id, snapshot.States, snapshot.Today, snapshot.Zone))))
            .ToList();
        return PlanOverviewCard.Build(snapshot.Plan.Title, snapshot.Today, departments, new TallyRow(CardStrings.Columns.Total, Tally.Of(all)));
    }

    /// <summary>The task card: the milestone acted on in full, then the task's other milestones, each with its own form.</summary>
    /// <param name="extras">Section IV on the task card: what the viewer may do beyond the update form (null: the update form only).</param>
    /// <param name="files">The milestone's evidence files with their links (<see cref="TaskView"/>).</param>
    /// <param name="assignments">The task's assignment history (phân công cán bộ), shown with the status history.</param>
    /// <param name="viewer">Who opens the card: a head or deputy gets the "Giao cho cán bộ" form; a member of staff sees
    /// only the milestones they hold.</param>
    public JsonObject Task(
        PlanSnapshot snapshot, BoardItem item, IReadOnlyList<HistoryEntry> history, CardBanner? banner, FormDraft? draft = null, bool backToList = false,
        TaskExtras? extras = null, IReadOnlyList<EvidenceFileView>? files = null, int linkMinutes = 0,
        IReadOnlyList<AssignmentEntry>? assignments = null, AgencyUser? viewer = null)
    {
        TaskItemView View(BoardItem i)
        {
            var view = WithAssignForm(snapshot, Item(snapshot, i, draft: draft), i, viewer);
            return extras is null ? view : extras.Apply(view);
        }

        var others = item.Task.Milestones
            .Where(m => m.Id != item.Milestone.Id)
            .Where(m => viewer?.IsStaff != true || snapshot.Assignments.HeldBy(viewer.Upn, item.Task.Id, m.Id) is not null)
            .OrderBy(m => m.Due ?? DateOnly.MaxValue)
            .Select(m => snapshot.Item(item.Task, m, item.Role, viewer?.IsStaff == true ? NullIfEmpty(snapshot.Assignments.HeldBy(viewer.Upn, item.Task.Id, m.Id)!.Part) : item.Part))
            .Select(View)
            .ToList();
        var entries = history.Select(History)
            .Concat((assignments ?? []).Where(a => a.MilestoneId == item.Milestone.Id).Select(a => AssignmentHistory(snapshot, a)))
            .ToList();
        var main = View(item);
        var direction = extras?.CanDirect == true ? BlockerNoticeCard.DirectionForm(main, item.Part, CardContract.Views.Task, extras.Draft) : null;
        return TaskCard.Build(main, entries, banner, backToList: backToList, otherMilestones: others, direction: direction, files: files, linkMinutes: linkMinutes);
    }
    private static string? NullIfEmpty(string part) => part.Length == 0 ? null : part;

    /// <summary>The "Giao cho cán bộ" form, when the viewer heads (or deputises) the department whose part the item is.</summary>
    private static TaskItemView WithAssignForm(PlanSnapshot snapshot, TaskItemView view, BoardItem item, AgencyUser? viewer)
    {
        if (viewer is null || item.Role != TaskRole.Lead)
        {
            return view;
        }

        var (department, allowed) = TaskAuthorization.CanAssign(viewer, snapshot.Directory, item.Task, item.Part);
        if (!allowed || department is null || department.Staff.Count == 0)
        {
            return view;
        }

        var part = TaskBoard.PartsOf(snapshot.Directory, item.Task).Count > 0 ? department.Id : null;
        var current = snapshot.Assignments.For(item.Task.Id, item.Milestone.Id, part)?.Staff ?? [];
        return view with { Assign = new AssignView(part, department.Name, department.Staff, current) };
    }

    private HistoryItemView AssignmentHistory(PlanSnapshot snapshot, AssignmentEntry a)
    {
        var from = string.Join(", ", a.From);
        var to = string.Join(", ", a.To);
        var text = a.To.Count == 0 ? StaffStrings.TakenBackHistory(from)
            : a.From.Count == 0 ? StaffStrings.AssignedHistory(to)
            : StaffStrings.ReassignedHistory(from, to);
        if (a.Part.Length > 0)
        {
            text = $"{snapshot.Directory.Find(a.Part)?.Name ?? a.Part}: {text}";
        }

        return new HistoryItemView(clock.ToLocal(a.At), a.ByName, AssignBlock.HistoryKind, StatusView.NotStarted, StatusView.NotStarted, text, null);
    }

    /// <summary>Who holds the item: its part's staff, or for a whole milestone led by several, every part's.</summary>
    private static IReadOnlyList<string>? AssigneesOf(PlanSnapshot snapshot, BoardItem i)
    {
        var staff = i.Part is { } part ? snapshot.Assignments.For(i.Task.Id, i.Milestone.Id, part)?.Staff
            : i.Parts is { Count: > 0 } ? snapshot.Assignments.OfMilestone(i.Task.Id, i.Milestone.Id).SelectMany(a => a.Staff).ToList()
            : snapshot.Assignments.For(i.Task.Id, i.Milestone.Id, string.Empty)?.Staff;
        return staff is { Count: > 0 } ? staff : null;
    }

    /// <summary>
    /// The item's task's other milestones, soonest due first, each as the same department sees it. The list builds a
    /// milestone's view when it is read: the card reads only those of the page it shows.
    /// </summary>
    private static ViewsOnRead Others(PlanSnapshot snapshot, BoardItem item, Func<BoardItem, TaskItemView> view)
    {
        var milestones = item.Task.Milestones
            .Where(m => m.Id != item.Milestone.Id)
            .OrderBy(m => m.Due ?? DateOnly.MaxValue)
            .ToList();
        return new ViewsOnRead(milestones.Count, i => view(snapshot.Item(item.Task, milestones[i], item.Role, item.Part)));
    }

    /// <summary>A read-only list of views, each built on its first read.</summary>
    private sealed class ViewsOnRead(int count, Func<int, TaskItemView> build) : IReadOnlyList<TaskItemView>
    {
        private readonly TaskItemView?[] _views = new TaskItemView?[count];

        public int Count => count;

        public TaskItemView this[int index] => _views[index] ??= build(index);

        public IEnumerator<TaskItemView> GetEnumerator()
        {
            for (var i = 0; i < count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    public JsonObject BlockerNotice(PlanSnapshot snapshot, BoardItem item, AgencyUser reporter) =>
        BlockerNoticeCard.Build(Item(snapshot, item), snapshot.UnitNames(item.Task.Lead), reporter.Name, clock.ToLocal(item.State.UpdatedAt ?? clock.Now));

    public TaskItemView Item(PlanSnapshot snapshot, BoardItem i, string? reason = null, FormDraft? draft = null) => new(
        i.Task.Id,
        i.Milestone.Id,
        i.Task.Title,
        i.Area.Name,
        i.Milestone.Deliverable,
        i.Milestone.Period,
        i.Milestone.Due,
        i.DaysLeft,
        StatusViews.Of(i.Display),
        StatusViews.Of(i.Role),
        snapshot.UnitNames(i.Task.Lead),
        snapshot.UnitNames(i.Task.Cooperating),
        i.State.UpdatedBy,
        i.State.UpdatedAt is { } at ? clock.ToLocal(at) : null,
        i.State.Note,
        i.State.Evidence,
        i.State.Status == MilestoneStatus.NotStarted ? null : i.State.Status.ToString(),
        reason,
        i.Part is { } part ? PartView(snapshot, i, part, i.State) : null,
        i.Parts?.Select(p => PartView(snapshot, i, p.DepartmentId, p.State)).ToList(),
        draft?.MilestoneId == i.Milestone.Id ? draft : null,
        i.Role == TaskRole.Lead ? snapshot.Today : null,
        StatusUpdater.EarliestDoneOn(snapshot),
        i.Milestone.OriginalDue,
        CanProposeExtension: i.Role == TaskRole.Lead && i.Milestone.Due is not null && !TaskBoard.IsDone(i),
        Assignees: AssigneesOf(snapshot, i));

    private static PartView PartView(PlanSnapshot snapshot, BoardItem i, string departmentId, MilestoneState state) =>
        new(departmentId, snapshot.Directory.Find(departmentId)?.Name ?? departmentId, StatusViews.Of(state.Display(i.Milestone.Due, snapshot.Today, snapshot.Zone)));

    public HistoryItemView History(HistoryEntry h) => HistoryViews.Of(h, clock.ToLocal(h.At));

    private static string PlanSummaryLine(PlanSnapshot snapshot) =>
        CardStrings.Overview.Total(TallyTable.Summary(Tally.Of(TaskBoard.AllMilestones(snapshot.Plan, snapshot.Directory, snapshot.States, snapshot.Today, snapshot.Zone)))) + ".";
}
