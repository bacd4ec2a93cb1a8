using Azure.Data.Tables;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Storage;

/// <summary>
/// A table that disappears behind the bot's back (storage restored from an older state) is created again on the next
/// use, not cached as existing forever: the operation that meets 404 TableNotFound is retried once the table exists.
/// </summary>
public sealed class TableRecreateTests
{
    private readonly string _prefix = AzuriteServer.NewPrefix();

    [Fact]
    public async Task A_write_after_the_table_was_deleted_succeeds()
    {
        var tables = TestTables.Create(_prefix);
        var table = await tables.GetAsync(CchcTables.Ledger);
        await table.UpsertEntityAsync(new TableEntity("p", "before"));

        await DeleteBehindTheBotsBackAsync(tables, CchcTables.Ledger);
        await (await tables.GetAsync(CchcTables.Ledger)).UpsertEntityAsync(new TableEntity("p", "after"));

        Assert.Equal(["after"], await RowKeysAsync(tables, CchcTables.Ledger));
    }

    [Fact]
    public async Task A_query_and_a_batch_after_the_table_was_deleted_succeed()
    {
        var tables = TestTables.Create(_prefix);
        await (await tables.GetAsync(CchcTables.Tasks)).UpsertEntityAsync(new TableEntity("p", "before"));

        await DeleteBehindTheBotsBackAsync(tables, CchcTables.Tasks);
        Assert.Empty(await RowKeysAsync(tables, CchcTables.Tasks));

        await DeleteBehindTheBotsBackAsync(tables, CchcTables.Tasks);
        var table = await tables.GetAsync(CchcTables.Tasks);
        await table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("p", "a")),
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("p", "b"))]);

        Assert.Equal(["a", "b"], await RowKeysAsync(tables, CchcTables.Tasks));
    }

    [Fact]
    public async Task A_read_of_a_missing_row_in_a_deleted_table_creates_the_table_again()
    {
        var tables = TestTables.Create(_prefix);
        var table = await tables.GetAsync(CchcTables.People);
        await DeleteBehindTheBotsBackAsync(tables, CchcTables.People);

        var row = await table.GetEntityIfExistsAsync<TableEntity>("p", "r");

        Assert.False(row.HasValue);
        await (await tables.GetAsync(CchcTables.People)).AddEntityAsync(new TableEntity("p", "r"));
        Assert.Equal(["r"], await RowKeysAsync(tables, CchcTables.People));
    }

    private static async Task DeleteBehindTheBotsBackAsync(CchcTables tables, string table) =>
        await new TableServiceClient(AzuriteServer.Shared.ConnectionString).DeleteTableAsync(tables.NameOf(table));

    private static async Task<List<string>> RowKeysAsync(CchcTables tables, string table)
    {
        var keys = new List<string>();
        await foreach (var row in (await tables.GetAsync(table)).QueryAsync<TableEntity>())
        {
            keys.Add(row.RowKey);
        }

        return keys;
    }
}
