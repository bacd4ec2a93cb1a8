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
        _office = _bot.Register(SampleUsers.ChiefOfOffice());
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_second_agency_naming_the_chief_of_office_is_refused_and_they_keep_their_agency()
    {
        var directories = new DirectoryRepository(_bot.Tables);

        await Assert.ThrowsAsync<PersonInOtherAgencyException>(() => directories.ReplaceAsync(DirectoryStorageTests.Second()));
        await new PlanRepository(_bot.Tables).SaveAsync(SecondPlan());
        await _bot.SendTextAsync(_office, "nhiệm vụ của tôi");

        Assert.Contains("Toàn kế hoạch: 0/3 mốc hoàn thành", Assert.Single(_bot.Connector.Sent).Card!.Readably(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_move_people_the_chief_of_office_resolves_to_the_new_agency_only()
    {
        await new PlanRepository(_bot.Tables).SaveAsync(SecondPlan());

        await new DirectoryRepository(_bot.Tables).ReplaceAsync(DirectoryStorageTests.Second(), movePeople: true);
        await _bot.SendTextAsync(_office, "nhiệm vụ của tôi");

        Assert.Contains("Toàn kế hoạch: 0/2 mốc hoàn thành", Assert.Single(_bot.Connector.Sent).Card!.Readably(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_two_agencies_stored_before_the_rule_the_one_that_already_knows_the_account_wins_not_the_first_in_sort_order()
    {
        await _bot.SendTextAsync(_office, "nhiệm vụ của tôi"); // recognised (and remembered) in their own agency
        var second = DirectoryStorageTests.Second();
        await new PlanRepository(_bot.Tables).SaveAsync(SecondPlan());

        // As data stored before the rule: the second agency's directory row and index row, written directly.
        await (await _bot.Tables.GetAsync(CchcTables.Directory)).AddEntityAsync(
            new Azure.Data.Tables.TableEntity(TableKeys.Encode(second.Agency), "directory") { ["Json"] = StoredJsonForTests.Serialize(second) });
        await (await _bot.Tables.GetAsync(CchcTables.People)).AddEntityAsync(
            new Azure.Data.Tables.TableEntity(TableKeys.Encode("chanhvanphong@example.gov.vn"), TableKeys.Encode(second.Agency)));
        Assert.Equal([second.Agency, SamplePlans.Agency], await new DirectoryRepository(_bot.Tables).AgenciesOfAsync("chanhvanphong@example.gov.vn"));

        await _bot.SendTextAsync(_office, "nhiệm vụ của tôi");

        Assert.Equal(2, _bot.Connector.Sent.Count);
        Assert.Contains("Toàn kế hoạch: 0/3 mốc hoàn thành", _bot.Connector.Sent[1].Card!.Readably(), StringComparison.Ordinal);
    }

    private static CchcBot.Plan.CchcPlan SecondPlan()
    {
        var plan = SamplePlans.Plan(agency: DirectoryStorageTests.Second().Agency);
        return plan with { Tasks = [plan.Tasks[0]] };
    }
}
