using System.Text.Json.Nodes;
using CchcBot.Cards;
using CchcBot.Cards.Views;
using CchcBot.Hosting;
using CchcBot.Plan;
using CchcBot.Progress;
using CchcBot.Teams.Identity;
using CchcBot.Views;

namespace CchcBot.Teams;

/// <summary>Maps the domain (plan snapshot, board items, history) to the card builders' view records.</summary>
public sealed class ChatCards(BotClock clock)
{
    public JsonObject Help(BotUser? user) => HelpCard.Build(user?.IsChiefOfOffice == true);

    public JsonObject Error(string message, (string TaskId, string MilestoneId)? backTo = null) =>
        ErrorCard.Build(CardStrings.ErrorTitle, message, backTo);

    /// <param name="draft">What the user typed into one item's form, put back when the card returns with an error.</param>
    public JsonObject MyTasks(PlanSnapshot snapshot, string department, IReadOnlyList<BoardItem> items, int page, CardBanner? banner, bool withPlanSummary, FormDraft? draft = null)
    {
        var summary = withPlanSummary ? PlanSummaryLine(snapshot) : null;
        return MyTasksCard.Build(department, items.Select(i => Item(snapshot, i, draft: draft) with { Others = i.Role == TaskRole.Lead ? Others(snapshot, i, x => Item(snapshot, x, draft: draft)) : null }).ToList(), page, summary, banner);
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
    public JsonObject Task(
        PlanSnapshot snapshot, BoardItem item, IReadOnlyList<HistoryEntry> history, CardBanner? banner, FormDraft? draft = null, bool backToList = false,
        TaskExtras? extras = null, IReadOnlyList<EvidenceFileView>? files = null, int linkMinutes = 0)
    {
        TaskItemView View(BoardItem i) => extras is null ? Item(snapshot, i, draft: draft) : extras.Apply(Item(snapshot, i, draft: draft));
        var main = View(item);
        var direction = extras?.CanDirect == true ? BlockerNoticeCard.DirectionForm(main, item.Part, TaskCard.View, extras.Draft) : null;
        return TaskCard.Build(
            main, history.Select(History).ToList(), banner, backToList: backToList, otherMilestones: Others(snapshot, item, View), direction: direction,
            files: files, linkMinutes: linkMinutes);
    }

    /// <summary>The item's task's other milestones, soonest due first, each as the same department sees it.</summary>
    private static List<TaskItemView> Others(PlanSnapshot snapshot, BoardItem item, Func<BoardItem, TaskItemView> view) =>
        item.Task.Milestones
            .Where(m => m.Id != item.Milestone.Id)
            .OrderBy(m => m.Due ?? DateOnly.MaxValue)
            .Select(m => view(snapshot.Item(item.Task, m, item.Role, item.Part)))
            .ToList();

    public JsonObject BlockerNotice(PlanSnapshot snapshot, BoardItem item, BotUser reporter) =>
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
        CanProposeExtension: i.Role == TaskRole.Lead && i.Milestone.Due is not null && !TaskBoard.IsDone(i));

    private static PartView PartView(PlanSnapshot snapshot, BoardItem i, string departmentId, MilestoneState state) =>
        new(departmentId, snapshot.Directory.Find(departmentId)?.Name ?? departmentId, StatusViews.Of(state.Display(i.Milestone.Due, snapshot.Today, snapshot.Zone)));

    public HistoryItemView History(HistoryEntry h) => new(
        clock.ToLocal(h.At), h.ByName, h.Kind, StatusViews.Of(h.From), StatusViews.Of(h.To), h.Note, h.Evidence, h.DoneOn, h.FromDue, h.ToDue);

    private static string PlanSummaryLine(PlanSnapshot snapshot) =>
        CardStrings.Overview.Total(TallyTable.Summary(Tally.Of(TaskBoard.AllMilestones(snapshot.Plan, snapshot.Directory, snapshot.States, snapshot.Today, snapshot.Zone)))) + ".";
}
