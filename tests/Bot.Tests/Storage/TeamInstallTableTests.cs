using Azure.Data.Tables;
using CchcBot.Storage;

namespace CchcBot.Bot.Tests.Storage;

/// <summary>Team installs have their own table (TeamInstalls); those recorded in the Ledger table before stay listed.</summary>
public class TeamInstallTableTests
{
    private const string Agency = "sở/nội#vụ?";
    private const string Tenant = "tenant-1";
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 5, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_new_install_goes_to_the_TeamInstalls_table_and_not_to_the_Ledger()
    {
        var tables = TestTables.Create();

        await new TeamInstallRepository(tables).RecordAsync(Install(Agency, "19:kenh-moi", Noon, TeamInstallOutcome.Registered));

        var row = Assert.Single(await RowsAsync(tables, CchcTables.TeamInstalls));
        Assert.Equal((TableKeys.Encode(Agency), "19:kenh-moi", "19:kenh-moi", TeamInstallOutcome.Registered), (row.PartitionKey, row.RowKey, row.GetString("ChannelId"), row.GetString("Outcome")));
        Assert.Empty(await RowsAsync(tables, CchcTables.Ledger));
        Assert.Equal("19:kenh-moi", Assert.Single(await new TeamInstallRepository(tables).ListAsync(Agency)).ChannelId);
    }

    [Fact]
    public async Task Installs_recorded_in_the_Ledger_before_are_still_listed_with_every_field()
    {
        var tables = TestTables.Create();
        var ledger = await tables.GetAsync(CchcTables.Ledger);
        await ledger.AddEntityAsync(LedgerRow(TableKeys.Compose(Agency, "team-installs"), Agency, "19:kenh-cu", Noon, TeamInstallOutcome.Pending));
        await ledger.AddEntityAsync(LedgerRow(TableKeys.Compose(string.Empty, Tenant, "team-installs"), null, "19:kenh-khach", Noon, TeamInstallOutcome.Ignored));
        var repo = new TeamInstallRepository(tables);
        await repo.RecordAsync(Install(Agency, "19:kenh-moi", Noon.AddDays(1), TeamInstallOutcome.Kept));

        var installs = await repo.ListAsync(Agency);

        Assert.Equal(["19:kenh-moi", "19:kenh-cu"], installs.Select(i => i.ChannelId));
        Assert.Equal(
            new TeamInstall(Agency, Tenant, "19:team-1", "Nhóm CCHC", "19:kenh-cu", "Chung", "truongphong@example.gov.vn", "Trưởng phòng", "oid-1", Noon, TeamInstallOutcome.Pending),
            installs[1]);
        Assert.Equal(
            new TeamInstall(null, Tenant, "19:team-1", "Nhóm CCHC", "19:kenh-khach", "Chung", "truongphong@example.gov.vn", "Trưởng phòng", "oid-1", Noon, TeamInstallOutcome.Ignored),
            Assert.Single(await repo.ListByUnknownInstallersAsync(Tenant)));
        Assert.Empty(await repo.ListByUnknownInstallersAsync("tenant-khac"));
    }

    [Fact]
    public async Task A_channel_installed_again_is_listed_once_as_the_newest_install_and_leaves_the_Ledger()
    {
        var tables = TestTables.Create();
        var ledger = await tables.GetAsync(CchcTables.Ledger);
        await ledger.AddEntityAsync(LedgerRow(TableKeys.Compose(Agency, "team-installs"), Agency, "19:kenh-chung", Noon, TeamInstallOutcome.Pending));
        await ledger.AddEntityAsync(LedgerRow(TableKeys.Compose(string.Empty, Tenant, "team-installs"), null, "19:kenh-khach", Noon, TeamInstallOutcome.Ignored));
        var repo = new TeamInstallRepository(tables);

        await repo.RecordAsync(Install(Agency, "19:kenh-chung", Noon.AddDays(1), TeamInstallOutcome.Registered));
        await repo.RecordAsync(Install(null, "19:kenh-khach", Noon.AddDays(1), TeamInstallOutcome.Ignored) with { TeamName = "Nhóm mới" });

        var install = Assert.Single(await repo.ListAsync(Agency));
        Assert.Equal((TeamInstallOutcome.Registered, Noon.AddDays(1)), (install.Outcome, install.At));
        Assert.Equal("Nhóm mới", Assert.Single(await repo.ListByUnknownInstallersAsync(Tenant)).TeamName);
        Assert.Empty(await RowsAsync(tables, CchcTables.Ledger));
        Assert.Equal(2, (await RowsAsync(tables, CchcTables.TeamInstalls)).Count);
    }

    [Fact]
    public async Task A_Ledger_install_newer_than_the_TeamInstalls_row_wins()
    {
        // An instance still running the previous version (a rolling deployment) records in the Ledger after a new one did.
        var tables = TestTables.Create();
        var repo = new TeamInstallRepository(tables);
        await repo.RecordAsync(Install(Agency, "19:kenh-chung", Noon, TeamInstallOutcome.Pending));
        var ledger = await tables.GetAsync(CchcTables.Ledger);
        await ledger.AddEntityAsync(LedgerRow(TableKeys.Compose(Agency, "team-installs"), Agency, "19:kenh-chung", Noon.AddMinutes(1), TeamInstallOutcome.Registered));

        var install = Assert.Single(await repo.ListAsync(Agency));

        Assert.Equal((TeamInstallOutcome.Registered, Noon.AddMinutes(1)), (install.Outcome, install.At));
    }

    private static TeamInstall Install(string? agency, string channel, DateTimeOffset at, string outcome) =>
        new(agency, Tenant, "19:team-1", "Nhóm CCHC", channel, "Chung", "truongphong@example.gov.vn", "Trưởng phòng", "oid-1", at, outcome);

    /// <summary>An install row as the Ledger table held it (the previous TeamInstallRepository's partition and columns).</summary>
    private static TableEntity LedgerRow(string partition, string? agency, string channel, DateTimeOffset at, string outcome) => new(partition, TableKeys.Encode(channel))
    {
        ["Agency"] = agency,
        ["TenantId"] = Tenant,
        ["TeamId"] = "19:team-1",
        ["TeamName"] = "Nhóm CCHC",
        ["ChannelId"] = channel,
        ["ChannelName"] = "Chung",
        ["InstalledBy"] = "truongphong@example.gov.vn",
        ["InstalledByName"] = "Trưởng phòng",
        ["InstalledByObjectId"] = "oid-1",
        ["At"] = at,
        ["Outcome"] = outcome,
    };

    private static async Task<List<TableEntity>> RowsAsync(CchcTables tables, string table)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in (await tables.GetAsync(table)).QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }
}
