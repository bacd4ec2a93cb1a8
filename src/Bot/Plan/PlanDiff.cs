namespace CchcBot.Plan;

/// <summary>
/// The differences between a stored plan and a new one, task by task (matched by id, ignoring case like the plan
/// file's ids): tasks added, removed, and changed with the names of the fields that changed. Pure: no I/O.
/// </summary>
public sealed record PlanDiff(
    IReadOnlyList<PlanTask> Added,
    IReadOnlyList<PlanTask> Removed,
    IReadOnlyList<TaskChange> Changed)
{
    /// <summary>The field names a <see cref="TaskChange"/> may list, in this order.</summary>
    public static readonly IReadOnlyList<string> FieldNames = ["title", "deliverables", "lead", "cooperating", "timeframe", "milestones", "area"];

    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;

    /// <param name="stored">The plan stored now (null: none, so every task is added).</param>
    public static PlanDiff Between(CchcPlan? stored, CchcPlan plan)
    {
        var before = (stored?.Tasks ?? []).ToDictionary(t => t.Id, StringComparer.OrdinalIgnoreCase);
        var after = plan.Tasks.ToDictionary(t => t.Id, StringComparer.OrdinalIgnoreCase);
        var added = plan.Tasks.Where(t => !before.ContainsKey(t.Id)).ToList();
        var removed = (stored?.Tasks ?? []).Where(t => !after.ContainsKey(t.Id)).ToList();
        var changed = new List<TaskChange>();
        foreach (var task in plan.Tasks)
        {
            if (before.TryGetValue(task.Id, out var old))
            {
                var fields = ChangedFields(old, task);
                if (fields.Count > 0)
                {
                    changed.Add(new TaskChange(task.Id, task.Title, fields));
                }
            }
        }

        return new PlanDiff(added, removed, changed);
    }

    /// <summary>The fields of <paramref name="after"/> that differ from <paramref name="before"/> (see <see cref="FieldNames"/>).</summary>
    public static IReadOnlyList<string> ChangedFields(PlanTask before, PlanTask after)
    {
        var fields = new List<string>();
        Add(fields, "title", before.Title != after.Title);
        Add(fields, "deliverables", !before.Deliverables.SequenceEqual(after.Deliverables, StringComparer.Ordinal));
        Add(fields, "lead", !before.Lead.SequenceEqual(after.Lead, StringComparer.Ordinal));
        Add(fields, "cooperating", !before.Cooperating.SequenceEqual(after.Cooperating, StringComparer.Ordinal));
        Add(fields, "timeframe", before.Timeframe != after.Timeframe);
        Add(fields, "milestones", !before.Milestones.Select(Key).SequenceEqual(after.Milestones.Select(Key)));
        Add(fields, "area", before.AreaId != after.AreaId);
        return fields;
    }

    // A milestone as the plan states it: its deliverable, due date and period label (its id follows its position).
    private static (string Deliverable, DateOnly? Due, string? Period) Key(Milestone m) => (m.Deliverable, m.Due, m.Period);

    private static void Add(List<string> fields, string name, bool changed)
    {
        if (changed)
        {
            fields.Add(name);
        }
    }
}

/// <summary>One task present in both plans, with the fields that changed (names from <see cref="PlanDiff.FieldNames"/>).</summary>
/// <param name="Title">The task's title in the new plan.</param>
public sealed record TaskChange(string Id, string Title, IReadOnlyList<string> Fields);
