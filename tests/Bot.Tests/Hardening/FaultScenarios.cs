using CchcBot.Bot.Tests.Storage;
using CchcBot.Bot.Tests.Support;
using CchcBot.Plan;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Hardening;

/// <summary>Set-ups the fault tests share: heads who have talked to the bot and are owed reminders on 23/06/2026.</summary>
public static class FaultScenarios
{
    /// <summary>
    /// The sample plan and three heads who have talked to the bot; with TC-1's first milestone done, a sweep on
    /// 23/06/2026 after 8:00 owes each of them exactly one reminder card.
    /// </summary>
    public static async Task<List<TeamsUser>> ThreeHeadsWithOneReminderEachOn23JuneAsync(BotHarness bot)
    {
        await bot.SeedAsync();
        var heads = new[] { "truongphong.nv1@example.gov.vn", "truongphong.nv2@example.gov.vn", "chanhvanphong@example.gov.vn" }
            .Select(upn => bot.Register(BotHarness.User(upn, upn))).ToList();
        foreach (var head in heads)
        {
            await bot.SendTextAsync(head, "trợ giúp");
        }

        await new ProgressRepository(bot.Tables).RecordAsync(new ProgressUpdate(
            SamplePlans.Agency, "TC-1", "TC-1-1", "setup", "chanhvanphong@example.gov.vn", "An", DateTimeOffset.UtcNow, MilestoneStatus.Done, null, null));
        bot.Connector.Clear();
        return heads;
    }

    public static async Task Until(Func<bool> condition, string failure)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(60); waited += TimeSpan.FromMilliseconds(100))
        {
            if (condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail(failure);
    }

    /// <summary>
    /// Eleven departments whose heads have talked to the bot; one task led by all of them (TC-3, due 30/06), so a
    /// sweep on 23/06/2026 after 8:00 owes each head exactly one reminder card.
    /// </summary>
    public static async Task<List<TeamsUser>> ElevenHeadsWithOneReminderEachOn23JuneAsync(BotHarness bot)
    {
        var departments = Enumerable.Range(1, 11).Select(n => new Department($"P{n}", $"Phòng {n}", "nghiep-vu", $"truongphong.p{n}@example.gov.vn", [])).ToList();
        var directory = SamplePlans.Directory() with { Departments = [SamplePlans.Directory().Departments[0], .. departments] };
        var plan = SamplePlans.Plan();
        await bot.SeedAsync(plan with { Tasks = [plan.Tasks[1] with { Lead = ["nghiep-vu"], Cooperating = [] }] }, directory);
        var heads = departments.Select(d => bot.Register(BotHarness.User(d.Head, d.Name))).ToList();
        foreach (var head in heads)
        {
            await bot.SendTextAsync(head, "trợ giúp");
        }

        bot.Connector.Clear();
        return heads;
    }
}
