using System.Text.Json.Nodes;
using CchcBot.Bot.Tests.Storage;
using CchcBot.Bot.Tests.Support;
using CchcBot.Plan;
using CchcBot.Reminders;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Staff;

/// <summary>
/// Reminders of assigned work (sample plan 2026: TC-3-1 due Tue 30/06, parts NV1 and NV2). The staff who hold a part get
/// its reminders; the head keeps the overdue ones. Real host, loopback connector, Azurite.
/// </summary>
public sealed class StaffReminderTests : IAsyncLifetime
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);
    private BotHarness _bot = null!;
    private TeamsUser _nv1 = null!;
    private TeamsUser _nv2 = null!;
    private TeamsUser _staff = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync();
        await _bot.SeedAsync(directory: StaffSample.Directory());
        _nv1 = _bot.Register(SampleUsers.Nv1Head());
        _nv2 = _bot.Register(SampleUsers.Nv2Head());
        _staff = _bot.Register(StaffSample.Nv1());
        var office = _bot.Register(SampleUsers.ChiefOfOffice());
        foreach (var user in new[] { _nv1, _nv2, _staff, office })
        {
            await _bot.SendTextAsync(user, "trợ giúp"); // each has opened the bot: identity and chat are known
        }

        await new ProgressRepository(_bot.Tables).RecordAsync(new ProgressUpdate(
            SamplePlans.Agency, "TC-1", "TC-1-1", "setup", "chanhvanphong@example.gov.vn", "Nguyễn Văn An", new DateTimeOffset(2026, 1, 20, 9, 0, 0, Vn), MilestoneStatus.Done, null, null));
        var (_, body) = await _bot.InvokeAsync(_nv1, "assign", new JsonObject
        {
            ["taskId"] = "TC-3",
            ["milestoneId"] = "TC-3-1",
            ["part"] = "NV1",
            ["assignee:TC-3-1"] = StaffSample.Nv1Staff,
        });
        Assert.Contains("Đã giao cho cán bộ", body!["value"]!.Readably(), StringComparison.Ordinal);
        _bot.Connector.Clear();
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Before_the_due_date_the_staff_who_hold_the_part_get_the_reminder_instead_of_their_head()
    {
        await _bot.Services.GetRequiredService<ReminderSweep>().RunAsync(new DateTimeOffset(2026, 6, 23, 8, 30, 0, Vn), default);

        var card = Assert.Single(SentTo(_staff)).Card!;
        CardAssert.Valid(card);
        var text = card.Readably();
        Assert.Contains("Kính gửi: đồng chí Huỳnh Văn Lộc, Cán bộ Phòng Nghiệp vụ 1", text, StringComparison.Ordinal);
        Assert.Contains("\"milestoneId\":\"TC-3-1\"", text, StringComparison.Ordinal);
        Assert.Contains("\"part\":\"NV1\"", text, StringComparison.Ordinal);
        Assert.Empty(SentTo(_nv1)); // the NV1 head's only item is held by their staff
        Assert.Contains("Cán bộ thực hiện", text, StringComparison.Ordinal);
        Assert.Single(SentTo(_nv2)); // NV2's part is not assigned: its head is reminded as before
    }

    [Fact]
    public async Task After_the_next_years_plan_is_imported_its_reminders_go_to_the_head_the_previous_years_assignment_holds_nothing()
    {
        await new PlanRepository(_bot.Tables).SaveAsync(SamplePlans.Plan(year: 2027)); // the same task and milestone ids

        await _bot.Services.GetRequiredService<ReminderSweep>().RunAsync(new DateTimeOffset(2027, 6, 23, 8, 30, 0, Vn), default);

        Assert.Empty(SentTo(_staff));
        var head = Assert.Single(SentTo(_nv1)).Card!.Readably();
        Assert.Contains("\"milestoneId\":\"TC-3-1\"", head, StringComparison.Ordinal);
        Assert.Contains("30/06/2027", head, StringComparison.Ordinal);
        Assert.DoesNotContain("Cán bộ thực hiện", head, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_overdue_the_head_is_reminded_too()
    {
        await _bot.Services.GetRequiredService<ReminderSweep>().RunAsync(new DateTimeOffset(2026, 7, 3, 8, 30, 0, Vn), default);

        Assert.Contains("Quá hạn 3 ngày", Assert.Single(SentTo(_staff)).Card!.Readably(), StringComparison.Ordinal);
        var head = Assert.Single(SentTo(_nv1)).Card!.Readably();
        Assert.Contains("Quá hạn 3 ngày", head, StringComparison.Ordinal);
        Assert.Contains("Cán bộ thực hiện: canbo1.nv1@example.gov.vn", head, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Taken_off_the_staff_the_reminders_go_back_to_the_head()
    {
        var directory = StaffSample.Directory();
        await new DirectoryRepository(_bot.Tables).ReplaceAsync(directory with
        {
            Departments = directory.Departments.Select(d => d.Id == "NV1" ? d with { Staff = [] } : d).ToList(),
        });

        await _bot.Services.GetRequiredService<ReminderSweep>().RunAsync(new DateTimeOffset(2026, 6, 23, 8, 30, 0, Vn), default);

        Assert.Empty(SentTo(_staff));
        Assert.Single(SentTo(_nv1));
    }

    private List<ConnectorCall> SentTo(TeamsUser user) => _bot.Connector.SentTo("a:personal-" + user.Id).Where(c => c.Card is not null).ToList();
}
