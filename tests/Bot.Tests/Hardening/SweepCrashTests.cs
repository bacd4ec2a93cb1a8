using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using CchcBot.Bot.Tests.Storage;
using CchcBot.Bot.Tests.Support;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Hardening;

/// <summary>
/// The remind command runs as its own process (the built executable), is killed mid-sweep, and is run again after the
/// claim lease: nothing is lost, and the only duplicates are the documented window — heads whose card Teams had
/// accepted while the ledger still said "claimed".
/// </summary>
public sealed class SweepCrashTests
{
    private const string SweepAt = "2026-06-23T08:30:00+07:00";
    private const string AfterLease = "2026-06-23T08:45:00+07:00"; // Reminders:ClaimLeaseMinutes is 10

    [Fact]
    public async Task A_sweep_killed_midway_and_run_again_after_the_lease_loses_nothing()
    {
        await using var bot = await BotHarness.StartAsync();
        var heads = await FaultScenarios.ElevenHeadsWithOneReminderEachOn23JuneAsync(bot);

        using (var sweep = StartRemind(bot, SweepAt))
        {
            await FaultScenarios.Until(() => bot.Connector.Sent.Count >= 3 || sweep.HasExited, "the sweep sent nothing");
            sweep.Kill(entireProcessTree: true);
            await sweep.WaitForExitAsync();
        }

        var deliveredBeforeKill = bot.Connector.Sent.Select(c => c.ConversationId).ToHashSet();
        var window = 0;
        foreach (var head in heads)
        {
            if (deliveredBeforeKill.Contains(Chat(head)) && (await LedgerStatesAsync(bot, head.Upn)).Contains(SendLedger.Claimed))
            {
                window++;
            }
        }

        using (var rerun = StartRemind(bot, AfterLease))
        {
            await rerun.WaitForExitAsync();
            Assert.Equal(0, rerun.ExitCode);
        }

        var delivered = heads.ToDictionary(h => h, h => bot.Connector.SentTo(Chat(h)).Count);
        Assert.InRange(deliveredBeforeKill.Count, 1, heads.Count - 1); // killed midway
        Assert.All(delivered.Values, n => Assert.True(n >= 1, "a reminder was lost"));
        Assert.True(delivered.Values.Sum(n => n - 1) <= window, $"{delivered.Values.Sum(n => n - 1)} duplicate(s), window {window}");
    }

    private static string Chat(TeamsUser head) => "a:personal-" + head.Id;

    private static async Task<List<string?>> LedgerStatesAsync(BotHarness bot, string upn)
    {
        var ledger = await bot.Tables.GetAsync(CchcTables.Ledger);
        var partition = TableKeys.Compose(SamplePlans.Agency, upn.ToLowerInvariant());
        var states = new List<string?>();
        await foreach (var row in ledger.QueryAsync<TableEntity>(e => e.PartitionKey == partition))
        {
            states.Add(row.GetString("State"));
        }

        return states;
    }

    /// <summary>CchcBot remind as its own process, paced at 2 sends a second so that a kill lands midway.</summary>
    private static Process StartRemind(BotHarness bot, string at)
    {
        var psi = new ProcessStartInfo("dotnet") { ArgumentList = { typeof(CchcBot.Cli.CliApp).Assembly.Location, "remind", "--at", at } };
        psi.Environment["Storage__ConnectionString"] = AzuriteServer.Shared.ConnectionString;
        psi.Environment["Storage__TablePrefix"] = bot.Tables.NameOf(string.Empty);
        psi.Environment["Delivery__PerTenantPerSecond"] = "2";
        psi.Environment["MicrosoftAppId"] = string.Empty;
        psi.Environment["Bot__AllowAnonymous"] = "true";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        return ChildProcess.StartQuiet(psi);
    }
}
