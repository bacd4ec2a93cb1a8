using CchcBot.Bot.Tests.Storage;
using CchcBot.Bot.Tests.Support;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Teams;

/// <summary>Another agency's directory can never take the Chief of Office away from their own agency.</summary>
public sealed class OnePersonOneAgencyTests : IAsyncLifetime
{
    private BotHarness _bot = null!;
    private TeamsUser _office = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync();
        await _bot.SeedAsync();
        _office = _bot.Register(BotHarness.User("chanhvanphong@example.gov.vn", "Nguyễn Văn An"));
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_second_agency_naming_the_chief_of_office_is_refused_and_they_keep_their_agency()
    {
        var directories = new DirectoryRepository(_bot.Tables);

        await Assert.ThrowsAsync<PersonInOtherAgencyException>(() => directories.ReplaceAsync(DirectoryStorageTests.Second()));
        await new PlanRepository(_bot.Tables).SaveAsync(SecondPlan());
        await _bot.SendTextAsync(_office, "nhiệm vụ của tôi");

        Assert.Contains("Toàn kế hoạch: 0/4 mốc hoàn thành", Assert.Single(_bot.Connector.Sent).Card!.Readably(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_move_people_the_chief_of_office_resolves_to_the_new_agency_only()
    {
        await new PlanRepository(_bot.Tables).SaveAsync(SecondPlan());

        await new DirectoryRepository(_bot.Tables).ReplaceAsync(DirectoryStorageTests.Second(), movePeople: true);
        await _bot.SendTextAsync(_office, "nhiệm vụ của tôi");

        Assert.Contains("Toàn kế hoạch: 0/2 mốc hoàn thành", Assert.Single(_bot.Connector.Sent).Card!.Readably(), StringComparison.Ordinal);
    }

    private static CchcBot.Plan.CchcPlan SecondPlan()
    {
        var plan = SamplePlans.Plan(agency: DirectoryStorageTests.Second().Agency);
        return plan with { Tasks = [plan.Tasks[0]] };
    }
}
