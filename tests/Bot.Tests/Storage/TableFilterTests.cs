using CchcBot.Plan;
using CchcBot.Storage;

namespace CchcBot.Bot.Tests.Storage;

/// <summary>The repositories' filters are made by the SDK (TableClient.CreateQueryFilter): values are quoted and escaped.</summary>
public sealed class TableFilterTests
{
    [Fact]
    public void Values_are_quoted_and_their_quotes_doubled()
    {
        Assert.Equal("PartitionKey eq 'sở ''nội'' vụ'", TableFilter.PartitionIs("sở 'nội' vụ"));
        Assert.Equal("(PartitionKey eq 'a') and ((RowKey eq 'plan') or (RowKey ge 'y|' and RowKey lt 'y|\uffff'))",
            TableFilter.And(TableFilter.PartitionIs("a"), TableFilter.Or(TableFilter.RowIs("plan"), TableFilter.RowStartsWith("y|"))));
        Assert.Equal("At ge 'o''k' and At lt 'o''k\uffff'", TableKeys.StartsWith("At", "o'k"));
    }

    [Fact]
    public async Task An_agency_whose_id_holds_quotes_reads_back_its_plan_progress_and_history()
    {
        var tables = TestTables.Create();
        const string agency = "sở 'nội' vụ";
        await new PlanRepository(tables).SaveAsync(SamplePlans.Plan(agency: agency));
        var at = new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero).AddTicks(1234);
        var progress = new ProgressRepository(tables, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(at));
        await progress.RecordAsync(new ProgressUpdate(agency, "TC-1", "TC-1-1", "op-1", "nv1@example.gov.vn", "A", null, MilestoneStatus.Blocked, "ghi chú", null));

        Assert.NotNull(await new PlanRepository(tables).GetAsync(agency));
        Assert.Equal(MilestoneStatus.Blocked, (await progress.GetStateAsync(agency, "TC-1", "TC-1-1")).Status);
        Assert.Single(await progress.GetBlockedAsync(agency));
        Assert.Single(await progress.GetHistorySinceAsync(agency, at));
        Assert.Empty(await progress.GetHistorySinceAsync(agency, at.AddMilliseconds(1)));
    }
}
