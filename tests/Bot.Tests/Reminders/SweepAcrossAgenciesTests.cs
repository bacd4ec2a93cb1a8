using CchcBot.Bot.Tests.Storage;
using CchcBot.Bot.Tests.Support;
using CchcBot.Plan;
using CchcBot.Reminders;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Reminders;

/// <summary>
/// A province's sweep keeps its senders busy from the first agency to the last: the next agency is read and its
/// reminders go out while the previous one's are still in flight, and each Chief of Office's summary still follows
/// their own agency's reminders.
/// </summary>
public sealed class SweepAcrossAgenciesTests : IAsyncLifetime
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);
    private const string Second = "thanh-tra-second";
    private BotHarness _bot = null!;
    private readonly HashSet<string> _first = [];
    private readonly HashSet<string> _second = [];

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync();
        await _bot.SeedAsync();
        await new DirectoryRepository(_bot.Tables).ReplaceAsync(SecondDirectory());
        await new PlanRepository(_bot.Tables).SaveAsync(SamplePlans.Plan(agency: Second));
        foreach (var (user, set) in new[]
        {
            (SampleUsers.ChiefOfOffice(), _first), (SampleUsers.Nv1Head(), _first), (SampleUsers.Nv2Head(), _first),
            (BotHarness.User("b.vp@example.gov.vn", "Võ Thị Hạnh"), _second), (BotHarness.User("b.nv1@example.gov.vn", "Đặng Văn Khoa"), _second),
            (BotHarness.User("b.nv2@example.gov.vn", "Bùi Thị Lan"), _second),
        })
        {
            _bot.Register(user);
            await _bot.SendTextAsync(user, "trợ giúp");
            set.Add("a:personal-" + user.Id);
        }

        _bot.Connector.Clear();
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task The_second_agencys_reminders_go_out_while_the_firsts_are_still_in_flight()
    {
        var firstSeen = new TaskCompletionSource();
        var secondSeen = new TaskCompletionSource();
        var both = Task.WhenAll(firstSeen.Task, secondSeen.Task);
        var heldInVain = 0;
        _bot.Connector.BeforeSend = async conversation =>
        {
            (_first.Contains(conversation) ? firstSeen : _second.Contains(conversation) ? secondSeen : null)?.TrySetResult();
            if (await Task.WhenAny(both, Task.Delay(TimeSpan.FromSeconds(5))) != both)
            {
                Interlocked.Increment(ref heldInVain);
            }
        };

        var result = await _bot.Services.GetRequiredService<ReminderSweep>().RunAsync(new DateTimeOffset(2026, 6, 23, 8, 30, 0, Vn), default);

        Assert.Equal(0, heldInVain); // a send of each agency was in flight at the same time
        Assert.Equal(_bot.Connector.Sent.Count, result.Sent);
        Assert.All(_first.Concat(_second), c => Assert.NotEmpty(_bot.Connector.SentTo(c)));
    }

    private static AgencyDirectory SecondDirectory() => new(
        Second,
        [
            new Department("VP", "Văn phòng", "van-phong", "b.vp@example.gov.vn", []),
            new Department("NV1", "Phòng Nghiệp vụ 1", "nghiep-vu", "b.nv1@example.gov.vn", []),
            new Department("NV2", "Phòng Nghiệp vụ 2", "nghiep-vu", "b.nv2@example.gov.vn", []),
        ],
        "b.vp@example.gov.vn",
        "b.ctt@example.gov.vn");
}
