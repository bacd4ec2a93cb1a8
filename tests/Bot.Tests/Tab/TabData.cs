using CchcBot.Bot.Tests.Support;
using CchcBot.Plan;
using CchcBot.Plan.Files;
using CchcBot.Storage;

namespace CchcBot.Bot.Tests.Tab;

/// <summary>The bundled plan (re-based to 2026) and sample directory, with progress in every group of the tally.</summary>
public static class TabData
{
    public const string Agency = "thanh-tra-soc-trang";
    public const string ChiefInspector = "chanhthanhtra@example.gov.vn";
    public const string ChiefOfOffice = "chanhvanphong@example.gov.vn";
    public const string HeadNv1 = "truongphong.nv1@example.gov.vn";
    public const string Blocker = "Chờ ý kiến của Sở Tư pháp";
    public const string OwnTaskId = "NV2-RIENG";
    public const string OwnTaskTitle = "Số hóa hồ sơ thanh tra lưu trữ";
    public const string Opinion = "Phòng Nghiệp vụ 1 thống nhất nội dung dự thảo";

    /// <summary>Mid-July: the first half's milestones are due, the rest are not.</summary>
    public static readonly DateTimeOffset Now = new(2026, 7, 15, 9, 0, 0, TimeSpan.FromHours(7));

    public static async Task<CchcPlan> SeedAsync(BotHarness bot)
    {
        var directory = DirectoryFileReader.Read(BundledData.DirectoryJson).Value!;
        var bundled = new PlanFileReader().Read(BundledData.PlanJson, rebaseYear: 2026).Value!;

        // Every task of the bundled plan involves every department (the professional ones cooperate as a group): one
        // task of Phòng Nghiệp vụ 2 alone shows a head's scope.
        var own = new PlanTask(OwnTaskId, bundled.Areas[0].Id, OwnTaskTitle, ["Hồ sơ điện tử"], ["NV2"], [], "Quý III năm 2026",
            [new Milestone(OwnTaskId + "-1", OwnTaskId, "Hồ sơ điện tử", new DateOnly(2026, 9, 30))], bundled.Tasks.Count);
        var plan = bundled with { Tasks = [.. bundled.Tasks, own] };
        await new DirectoryRepository(bot.Tables).ReplaceAsync(directory);
        await new PlanRepository(bot.Tables).SaveAsync(plan);
        var progress = new ProgressRepository(bot.Tables);
        var single = plan.Tasks.Where(t => t.Lead.Count == 1 && directory.Find(t.Lead[0]) is not null).ToList();
        var pastDue = single.SelectMany(t => t.Milestones).Where(m => m.Due is { } d && d < DateOnly.FromDateTime(Now.Date)).ToList();
        var future = single.SelectMany(t => t.Milestones).Where(m => m.Due is { } d && d > DateOnly.FromDateTime(Now.Date).AddDays(30)).ToList();
        var n = 0;
        async Task Record(Milestone m, MilestoneStatus? status, DateTimeOffset at, string? note = null, string? evidence = null, string by = ChiefOfOffice) =>
            await progress.RecordAsync(new ProgressUpdate(Agency, m.TaskId, m.Id, $"op-{++n}", by, "Nguyễn Văn A", at, status, note, evidence));

        // Done on time, done late, blocked (overdue), in progress (in time), blocked (in time), and an opinion.
        await Record(pastDue[0], MilestoneStatus.Done, At(pastDue[0].Due!.Value.AddDays(-3)), "Đã ban hành", "https://example.gov.vn/van-ban/15");
        await Record(pastDue[1], MilestoneStatus.Done, At(pastDue[1].Due!.Value.AddDays(5)), "Hoàn thành muộn");
        await Record(pastDue[2], MilestoneStatus.Blocked, At(pastDue[2].Due!.Value.AddDays(-2)), Blocker);
        await Record(future[0], MilestoneStatus.InProgress, Now.AddDays(-2));
        await Record(future[1], MilestoneStatus.Blocked, Now.AddDays(-1), Blocker);
        await Record(pastDue[0], null, Now.AddDays(-1), Opinion, by: HeadNv1);
        return plan;
    }

    public static readonly byte[] Pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n");

    /// <summary>A PDF sent by <paramref name="by"/> and attached to the milestone, as the chat's attachEvidence does.</summary>
    public static async Task AttachAsync(BotHarness bot, string taskId, string milestoneId, string fileName, string by = ChiefOfOffice)
    {
        var store = bot.Services.GetRequiredService<CchcBot.Evidence.EvidenceStore>();
        var upload = await store.StorePendingAsync(Agency, by, "Nguyễn Văn An", fileName, "application/pdf", Pdf, default);
        Assert.Equal(CchcBot.Evidence.AttachOutcome.Attached, await store.AttachAsync(upload, Agency, taskId, milestoneId, default));
    }

    /// <summary>The head of <paramref name="departmentId"/> gives the milestone to members of its staff.</summary>
    public static async Task AssignAsync(BotHarness bot, string taskId, string milestoneId, string departmentId, params string[] staff) =>
        await new AssignmentRepository(bot.Tables, bot.Time).AssignAsync(new AssignmentChange(
            Agency, taskId, milestoneId, string.Empty, departmentId, staff, ChiefOfOffice, "Nguyễn Văn An", $"assign-{taskId}-{milestoneId}"));

    private static DateTimeOffset At(DateOnly date) => new(date.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(7));
}
