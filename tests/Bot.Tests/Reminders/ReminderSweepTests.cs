using CchcBot.Bot.Tests.Storage;
using CchcBot.Bot.Tests.Support;
using CchcBot.Plan;
using CchcBot.Reminders;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Reminders;

/// <summary>
/// Reminder sweeps at chosen instants, through the real host, the real connector client against the loopback fake
/// connector, and storage on Azurite. Sample plan (2026): TC-3-1 due Tue 30/06 (lead: NV1, NV2; cooperating: VP),
/// TC-1-1 due Sat 31/01, TTHC-2 ongoing (lead VP).
/// </summary>
public sealed class ReminderSweepTests : IAsyncLifetime
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);
    private BotHarness _bot = null!;
    private TeamsUser _office = null!;
    private TeamsUser _nv1 = null!;
    private TeamsUser _nv2 = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync();
        await _bot.SeedAsync();
        _office = _bot.Register(SampleUsers.ChiefOfOffice());
        _nv1 = _bot.Register(SampleUsers.Nv1Head());
        _nv2 = _bot.Register(SampleUsers.Nv2Head());
        foreach (var user in new[] { _office, _nv1, _nv2 })
        {
            await _bot.SendTextAsync(user, "trợ giúp"); // each head has opened the bot: identity and chat are known
        }

        // January's milestone of TC-1 is done, so nothing is overdue unless a test makes it so.
        await new ProgressRepository(_bot.Tables).RecordAsync(new ProgressUpdate(
            SamplePlans.Agency, "TC-1", "TC-1-1", "setup", "chanhvanphong@example.gov.vn", "Nguyễn Văn An", new DateTimeOffset(2026, 1, 20, 9, 0, 0, Vn), MilestoneStatus.Done, null, null));
        _bot.Connector.Clear();
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Seven_days_before_the_lead_and_the_cooperating_heads_get_one_card_each()
    {
        var result = await SweepAsync(new DateTimeOffset(2026, 6, 23, 8, 30, 0, Vn));

        Assert.Equal(3, result.Sent);
        foreach (var user in new[] { _nv1, _nv2 })
        {
            var card = Assert.Single(SentTo(user)).Card!;
            CardAssert.Valid(card);
            Assert.Contains("Còn 7 ngày", card.Readably(), StringComparison.Ordinal);
        }

        CardAssert.Valid(Assert.Single(SentTo(_office)).Card!);

        Assert.Contains("Đơn vị chủ trì", Assert.Single(SentTo(_nv1)).Card!.Readably(), StringComparison.Ordinal);
        // Each has opened the bot, so Teams told us their names.
        Assert.Contains("Kính gửi: đồng chí Trần Thị Bình, Trưởng phòng Nghiệp vụ 1 · ngày", Assert.Single(SentTo(_nv1)).Card!.Readably(), StringComparison.Ordinal);
        Assert.Contains("Kính gửi: đồng chí Nguyễn Văn An, Chánh Văn phòng · ngày", Assert.Single(SentTo(_office)).Card!.Readably(), StringComparison.Ordinal);
        // Where the Office only cooperates: one line per due date, and a button that opens that list.
        var office = Assert.Single(SentTo(_office)).Card!.Readably();
        Assert.Contains("Phối hợp: 1 nhiệm vụ đến hạn 30/06/2026", office, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"cooperatingDue\",\"data\":{\"due\":\"2026-06-30\"}", office, StringComparison.Ordinal);
        Assert.DoesNotContain("status:TC-3-1", office, StringComparison.Ordinal);

        var (status, body) = await _bot.InvokeAsync(_office, "cooperatingDue", new System.Text.Json.Nodes.JsonObject { ["due"] = "2026-06-30" });
        Assert.Equal(200, status);
        var list = body!["value"]!;
        CardAssert.Valid(list);
        Assert.Contains("Nhiệm vụ phối hợp đến hạn 30/06/2026", list.Readably(), StringComparison.Ordinal);
        Assert.Contains("Xây dựng và ban hành văn bản quy phạm pháp luật lĩnh vực thanh tra", list.Readably(), StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"refreshTask\",\"data\":{\"taskId\":\"TC-3\",\"milestoneId\":\"TC-3-1\",\"back\":\"myTasks\"}", list.Readably(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2026, 6, 27, 3)] // d-3 is Saturday 27/06: moved to Friday 26/06
    [InlineData(2026, 6, 29, 1)] // d-1
    [InlineData(2026, 6, 30, 0)] // due date
    public async Task Each_lead_time_reminds_the_lead(int year, int month, int day, int daysBefore)
    {
        var date = new DateOnly(year, month, day);
        var sendDay = _bot.Services.GetRequiredService<WorkingCalendar>().OnOrBeforeWorkingDay(date);

        await SweepAsync(new DateTimeOffset(sendDay.ToDateTime(new TimeOnly(9, 0)), Vn));

        var text = Assert.Single(SentTo(_nv1)).Card!.Readably();
        Assert.Contains(daysBefore == 0 ? "Đến hạn hôm nay" : $"Còn {(new DateOnly(2026, 6, 30).DayNumber - sendDay.DayNumber)} ngày", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_goes_out_before_8_in_the_morning_or_on_a_weekend()
    {
        var early = await SweepAsync(new DateTimeOffset(2026, 6, 23, 7, 59, 0, Vn));
        var sunday = await SweepAsync(new DateTimeOffset(2026, 6, 28, 10, 0, 0, Vn));

        Assert.Equal(0, early.Sent + sunday.Sent);
        Assert.Empty(_bot.Connector.Sent);
    }

    [Fact]
    public async Task A_due_date_on_a_Saturday_is_reminded_on_the_Friday_before_once()
    {
        await new ProgressRepository(_bot.Tables).RecordAsync(new ProgressUpdate(
            SamplePlans.Agency, "TC-1", "TC-1-1", "reopen", "chanhvanphong@example.gov.vn", "Nguyễn Văn An", DateTimeOffset.UtcNow, MilestoneStatus.InProgress, null, null));

        var result = await SweepAsync(new DateTimeOffset(2026, 1, 30, 9, 0, 0, Vn));

        var card = Assert.Single(SentTo(_office)).Card!.Readably();
        Assert.Contains("Còn 1 ngày", card, StringComparison.Ordinal);
        Assert.True(result.Sent >= 1);
    }

    [Fact]
    public async Task A_second_sweep_the_same_day_sends_nothing_again()
    {
        var at = new DateTimeOffset(2026, 6, 23, 8, 30, 0, Vn);
        await SweepAsync(at);

        var again = await SweepAsync(at.AddHours(3));

        Assert.Equal(0, again.Sent);
        Assert.Single(SentTo(_nv1));
    }

    [Fact]
    public async Task Two_concurrent_sweeps_send_each_reminder_once()
    {
        var at = new DateTimeOffset(2026, 6, 23, 8, 30, 0, Vn);
        var sweep = _bot.Services.GetRequiredService<ReminderSweep>();

        var results = await Task.WhenAll(sweep.RunAsync(at, default), sweep.RunAsync(at, default), sweep.RunAsync(at, default));

        Assert.Equal(3, results.Sum(r => r.Sent));
        Assert.Single(SentTo(_nv1));
        Assert.Single(SentTo(_nv2));
        Assert.Single(SentTo(_office));
    }

    [Fact]
    public async Task Done_stops_the_reminders()
    {
        await new ProgressRepository(_bot.Tables).RecordAsync(new ProgressUpdate(
            SamplePlans.Agency, "TC-3", "TC-3-1", "op", "truongphong.nv1@example.gov.vn", "Trần Thị Bình", DateTimeOffset.UtcNow, MilestoneStatus.Done, null, null));

        await SweepAsync(new DateTimeOffset(2026, 6, 23, 8, 30, 0, Vn));

        Assert.Empty(_bot.Connector.Sent);
    }

    [Fact]
    public async Task Three_working_days_overdue_the_lead_is_reminded_and_the_chief_of_office_gets_the_summary()
    {
        var result = await SweepAsync(new DateTimeOffset(2026, 7, 3, 8, 5, 0, Vn)); // Fri 03/07 = 30/06 + 3 working days

        Assert.Contains("Quá hạn 3 ngày", Assert.Single(SentTo(_nv1)).Card!.Readably(), StringComparison.Ordinal);
        var summaries = SentTo(_office).Select(c => c.Card!.Readably()).Where(t => t.Contains("Tổng hợp nhiệm vụ cần chỉ đạo", StringComparison.Ordinal)).ToList();
        var summary = Assert.Single(summaries);
        Assert.Contains("Xây dựng và ban hành văn bản quy phạm pháp luật", summary, StringComparison.Ordinal);
        CardAssert.Valid(SentTo(_office).Last().Card!);
        Assert.Equal(0, result.Failed);
    }

    [Fact]
    public async Task A_blocked_task_is_escalated_even_before_its_due_date()
    {
        await new ProgressRepository(_bot.Tables).RecordAsync(new ProgressUpdate(
            SamplePlans.Agency, "TC-3", "TC-3-1", "op", "truongphong.nv1@example.gov.vn", "Trần Thị Bình", DateTimeOffset.UtcNow, MilestoneStatus.Blocked, "Chờ hướng dẫn", null));

        await SweepAsync(new DateTimeOffset(2026, 5, 5, 9, 0, 0, Vn));

        var summary = Assert.Single(SentTo(_office)).Card!.Readably();
        Assert.Contains("Gặp vướng mắc", summary, StringComparison.Ordinal);
        Assert.Contains("Chờ hướng dẫn", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ongoing_work_gets_a_check_in_on_the_first_working_day_of_the_month()
    {
        await SweepAsync(new DateTimeOffset(2026, 8, 3, 9, 0, 0, Vn)); // 01/08/2026 is a Saturday

        Assert.Single(SentTo(_office), c => c.Card!.Readably().Contains("Kiểm tra định kỳ tháng 08/2026", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_claim_left_by_a_crashed_sweep_is_retried_after_its_lease()
    {
        var at = new DateTimeOffset(2026, 6, 23, 8, 30, 0, Vn);
        var ledger = new SendLedger(_bot.Tables);
        var key = "TC-3-1|lead:d-7@2026-06-30";
        await ledger.TryClaimAsync(SamplePlans.Agency, "truongphong.nv1@example.gov.vn", key, "crashed", at.AddMinutes(-3), TimeSpan.FromMinutes(10));

        await SweepAsync(at);
        Assert.Empty(SentTo(_nv1)); // the lease is still live: left to its owner

        await SweepAsync(at.AddMinutes(15));
        Assert.Single(SentTo(_nv1));
        Assert.Equal(SendLedger.Sent, await ledger.StateAsync(SamplePlans.Agency, "truongphong.nv1@example.gov.vn", key));
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_honoured_and_the_reminder_is_delivered_once()
    {
        _bot.Connector.Fail(new ConnectorFault(429, "ThrottledByPolicy", TimeSpan.FromSeconds(1), PathContains: _nv1.Id));
        var started = DateTime.UtcNow;

        await SweepAsync(new DateTimeOffset(2026, 6, 23, 8, 30, 0, Vn));

        Assert.Equal(2, _bot.Connector.Calls.Count(c => c.ConversationId.Contains(_nv1.Id, StringComparison.Ordinal)));
        Assert.Single(SentTo(_nv1));
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(0.9), "the retry waited what Retry-After said");
    }

    [Fact]
    public async Task A_403_marks_the_recipient_unreachable_and_the_sweep_goes_on()
    {
        _bot.Connector.Fail(new ConnectorFault(403, "ConversationBlockedByUser", PathContains: _nv1.Id));

        var result = await SweepAsync(new DateTimeOffset(2026, 6, 23, 8, 30, 0, Vn));

        // Two reminders and, the same day, the Chief of Office's summary naming whom the bot cannot reach.
        Assert.True((3, 1) == (result.Sent, result.Unreachable), string.Join("\n", result.Lines));
        Assert.Single(SentTo(_nv2));
        var unreachable = Assert.Single(await new UnreachableRecipients(_bot.Tables).ListAsync(SamplePlans.Agency));
        Assert.Equal("truongphong.nv1@example.gov.vn", unreachable.Recipient);

        var summary = SentTo(_office).Select(c => c.Card!.Readably()).Single(t => t.Contains("Tổng hợp nhiệm vụ cần chỉ đạo", StringComparison.Ordinal));
        Assert.Contains("Không liên lạc được", summary, StringComparison.Ordinal);
        Assert.Contains("truongphong.nv1@example.gov.vn", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_stored_chat_the_bot_creates_one_and_sends()
    {
        var nv3 = BotHarness.User("truongphong.nv3@example.gov.vn", "Vũ Văn Giang");
        var directory = SamplePlans.Directory() with
        {
            Departments = [.. SamplePlans.Directory().Departments, new Department("NV3", "Phòng Nghiệp vụ 3", "nghiep-vu", nv3.Upn, [])],
        };
        await new DirectoryRepository(_bot.Tables).ReplaceAsync(directory);
        await new DirectoryRepository(_bot.Tables).RememberIdentityAsync(SamplePlans.Agency, nv3.Upn, new PersonIdentity(nv3.AadObjectId, BotHarnessDefaults.TenantId, null, nv3.Name));

        var result = await SweepAsync(new DateTimeOffset(2026, 6, 23, 8, 30, 0, Vn));

        Assert.True(_bot.Connector.Calls.Any(c => c.Path == "/v3/conversations"), string.Join("\n", result.Lines));
        Assert.Contains(_bot.Connector.Calls, c => c.Path == "/v3/conversations" && c.Body!["members"]![0]!["id"]!.GetValue<string>() == nv3.AadObjectId);
        Assert.Single(_bot.Connector.SentTo("a:personal-" + nv3.AadObjectId));
    }

    [Fact]
    public async Task The_remind_command_prints_what_it_sent()
    {
        var (code, output, error) = await RemindCommandAsync();

        Assert.True(code == 0, error);
        Assert.Contains("sent to truongphong.nv1@example.gov.vn", output, StringComparison.Ordinal);
        Assert.Contains("3 message(s) sent", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sweep_leaves_the_stored_chats_as_Teams_last_described_them()
    {
        var chats = new ConversationRepository(_bot.Tables);
        var before = await chats.GetAsync(ConversationKind.Personal, BotHarnessDefaults.TenantId, _nv1.AadObjectId);

        // The command's host has not seen the heads' chats, and its clock is the real one.
        var (code, output, error) = await RemindCommandAsync();

        Assert.True(code == 0, error);
        Assert.Contains("sent to truongphong.nv1@example.gov.vn", output, StringComparison.Ordinal);
        var after = await chats.GetAsync(ConversationKind.Personal, BotHarnessDefaults.TenantId, _nv1.AadObjectId);
        // A reminder's turn is the bot's own, made from the stored reference: it is no news from Teams (when a chat was
        // last described is what says which service URL the tenant uses now).
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_dry_run_prints_what_would_be_sent_and_sends_and_records_nothing()
    {
        var (code, output, error) = await RemindCommandAsync("--dry-run");

        Assert.True(code == 0, error);
        Assert.Contains("would send to truongphong.nv1@example.gov.vn: 1 reminder(s)", output, StringComparison.Ordinal);
        Assert.Contains("3 message(s) would be sent; nothing was sent or recorded", output, StringComparison.Ordinal);
        Assert.Empty(_bot.Connector.Sent);
        Assert.Equal(3, (await SweepAsync(new DateTimeOffset(2026, 6, 23, 8, 30, 0, Vn))).Sent); // nothing was claimed
    }

    private static string PrefixOf(BotHarness bot) => bot.Tables.NameOf(string.Empty);

    /// <summary>The `remind` command at the 7-day sweep, in-process, on the bot's storage (a host of its own).</summary>
    private async Task<(int Code, string Output, string Error)> RemindCommandAsync(params string[] flags)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CchcBot.Cli.CliApp.RunAsync(["remind", "--at", "2026-06-23T08:30:00+07:00", .. flags], output, error, b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = AzuriteServer.Shared.ConnectionString,
            ["Storage:TablePrefix"] = PrefixOf(_bot),
            ["Bot:AllowAnonymous"] = "true",
        }));
        return (code, output.ToString(), error.ToString());
    }

    private Task<SweepResult> SweepAsync(DateTimeOffset at) => _bot.Services.GetRequiredService<ReminderSweep>().RunAsync(at, default);

    private List<ConnectorCall> SentTo(TeamsUser user) => _bot.Connector.SentTo("a:personal-" + user.Id).Where(c => c.Card is not null).ToList();
}
