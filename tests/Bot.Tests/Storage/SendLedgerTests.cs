using Azure;
using Azure.Data.Tables;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Storage;

/// <summary>
/// The send ledger's claims, one key or a recipient's keys at once (entity-group transactions), on Azurite: exactly
/// once under concurrency, and byte-compatible with the rows stored before (the same table, keys and properties).
/// </summary>
public sealed class SendLedgerTests
{
    private const string Agency = "thanh-tra/soc#trang";
    private const string Recipient = "TruongPhong.NV1@example.gov.vn";
    private static readonly DateTimeOffset Now = new(2026, 6, 23, 1, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    private readonly string _prefix = AzuriteServer.NewPrefix();

    private static List<string> Keys(int count) => Enumerable.Range(1, count).Select(i => $"TC-{i}-1|2026-06-23|due-7").ToList();

    [Fact]
    public async Task A_recipients_keys_are_claimed_closed_and_released_in_one_write_each()
    {
        await using var proxy = await FaultyStorageProxy.StartAsync();
        var ledger = new SendLedger(new CchcTables(proxy.ConnectionString, _prefix, TestTables.Retry));
        var keys = Keys(43);

        var claimed = await ledger.TryClaimAllAsync(Agency, Recipient, keys, "sweep-a", Now, Lease);
        var afterClaim = proxy.Writes;
        await ledger.MarkAllDoneAsync(Agency, Recipient, claimed, SendLedger.Sent, "activity-1", Now);
        var afterDone = proxy.Writes;
        await ledger.ReleaseAllAsync(Agency, Recipient, claimed);

        Assert.Equal(keys, claimed);
        Assert.Equal(1, afterClaim);
        Assert.Equal(2, afterDone);
        Assert.Equal(3, proxy.Writes);
        Assert.Equal(keys.Select(_ => (string?)null), await StatesAsync(new SendLedger(TestTables.Create(_prefix)), keys));
    }

    [Fact]
    public async Task In_a_batch_where_another_owner_holds_one_key_the_other_keys_are_still_claimed_and_the_held_one_is_left_alone()
    {
        var tables = TestTables.Create(_prefix);
        var ledger = new SendLedger(tables);
        var keys = Keys(5);
        Assert.Equal(ClaimOutcome.Claimed, await ledger.TryClaimAsync(Agency, Recipient, keys[2], "other-sweep", Now.AddMinutes(-1), Lease));
        Assert.Equal(ClaimOutcome.Claimed, await ledger.TryClaimAsync(Agency, Recipient, keys[4], "earlier-sweep", Now.AddHours(-1), Lease));
        await ledger.MarkDoneAsync(Agency, Recipient, keys[4], SendLedger.Sent, "sent-before", Now.AddHours(-1));

        var claimed = await ledger.TryClaimAllAsync(Agency, Recipient, keys, "sweep-a", Now, Lease);
        var again = await ledger.TryClaimAllAsync(Agency, Recipient, keys, "sweep-b", Now, Lease);

        Assert.Equal([keys[0], keys[1], keys[3]], claimed);
        Assert.Empty(again);
        var held = await RowAsync(tables, keys[2]);
        Assert.Equal("other-sweep", held.GetString("Owner"));
        Assert.Equal(SendLedger.Claimed, held.GetString("State"));
        Assert.Equal(SendLedger.Sent, await ledger.StateAsync(Agency, Recipient, keys[4]));
        Assert.Equal("sweep-a", (await RowAsync(tables, keys[0])).GetString("Owner"));
    }

    [Fact]
    public async Task Sweeps_racing_for_the_same_keys_claim_each_key_exactly_once()
    {
        var tables = TestTables.Create(_prefix);
        var keys = Keys(30);
        var ledger = new SendLedger(tables);
        await ledger.TryClaimAsync(Agency, Recipient, keys[7], "head-start", Now, Lease); // one batch at least must fall back

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            new SendLedger(TestTables.Create(_prefix)).TryClaimAllAsync(Agency, Recipient, i % 2 == 0 ? keys : keys.AsEnumerable().Reverse().ToList(), $"sweep-{i}", Now, Lease))));

        var all = results.SelectMany(r => r).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(keys.Where(k => k != keys[7]).Order(), all.Order());
    }

    [Fact]
    public async Task An_expired_claim_inside_a_batch_is_taken_over_once()
    {
        var tables = TestTables.Create(_prefix);
        var ledger = new SendLedger(tables);
        var keys = Keys(3);
        await ledger.TryClaimAsync(Agency, Recipient, keys[1], "crashed-sweep", Now - Lease - TimeSpan.FromMinutes(1), Lease);

        var claimed = await Task.WhenAll(
            ledger.TryClaimAllAsync(Agency, Recipient, keys, "sweep-a", Now, Lease),
            ledger.TryClaimAllAsync(Agency, Recipient, keys, "sweep-b", Now, Lease));

        Assert.Equal(keys.Order(), claimed.SelectMany(c => c).Order());
    }

    [Fact]
    public async Task More_keys_than_one_transaction_takes_are_claimed_in_several()
    {
        await using var proxy = await FaultyStorageProxy.StartAsync();
        var ledger = new SendLedger(new CchcTables(proxy.ConnectionString, _prefix, TestTables.Retry));
        var keys = Keys(SendLedger.MaxBatch + 50);

        var claimed = await ledger.TryClaimAllAsync(Agency, Recipient, [.. keys, keys[0]], "sweep-a", Now, Lease);

        Assert.Equal(keys, claimed);
        Assert.Equal(2, proxy.Writes);
    }

    [Fact]
    public async Task Releasing_keys_of_which_one_is_gone_already_releases_the_others()
    {
        var tables = TestTables.Create(_prefix);
        var ledger = new SendLedger(tables);
        var keys = Keys(4);
        await ledger.TryClaimAllAsync(Agency, Recipient, keys, "sweep-a", Now, Lease);
        await ledger.ReleaseAsync(Agency, Recipient, keys[1]);

        await ledger.ReleaseAllAsync(Agency, Recipient, keys);

        Assert.Equal(keys.Select(_ => (string?)null), await StatesAsync(ledger, keys));
        Assert.Equal(keys, await ledger.TryClaimAllAsync(Agency, Recipient, keys, "sweep-b", Now, Lease));
    }

    [Fact]
    public async Task Rows_are_stored_as_before_and_rows_stored_before_read_back()
    {
        var tables = TestTables.Create(_prefix);
        var ledger = new SendLedger(tables);
        var table = await tables.GetAsync(CchcTables.Ledger);
        var pk = TableKeys.Compose(Agency, Recipient.ToLowerInvariant());
        // As the ledger wrote them before typed entities: a sent one, a live claim, a claim whose lease is over.
        await table.AddEntityAsync(new TableEntity(pk, TableKeys.Encode("old|sent")) { ["State"] = "sent", ["ClaimedAt"] = Now.AddDays(-1), ["Owner"] = "x", ["DoneAt"] = Now.AddDays(-1), ["ActivityId"] = "a" });
        await table.AddEntityAsync(new TableEntity(pk, TableKeys.Encode("old|held")) { ["State"] = "claimed", ["ClaimedAt"] = Now.AddMinutes(-2), ["Owner"] = "x" });
        await table.AddEntityAsync(new TableEntity(pk, TableKeys.Encode("old|stale")) { ["State"] = "claimed", ["ClaimedAt"] = Now.AddHours(-2), ["Owner"] = "x" });

        var claimed = await ledger.TryClaimAllAsync(Agency, Recipient, ["old|sent", "old|held", "old|stale", "new"], "sweep-a", Now, Lease);
        await ledger.MarkAllDoneAsync(Agency, Recipient, claimed, SendLedger.Sent, "activity-2", Now.AddSeconds(5));

        Assert.Equal(["old|stale", "new"], claimed);
        Assert.Equal(SendLedger.Sent, await ledger.StateAsync(Agency, Recipient, "old|sent"));
        var row = await RowAsync(tables, "new");
        Assert.Equal(
            ["ActivityId", "ClaimedAt", "DoneAt", "Owner", "State"],
            row.Keys.Where(k => k is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")).Order());
        Assert.Equal((SendLedger.Sent, "sweep-a", "activity-2", Now, Now.AddSeconds(5)),
            (row.GetString("State"), row.GetString("Owner"), row.GetString("ActivityId"), row.GetDateTimeOffset("ClaimedAt"), row.GetDateTimeOffset("DoneAt")));
    }

    [Fact]
    public async Task Unreachable_recipients_stored_before_are_listed_and_keep_their_first_time()
    {
        var tables = TestTables.Create(_prefix);
        var unreachable = new UnreachableRecipients(tables);
        var table = await tables.GetAsync(CchcTables.Ledger);
        // A row as stored before the reason's code existed.
        await table.AddEntityAsync(new TableEntity(TableKeys.Compose(Agency, "unreachable"), TableKeys.Encode("old@example.gov.vn"))
        {
            ["Recipient"] = "Old@example.gov.vn",
            ["Reason"] = "404 ConversationNotFound",
            ["Since"] = Now.AddDays(-3),
        });

        await unreachable.SetAsync(Agency, "OLD@example.gov.vn", "403 BotBlocked", Now, "Blocked");
        await unreachable.SetAsync(Agency, Recipient, "NoConversation", Now);
        var listed = await unreachable.ListAsync(Agency);
        await unreachable.ClearAsync(Agency, Recipient.ToUpperInvariant());

        Assert.Equal(
            [new UnreachableRecipient("OLD@example.gov.vn", "403 BotBlocked", Now.AddDays(-3), "Blocked"), new UnreachableRecipient(Recipient, "NoConversation", Now)],
            listed.OrderBy(u => u.Since));
        Assert.Equal(["OLD@example.gov.vn"], (await unreachable.ListAsync(Agency)).Select(u => u.Recipient));
    }

    private static async Task<List<string?>> StatesAsync(SendLedger ledger, IEnumerable<string> keys)
    {
        var states = new List<string?>();
        foreach (var key in keys)
        {
            states.Add(await ledger.StateAsync(Agency, Recipient, key));
        }

        return states;
    }

    private static async Task<TableEntity> RowAsync(CchcTables tables, string key) =>
        (await (await tables.GetAsync(CchcTables.Ledger)).GetEntityAsync<TableEntity>(TableKeys.Compose(Agency, Recipient.ToLowerInvariant()), TableKeys.Encode(key))).Value;
}
