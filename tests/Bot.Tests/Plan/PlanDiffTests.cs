using CchcBot.Plan;

namespace CchcBot.Bot.Tests.Plan;

/// <summary>The differences between a stored plan and a new one: tasks added, removed, and changed with their fields.</summary>
public sealed class PlanDiffTests
{
    private static readonly PlanTask Base = new(
        "T-1", "the-che", "Nhiệm vụ", ["Kế hoạch", "Báo cáo"], ["VP"], ["NV1"], "Tháng 3/2024",
        [new Milestone("T-1-1", "T-1", "Kế hoạch", new DateOnly(2024, 3, 31)), new Milestone("T-1-2", "T-1", "Báo cáo", new DateOnly(2024, 3, 31))],
        0);

    private static CchcPlan Plan(params PlanTask[] tasks) => new("a", 2024, "Kế hoạch", [new ReformArea("the-che", "Thể chế")], tasks);

    [Fact]
    public void The_same_plan_has_no_differences_even_when_its_lists_are_new_instances()
    {
        var copy = Base with { Deliverables = [.. Base.Deliverables], Lead = ["VP"], Milestones = [.. Base.Milestones] };

        var diff = PlanDiff.Between(Plan(Base), Plan(copy));

        Assert.True(diff.IsEmpty);
    }

    [Fact]
    public void With_nothing_stored_every_task_is_added()
    {
        var diff = PlanDiff.Between(null, Plan(Base));

        Assert.Equal(["T-1"], diff.Added.Select(t => t.Id));
        Assert.Empty(diff.Removed);
        Assert.Empty(diff.Changed);
    }

    [Fact]
    public void Added_and_removed_tasks_are_matched_by_id_ignoring_case()
    {
        var other = Base with { Id = "T-2", Title = "Khác", Order = 1 };

        var diff = PlanDiff.Between(Plan(Base, other), Plan(Base with { Id = "t-1" }, Base with { Id = "T-3", Order = 1 }));

        Assert.Equal(["T-3"], diff.Added.Select(t => t.Id));
        Assert.Equal([("T-2", "Khác")], diff.Removed.Select(t => (t.Id, t.Title)));
        Assert.Empty(diff.Changed);
    }

    [Fact]
    public void Every_changed_field_is_named_in_a_fixed_order()
    {
        var changed = Base with
        {
            AreaId = "to-chuc",
            Title = "Nhiệm vụ đã sửa",
            Deliverables = ["Kế hoạch"],
            Lead = ["NV2"],
            Cooperating = [],
            Timeframe = "Tháng 4/2024",
            Milestones = [new Milestone("T-1-1", "T-1", "Kế hoạch", new DateOnly(2024, 4, 30))],
        };

        var diff = PlanDiff.Between(Plan(Base), Plan(changed));

        var change = Assert.Single(diff.Changed);
        Assert.Equal(("T-1", "Nhiệm vụ đã sửa"), (change.Id, change.Title));
        Assert.Equal(PlanDiff.FieldNames, change.Fields);
    }

    [Theory]
    [InlineData(2024, 3, 30, null, null)]
    [InlineData(2024, 3, 31, "Quý I", null)]
    [InlineData(2024, 3, 31, null, "Báo cáo khác")]
    public void A_milestone_changes_with_its_due_date_its_period_or_its_deliverable(int y, int m, int d, string? period, string? deliverable)
    {
        var second = new Milestone("T-1-2", "T-1", deliverable ?? "Báo cáo", new DateOnly(y, m, d), period);
        var changed = Base with { Milestones = [Base.Milestones[0], second] };

        Assert.Equal(["milestones"], PlanDiff.ChangedFields(Base, changed));
    }

    [Fact]
    public void An_ongoing_milestone_differs_from_a_dated_one()
    {
        var ongoing = Base with { Milestones = [Base.Milestones[0], Base.Milestones[1] with { Due = null }] };

        Assert.Equal(["milestones"], PlanDiff.ChangedFields(Base, ongoing));
    }
}
