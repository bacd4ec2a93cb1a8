using System.Globalization;
using CchcBot.Cards;
using CchcBot.Cards.Views;
using CchcBot.Digest;
using CchcBot.Evidence;
using CchcBot.Hosting;
using CchcBot.Plan;
using CchcBot.Progress;
using CchcBot.Storage;
using CchcBot.Views;

namespace CchcBot.Tab;

/// <summary>
/// The data of the "Tiến độ CCHC" page in one answer, computed by the digest's own code: the figures are
/// <see cref="DigestCalculator.Compute"/>'s (the plan's, or the head's department's), the department table is the "tổng hợp"
/// card's (<see cref="TaskBoard.MilestonesLedBy"/>), and every row is classified by <see cref="Tally.StandingOf"/>. Staff
/// (cán bộ) see what their head assigned to them only, counted by the same <see cref="Tally"/>. Scope comes from the stored
/// directory and assignments only.
/// </summary>
/// <remarks>
/// The page shows no week's changes, so the digest's figures are computed without the agency's history (which only those
/// need) and without the unreachable list: one answer reads the snapshot, whose read of the year's requests also gives the
/// chiefs' waiting decisions.
/// </remarks>
public sealed class ProgressPage(
    ISnapshotLoader snapshots, IProgressRepository progress, Reminders.ReminderPolicy policy, BotClock clock, EvidenceStore evidence)
{
    public async Task<ProgressView?> BuildAsync(AgencyUser user, CancellationToken ct)
    {
        var chief = user.IsChiefOfOffice || user.IsChiefInspector;
        // The decisions waiting for the chiefs come from the plan year's requests, read with the snapshot.
        var (snapshot, year) = await snapshots.LoadWithRequestsAsync(user, null, ct);
        var (pending, open) = chief ? (year.Pending, year.Open) : ([], []);
        string? departmentId = null;
        if (snapshot is null || (!user.IsStaff && !DigestScope.TryResolve(user, out departmentId)))
        {
            return null;
        }

        var now = clock.Now;
        var plan = DigestCalculator.Compute(snapshot, [], [], now);
        var staff = user.IsStaff ? StaffItems(snapshot, user) : null;
        var scope = staff is not null ? DigestCalculator.Of(snapshot, staff, StaffStrings.StaffTitle(user.Name.Length > 0 ? user.Name : user.Upn), [], [], now)
            : departmentId is null ? plan
            : DigestCalculator.Compute(snapshot, [], [], now, departmentId);
        var items = staff ?? Items(snapshot, departmentId);

        var departments = departmentId is not null || staff is not null
            ? []
            : snapshot.Directory.Departments
                .Select(d => new DepartmentRow(d.Id, d.Name, Figures(Tally.Of(TaskBoard.MilestonesLedBy(snapshot.Plan, snapshot.Directory, d.Id, snapshot.States, snapshot.Today, snapshot.Zone)))))
                .ToList();

        var blockedInTime = scope.Blockers.Where(b => scope.Overdue.All(o => o.MilestoneId != b.MilestoneId)).OrderBy(b => b.Due ?? DateOnly.MaxValue);
        var attention = scope.Overdue.Select(o => Attention(snapshot, o, overdue: true))
            .Concat(blockedInTime.Select(b => Attention(snapshot, b, overdue: false)))
            .ToList();

        var decisions = departmentId is null && staff is null ? Decisions(snapshot, pending, open) : [];
        return new ProgressView(
            snapshot.Plan.Agency,
            snapshot.Plan.Title,
            snapshot.Plan.Year,
            Formats.Date(snapshot.Today),
            Iso(snapshot.Today),
            new UserView(user.Upn, RoleOf(user), RoleName(user), user.Departments.Concat(staff is null ? [] : user.StaffOf).Select(d => new NamedView(d.Id, d.Name)).ToList()),
            staff is not null ? "staff" : departmentId is null ? "plan" : "department",
            scope.Scope,
            Figures(scope.Year),
            Figures(scope.DueSoFar),
            Figures(plan.Year),
            scope.Areas.Select(a => new AreaRow(a.Name, Figures(a.Tally))).ToList(),
            Timeline(snapshot, items),
            attention,
            departments,
            items.Select(i => Row(snapshot, i)).ToList(),
            snapshot.Plan.Areas.Select(a => a.Name).ToList(),
            snapshot.Directory.Departments.Select(d => new NamedView(d.Id, d.Name)).ToList(),
            chief
                ? Reports.ReportPeriod.Offered(snapshot.Today).Select(p => new ReportChoiceView(p.Key, p.Label)).ToList()
                : [],
            decisions);
    }

    /// <summary>One task in full, when the user's scope includes it; null otherwise. Staff see the milestones they hold only
    /// (their history, opinions and files). Each milestone lists its evidence files with a download link (/files/{token},
    /// issued here, for a user who may view the task).</summary>
    public async Task<TaskDetailView?> TaskAsync(AgencyUser user, string taskId, CancellationToken ct)
    {
        string? departmentId = null;
        if (await snapshots.LoadAsync(user, ct) is not { } snapshot || (!user.IsStaff && !DigestScope.TryResolve(user, out departmentId)))
        {
            return null;
        }

        var task = snapshot.Plan.Tasks.FirstOrDefault(t => string.Equals(t.Id, taskId, StringComparison.Ordinal));
        if (task is null
            || (user.IsStaff && !TaskAuthorization.CanViewTask(user, snapshot.Assignments, task))
            || (departmentId is not null && !TaskBoard.Involves(snapshot.Directory, task.Lead.Concat(task.Cooperating), departmentId)))
        {
            return null;
        }

        var part = departmentId is not null && TaskBoard.Involves(snapshot.Directory, task.Lead, departmentId) ? departmentId : null;
        var role = departmentId is null || part is not null ? TaskRole.Lead : TaskRole.Cooperating;
        // Staff: each milestone they hold, with the part they hold; everyone else every milestone of the task.
        var shown = user.IsStaff
            ? task.Milestones.Select(m => (Milestone: m, Held: snapshot.Assignments.HeldBy(user.Upn, task.Id, m.Id)))
                .Where(x => x.Held is not null)
                .Select(x => (x.Milestone, Part: x.Held!.Part.Length == 0 ? null : x.Held.Part))
                .ToList()
            : task.Milestones.Select(m => (Milestone: m, Part: part)).ToList();
        var visible = shown.Select(x => x.Milestone.Id).ToHashSet(StringComparer.Ordinal);
        var historyTask = progress.GetHistoryAsync(snapshot.Plan.ProgressScope, task.Id, ct);
        var filesTask = evidence.FilesOfTaskAsync(snapshot.Plan.Agency, snapshot.Plan.ProgressScope, task.Id, ct);
        var history = (await historyTask).Where(h => visible.Contains(h.MilestoneId)).ToList();
        var files = (await filesTask).Where(f => visible.Contains(f.MilestoneId)).ToList();
        var links = await evidence.IssueLinksAsync(snapshot.Plan.Agency, files, ct);
        var area = snapshot.Plan.Areas.FirstOrDefault(a => a.Id == task.AreaId)?.Name ?? task.AreaId;
        string Name(string id) => snapshot.Directory.Find(id)?.Name ?? id;
        HistoryView Entry(HistoryEntry h)
        {
            // A section IV step (direction, escalation, extension) says what it was, as the task card does, not "X → X".
            var step = TaskCard.SectionFour(HistoryViews.Of(h, clock.ToLocal(h.At)));
            var statusChange = h.Kind != ProgressRepository.CommentKind && step is null;
            return new HistoryView(
                Formats.DateTime(clock.ToLocal(h.At)), h.MilestoneId, h.ByName, h.By,
                statusChange ? StatusName(h.From) : null,
                statusChange ? StatusName(h.To) : null,
                h.Note, Link(h.Evidence), h.Part.Length == 0 ? null : Name(h.Part), step);
        }

        var milestones = shown.Select(x =>
        {
            var m = x.Milestone;
            var item = snapshot.Item(task, m, role, x.Part);
            var parts = (item.Parts ?? []).Select(p => new PartView(
                Name(p.DepartmentId), StatusName(p.State.Status), p.State.Note, Link(p.State.Evidence),
                p.State.UpdatedAt is { } at ? Formats.DateTime(clock.ToLocal(at)) : null)).ToList();
            var attached = files.Where(f => f.MilestoneId == m.Id).Select(f => new FileView(
                f.FileName, EvidencePickerCard.Size(f.Size), f.ByName, Formats.DateTime(clock.ToLocal(f.At)),
                links.TryGetValue(f.UploadId, out var token) ? $"/files/{token}" : null)).ToList();
            return new MilestoneDetailView(m.Id, m.Deliverable, m.Period, m.Due is { } d ? Formats.Date(d) : null, DisplayName(item.Display),
                Code(item.Display), StandingName(Tally.StandingOf(item)), item.State.UpdatedBy,
                item.State.UpdatedAt is { } u ? Formats.DateTime(clock.ToLocal(u)) : null, item.State.Note, Link(item.State.Evidence), parts, attached);
        }).ToList();

        var ordered = history.OrderByDescending(h => h.At).ToList();
        return new TaskDetailView(
            task.Id, task.Title, area, task.Timeframe, task.Deliverables,
            snapshot.UnitNames(task.Lead), snapshot.UnitNames(task.Cooperating),
            role == TaskRole.Lead ? CardStrings.Labels.Lead : CardStrings.Labels.Cooperating,
            milestones,
            ordered.Where(h => h.Kind != ProgressRepository.CommentKind).Select(Entry).ToList(),
            ordered.Where(h => h.Kind == ProgressRepository.CommentKind).Select(Entry).ToList(),
            (int)EvidenceStore.LinkLifetime.TotalHours);
    }

    /// <summary>What a member of staff holds (assigned by their head), in plan order: the rows of their page.</summary>
    private static List<BoardItem> StaffItems(PlanSnapshot snapshot, AgencyUser user) =>
        snapshot.Assignments.Of(user.Upn)
            .Select(a => snapshot.Find(a.TaskId, a.MilestoneId) is var (t, m) ? snapshot.Item(t, m, TaskRole.Lead, a.Part.Length == 0 ? null : a.Part) : null)
            .OfType<BoardItem>()
            .OrderBy(i => i.Task.Order).ThenBy(i => i.Milestone.Due ?? DateOnly.MaxValue)
            .ToList();

    /// <summary>The rows in scope: the whole plan once per milestone (plan order), or the department's — its own parts of
    /// what it leads, then what it cooperates on — as the department's digest counts them.</summary>
    private static List<BoardItem> Items(PlanSnapshot snapshot, string? departmentId)
    {
        if (departmentId is null)
        {
            return TaskBoard.AllMilestones(snapshot.Plan, snapshot.Directory, snapshot.States, snapshot.Today, snapshot.Zone).ToList();
        }

        return snapshot.Plan.Tasks
            .Select(t => (Task: t, Role: TaskBoard.Involves(snapshot.Directory, t.Lead, departmentId) ? TaskRole.Lead
                : TaskBoard.Involves(snapshot.Directory, t.Cooperating, departmentId) ? TaskRole.Cooperating : (TaskRole?)null))
            .Where(x => x.Role is not null)
            .SelectMany(x => x.Task.Milestones.Select(m => snapshot.Item(x.Task, m, x.Role!.Value, x.Role == TaskRole.Lead ? departmentId : null)))
            .OrderBy(i => i.Role).ThenBy(i => i.Task.Order).ThenBy(i => i.Milestone.Due ?? DateOnly.MaxValue)
            .ToList();
    }

    private static MilestoneRow Row(PlanSnapshot snapshot, BoardItem i) => new(
        i.Task.Id,
        i.Milestone.Id,
        i.Task.Title,
        i.Milestone.Deliverable,
        i.Area.Name,
        snapshot.UnitNames(i.Task.Lead),
        TaskBoard.Departments(snapshot.Directory, i.Task.Lead).ToList(),
        i.Role == TaskRole.Lead ? CardStrings.Labels.Lead : CardStrings.Labels.Cooperating,
        Code(i.Display),
        DisplayName(i.Display),
        StandingCode(Tally.StandingOf(i)),
        StandingName(Tally.StandingOf(i)),
        i.Milestone.Due is { } d ? Formats.Date(d) : null,
        i.Milestone.Due is { } due ? Iso(due) : null,
        i.Milestone.Due is { } m ? m.ToString("yyyy-MM", CultureInfo.InvariantCulture) : null,
        i.DaysLeft,
        i.State.Note);

    private List<DecisionRow> Decisions(PlanSnapshot snapshot, IEnumerable<ExtensionRequest> pending, IEnumerable<BlockerEscalation> open)
    {
        var rows = new List<DecisionRow>();
        foreach (var r in pending.OrderBy(r => r.AskedAt))
        {
            if (snapshot.Find(r.TaskId, r.MilestoneId) is var (task, milestone))
            {
                rows.Add(new DecisionRow(task.Id, milestone.Id, task.Title, milestone.Deliverable, "extension", TabStrings.ExtensionKind,
                    TabStrings.ExtensionText(Formats.Date(r.CurrentDue), Formats.Date(r.ProposedDue), r.Reason), r.AskedByName, Formats.Date(clock.LocalDate(r.AskedAt))));
            }
        }

        foreach (var e in open.OrderBy(e => e.At))
        {
            if (snapshot.Find(e.TaskId, e.MilestoneId) is var (task, milestone))
            {
                rows.Add(new DecisionRow(task.Id, milestone.Id, task.Title, milestone.Deliverable, "escalation", TabStrings.EscalationKind,
                    e.Note, e.ByName, Formats.Date(clock.LocalDate(e.At))));
            }
        }

        return rows;
    }

    /// <summary>The year's dated milestones in scope per month of their due date, in the four groups.</summary>
    private static List<MonthRow> Timeline(PlanSnapshot snapshot, IReadOnlyList<BoardItem> items)
    {
        var dated = items.Where(i => i.Milestone.Due is not null).ToList();
        var year = snapshot.Plan.Year;
        return Enumerable.Range(1, 12).Select(month =>
        {
            var inMonth = dated.Where(i => i.Milestone.Due!.Value.Year == year && i.Milestone.Due.Value.Month == month).ToList();
            return new MonthRow($"{year:0000}-{month:00}", $"{month:00}/{year:0000}", Figures(Tally.Of(inMonth)));
        }).ToList();
    }

    /// <param name="overdue">From the digest's overdue list (else its blockers).</param>
    private AttentionRow Attention(PlanSnapshot snapshot, DigestItem i, bool overdue)
    {
        // Waiting for the Chief of Office's direction: what the reminders escalate (blocked, or overdue long enough).
        var escalated = snapshot.Find(i.TaskId, i.MilestoneId) is var (task, milestone)
            && policy.IsEscalated(snapshot.Today, milestone, snapshot.Item(task, milestone, TaskRole.Lead).State.Status);
        return new AttentionRow(
            i.TaskId, i.MilestoneId, i.Title, i.Deliverable, i.LeadUnits, i.Due is { } d ? Formats.Date(d) : null,
            overdue ? i.Days : null, overdue ? "overdue" : "blocked", i.Note, escalated);
    }

    public static FiguresView Figures(TallyView t) => new(t.Dated, t.DoneOnTime, t.DoneLate, t.OpenInTime, t.OpenOverdue, t.InProgress, t.Blocked, t.NotStarted, t.OngoingTasks);

    private static string RoleOf(AgencyUser user) => user.IsChiefInspector ? "chief-inspector" : user.IsChiefOfOffice ? "chief-of-office" : user.IsStaff ? "staff" : "head";

    private static string RoleName(AgencyUser user) => user.IsChiefInspector ? Positions.ChiefInspector
        : user.IsChiefOfOffice ? Positions.ChiefOfOffice
        : user.PrimaryDepartment is { } d ? (AgencyDirectory.SamePerson(d.Head, user.Upn) ? Positions.Head(d) : Positions.Deputy(d))
        : user.StaffOf.Count > 0 ? Positions.Staff(user.StaffOf[0])
        : string.Empty;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Code(DisplayStatus status) => status switch
    {
        DisplayStatus.NotStarted => "not-started",
        DisplayStatus.InProgress => "in-progress",
        DisplayStatus.Done => "done",
        DisplayStatus.Blocked => "blocked",
        DisplayStatus.Overdue => "overdue",
        _ => "done-late",
    };

    private static string DisplayName(DisplayStatus status) => Formats.Status(StatusViews.Of(status));

    private static string StatusName(MilestoneStatus status) => Formats.Status(StatusViews.Of(status));

    private static string StandingCode(Standing? standing) => standing switch
    {
        Standing.DoneOnTime => "done-on-time",
        Standing.DoneLate => "done-late",
        Standing.OpenInTime => "open-in-time",
        Standing.OpenOverdue => "open-overdue",
        _ => "ongoing",
    };

    private static string StandingName(Standing? standing) => standing switch
    {
        Standing.DoneOnTime => CardStrings.Figures.DoneOnTime,
        Standing.DoneLate => CardStrings.Figures.DoneLate,
        Standing.OpenInTime => CardStrings.Figures.OpenInTime,
        Standing.OpenOverdue => CardStrings.Figures.OpenOverdue,
        _ => CardStrings.Ongoing,
    };

    /// <summary>Evidence as a link only when it is an absolute http(s) URL (the page never makes a javascript: link).</summary>
    private static EvidenceView? Link(string? evidence) =>
        string.IsNullOrWhiteSpace(evidence) ? null
        : new EvidenceView(evidence, Uri.TryCreate(evidence.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null);
}

/// <summary>What waits for a decision (the plan's section IV): a request for more time, or a blocker submitted to the
/// Chief Inspector.</summary>
/// <param name="Kind">"extension" or "escalation".</param>
public sealed record DecisionRow(string TaskId, string MilestoneId, string Title, string Deliverable, string Kind, string KindName, string Text, string By, string At);

public sealed record ProgressView(
    string Agency, string PlanTitle, int Year, string Today, string TodayIso, UserView User, string Scope, string ScopeName,
    FiguresView Figures, FiguresView DueSoFar, FiguresView PlanTotals, IReadOnlyList<AreaRow> Areas, IReadOnlyList<MonthRow> Timeline,
    IReadOnlyList<AttentionRow> Attention, IReadOnlyList<DepartmentRow> Departments, IReadOnlyList<MilestoneRow> Milestones,
    IReadOnlyList<string> AreaNames, IReadOnlyList<NamedView> DepartmentNames, IReadOnlyList<ReportChoiceView> Reports,
    IReadOnlyList<DecisionRow> Decisions);

/// <summary>A period the chiefs may ask a report for (key "2026-H1", label "6 tháng đầu năm 2026").</summary>
public sealed record ReportChoiceView(string Key, string Label);

public sealed record UserView(string Email, string Role, string RoleName, IReadOnlyList<NamedView> Departments);

public sealed record NamedView(string Id, string Name);

/// <param name="Dated">Every dated milestone: the sum of the four groups.</param>
public sealed record FiguresView(int Dated, int DoneOnTime, int DoneLate, int OpenInTime, int OpenOverdue, int InProgress, int Blocked, int NotStarted, int OngoingTasks);

public sealed record AreaRow(string Name, FiguresView Figures);

public sealed record DepartmentRow(string Id, string Name, FiguresView Figures);

public sealed record MonthRow(string Month, string Label, FiguresView Figures);

/// <param name="DaysOverdue">Null for a blocked milestone still in time.</param>
/// <param name="NeedsDirection">Escalated to the Chief of Office (blocked, or overdue the configured working days): awaiting direction.</param>
public sealed record AttentionRow(string TaskId, string MilestoneId, string Title, string Deliverable, string LeadUnits, string? Due, int? DaysOverdue, string Kind, string? Note, bool NeedsDirection);

public sealed record MilestoneRow(
    string TaskId, string MilestoneId, string Title, string Deliverable, string Area, string LeadUnits, IReadOnlyList<string> LeadDepartmentIds, string Role,
    string State, string StateName, string Standing, string StandingName, string? Due, string? DueIso, string? DueMonth, int? DaysLeft, string? Note);

/// <param name="LinkHours">How long the files' download links are valid.</param>
public sealed record TaskDetailView(
    string Id, string Title, string Area, string Timeframe, IReadOnlyList<string> Deliverables, string LeadUnits, string CooperatingUnits, string Role,
    IReadOnlyList<MilestoneDetailView> Milestones, IReadOnlyList<HistoryView> History, IReadOnlyList<HistoryView> Opinions, int LinkHours);

/// <param name="Files">The milestone's evidence files (tài liệu kiểm chứng), oldest first.</param>
public sealed record MilestoneDetailView(
    string Id, string Deliverable, string? Period, string? Due, string StateName, string State, string StandingName, string? UpdatedBy, string? UpdatedAt,
    string? Note, EvidenceView? Evidence, IReadOnlyList<PartView> Parts, IReadOnlyList<FileView> Files);

/// <summary>An evidence file attached to a milestone.</summary>
/// <param name="Size">"1,2 MB", "34 KB".</param>
/// <param name="Url">The bot's download link (/files/{token}, valid for <see cref="TaskDetailView.LinkHours"/>).</param>
public sealed record FileView(string Name, string Size, string By, string At, string? Url);

public sealed record PartView(string Department, string StatusName, string? Note, EvidenceView? Evidence, string? UpdatedAt);

/// <param name="Step">A section IV step in words ("Trình Chánh Thanh tra", "Đề nghị gia hạn từ … đến …"); null for a status change or an opinion.</param>
public sealed record HistoryView(string At, string MilestoneId, string ByName, string By, string? From, string? To, string? Note, EvidenceView? Evidence, string? Part, string? Step = null);

/// <param name="Url">The text as a link, when it is an absolute http(s) URL; null otherwise.</param>
public sealed record EvidenceView(string Text, string? Url);
