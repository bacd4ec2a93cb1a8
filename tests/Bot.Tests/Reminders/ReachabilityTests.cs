using CchcBot.Bot.Tests.Storage;
using CchcBot.Bot.Tests.Support;
using CchcBot.Reminders;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Reminders;

/// <summary>
/// A head the bot cannot reach at 08:00 (never opened the bot, Graph off) is listed in Vietnamese, leaves the list the
/// moment they write to the bot, and gets the day's reminder from the next sweep. Sample plan: TC-3-1 due 30/06/2026,
/// led by NV1 and NV2; 23/06 is the "còn 7 ngày" day.
/// </summary>
public sealed class ReachabilityTests : IAsyncLifetime
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);
    private BotHarness _bot = null!;
    private TeamsUser _nv2 = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync();
        await _bot.SeedAsync();
        _nv2 = _bot.Register(SampleUsers.Nv2Head());
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task An_unreachable_head_is_listed_in_Vietnamese_leaves_the_list_on_writing_and_gets_the_days_reminder()
    {
        var sweep = _bot.Services.GetRequiredService<ReminderSweep>();
        var first = await sweep.RunAsync(new DateTimeOffset(2026, 6, 23, 8, 0, 0, Vn), default);
        Assert.True(first.Unreachable >= 1, string.Join("\n", first.Lines));
        var ledger = new UnreachableRecipients(_bot.Tables);
        var listed = Assert.Single(await ledger.ListAsync(SamplePlans.Agency), u => u.Recipient == _nv2.Upn);
        Assert.Equal("chưa từng mở ứng dụng", CchcBot.Cards.CardStrings.Unreached.Why(listed.Why));

        await _bot.SendTextAsync(_nv2, "trợ giúp");
        Assert.DoesNotContain(await ledger.ListAsync(SamplePlans.Agency), u => u.Recipient == _nv2.Upn);

        _bot.Connector.Clear();
        var later = await sweep.RunAsync(new DateTimeOffset(2026, 6, 23, 10, 0, 0, Vn), default);
        Assert.Contains(later.Lines, l => l.Contains($"sent to {_nv2.Upn}", StringComparison.Ordinal));
        var card = Assert.Single(_bot.Connector.SentTo("a:personal-" + _nv2.Id), c => c.Card is not null).Card!;
        CardAssert.Valid(card);
        Assert.Contains("Còn 7 ngày", card.Readably(), StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(card.Readably(), "(?i)còn 7 ngày")); // the status said once
    }
}
