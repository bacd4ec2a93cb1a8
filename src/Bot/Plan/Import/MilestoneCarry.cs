namespace CchcBot.Plan.Import;

/// <summary>
/// An amended plan keeps each task's statuses where its milestones still match: a milestone of a task present before
/// takes the id (the status and history key) of the stored milestone with the same deliverable — the same due date
/// first, then in order — and a milestone matching none gets a new id that no milestone of that task ever had, so a
/// status never moves to another deliverable. A task whose id differs only in case keeps the stored id. Pure.
/// </summary>
public static class MilestoneCarry
{
    public static CchcPlan Apply(IEnumerable<PlanTask> stored, CchcPlan plan)
    {
        var before = new Dictionary<string, PlanTask>(StringComparer.OrdinalIgnoreCase);
        foreach (var task in stored)
        {
            before.TryAdd(task.Id, task);
        }

        return plan with { Tasks = plan.Tasks.Select(t => before.TryGetValue(t.Id, out var old) ? Carry(old, t) : t).ToList() };
    }

    private static PlanTask Carry(PlanTask old, PlanTask task)
    {
        var id = old.Id;
        var free = old.Milestones.ToList();
        var ids = new string?[task.Milestones.Count];
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i < ids.Length; i++)
            {
                var m = task.Milestones[i];
                var match = ids[i] is null
                    ? free.FirstOrDefault(o => o.Deliverable == m.Deliverable && (pass == 1 || o.Due == m.Due))
                    : null;
                if (match is not null)
                {
                    ids[i] = match.Id;
                    free.Remove(match);
                }
            }
        }

        var taken = old.Milestones.Select(m => m.Id).Concat(ids.OfType<string>()).ToHashSet(StringComparer.Ordinal);
        var next = 1;
        for (var i = 0; i < ids.Length; i++)
        {
            if (ids[i] is null)
            {
                while (!taken.Add(Milestone.MakeId(id, next)))
                {
                    next++;
                }

                ids[i] = Milestone.MakeId(id, next);
            }
        }

        return task with { Id = id, Milestones = task.Milestones.Select((m, i) => m with { Id = ids[i]!, TaskId = id }).ToList() };
    }
}
