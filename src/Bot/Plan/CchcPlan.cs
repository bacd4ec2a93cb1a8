namespace CchcBot.Plan;

/// <summary>One agency's yearly administrative-reform plan (Kế hoạch CCHC), as imported and validated.</summary>
public sealed record CchcPlan(
    string Agency,
    int Year,
    string Title,
    IReadOnlyList<ReformArea> Areas,
    IReadOnlyList<PlanTask> Tasks)
{
    private readonly string? _progressScope;

    /// <summary>Where the statuses and history of this plan's tasks are kept: the agency for the first year it stored,
    /// "agency@year" for the others (so one task id in two years never shares a status). Set by storage; not part of the plan file.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string ProgressScope
    {
        get => _progressScope ?? Agency;
        init => _progressScope = value;
    }
}

/// <summary>Nhiệm vụ chung: one of the seven reform areas.</summary>
public sealed record ReformArea(string Id, string Name);

/// <summary>Nhiệm vụ cụ thể: one row of section III of the plan.</summary>
/// <param name="Lead">Department ids or group ids of the lead unit (phòng chủ trì), as written in the plan file.</param>
/// <param name="Cooperating">Department ids or group ids of the cooperating units (phối hợp).</param>
/// <param name="Timeframe">The timeframe text exactly as the plan states it.</param>
/// <param name="Order">Position of the task in the plan (0-based), for stable listing.</param>
public sealed record PlanTask(
    string Id,
    string AreaId,
    string Title,
    IReadOnlyList<string> Deliverables,
    IReadOnlyList<string> Lead,
    IReadOnlyList<string> Cooperating,
    string Timeframe,
    IReadOnlyList<Milestone> Milestones,
    int Order)
{
    /// <summary>Removed from the plan by an amendment while it had history: kept for reports, shown nowhere else.
    /// Set by the import; not part of the plan file.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool Archived { get; init; }
}

/// <summary>One deliverable due on one date. Ongoing ("Thường xuyên") milestones have no due date.</summary>
/// <param name="Id">Unique within the agency: "{taskId}-{n}", n counting from 1 in plan order.</param>
/// <param name="Period">A short Vietnamese label for a periodic milestone ("Quý I", "Năm 2024"); null otherwise.</param>
public sealed record Milestone(
    string Id,
    string TaskId,
    string Deliverable,
    DateOnly? Due,
    string? Period = null)
{
    /// <summary>The plan's own due date when an approved extension (gia hạn) moved <see cref="Due"/>; null otherwise.
    /// Set only on the plan a snapshot is built from (see SnapshotLoader), never stored with the plan.</summary>
    public DateOnly? OriginalDue { get; init; }

    public bool IsOngoing => Due is null;

    public static string MakeId(string taskId, int oneBasedIndex) => $"{taskId}-{oneBasedIndex}";
}
