using System.Net;
using CchcBot.Bot.Tests.Support;
using CchcBot.Plan;
using CchcBot.Storage;
using CchcBot.Tab;

namespace CchcBot.Bot.Tests.Tab;

/// <summary>The tab's task details list each milestone's evidence files with /files/{token} links, only for someone who
/// may see the task; staff (cán bộ) get a page of what their head assigned to them, and nothing else.</summary>
public sealed class TabEvidenceAndStaffTests
{
    private const string StaffVp = "chuyenvien1.vp@example.gov.vn";
    private const string OtherStaffVp = "chuyenvien2.vp@example.gov.vn";
    private const string StaffNv2 = "canbo1.nv2@example.gov.vn";

    [Fact]
    public async Task A_tasks_milestones_list_their_evidence_files_with_download_links_for_whoever_may_see_the_task()
    {
        await using var bot = await BotHarness.StartAsync(TabData.Now);
        await TabData.SeedAsync(bot);
        var milestoneId = TabData.OwnTaskId + "-1";
        await TabData.AttachAsync(bot, TabData.OwnTaskId, milestoneId, "Biên bản số hóa – đợt 1.pdf", by: "truongphong.nv2@example.gov.vn");

        foreach (var who in new[] { "truongphong.nv2@example.gov.vn", TabData.ChiefOfOffice, TabData.ChiefInspector })
        {
            var detail = await ProgressApiTests.GetAsync(bot, $"/api/progress/tasks/{TabData.OwnTaskId}", who);
            var file = Assert.Single(detail["milestones"]![0]!["files"]!.AsArray())!;
            Assert.Equal("Biên bản số hóa – đợt 1.pdf", file["name"]!.GetValue<string>());
            Assert.Equal("1 KB", file["size"]!.GetValue<string>());
            Assert.Matches(@"^\d{2}/\d{2}/2026 \d{2}:\d{2}$", file["at"]!.GetValue<string>());
            Assert.Equal(24, detail["linkHours"]!.GetValue<int>());
            var url = file["url"]!.GetValue<string>();
            Assert.Matches("^/files/[0-9a-f]{48}$", url);
            using var download = await bot.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(TabData.Pdf, await download.Content.ReadAsByteArrayAsync());
        }

        // The head of a department the task does not involve, and staff holding none of it: no task, no link.
        foreach (var who in new[] { TabData.HeadNv1, StaffNv2 })
        {
            using var refused = await ProgressApiTests.SendAsync(bot, $"/api/progress/tasks/{TabData.OwnTaskId}", who);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            var text = await refused.Content.ReadAsStringAsync();
            Assert.DoesNotContain("/files/", text);
            Assert.DoesNotContain("Biên bản", text);
        }
    }

    [Fact]
    public async Task Staff_get_a_page_of_what_their_head_assigned_to_them_and_only_those_milestones_files()
    {
        await using var bot = await BotHarness.StartAsync(TabData.Now);
        var plan = await TabData.SeedAsync(bot);
        var directory = CchcBot.Plan.Files.DirectoryFileReader.Read(CchcBot.Plan.Files.BundledData.DirectoryJson).Value!;
        var task = plan.Tasks.First(t => t.Milestones.Count >= 2 && TaskBoard.Departments(directory, t.Lead).SequenceEqual(["VP"]));
        var (held, other) = (task.Milestones[0], task.Milestones[1]);
        await TabData.AssignAsync(bot, task.Id, held.Id, "VP", StaffVp);
        await TabData.AttachAsync(bot, task.Id, held.Id, "giao-cho-toi.pdf");
        await TabData.AttachAsync(bot, task.Id, other.Id, "khong-giao.pdf");

        var page = await ProgressApiTests.GetAsync(bot, "/api/progress", StaffVp);

        Assert.Equal("staff", page["scope"]!.GetValue<string>());
        Assert.Equal("staff", page["user"]!["role"]!.GetValue<string>());
        Assert.Equal("Cán bộ Văn phòng", page["user"]!["roleName"]!.GetValue<string>());
        var row = Assert.Single(page["milestones"]!.AsArray())!;
        Assert.Equal(held.Id, row["milestoneId"]!.GetValue<string>());
        Assert.Equal(held.Due is null ? 0 : 1, page["figures"]!["dated"]!.GetValue<int>());
        Assert.Equal(held.Due is null ? 0 : 1, page["areas"]!.AsArray().Sum(a => a!["figures"]!["dated"]!.GetValue<int>()));
        Assert.Empty(page["departments"]!.AsArray());
        Assert.Empty(page["decisions"]!.AsArray());
        Assert.Empty(page["reports"]!.AsArray());
        Assert.All(page["attention"]!.AsArray(), a => Assert.Equal(held.Id, a!["milestoneId"]!.GetValue<string>()));
        // No plan-wide figure beyond what a head sees: the plan's totals, as on a head's page.
        var head = await ProgressApiTests.GetAsync(bot, "/api/progress", TabData.ChiefOfOffice);
        Assert.Equal(head["planTotals"]!.ToJsonString(), page["planTotals"]!.ToJsonString());

        // The task shows the milestone they hold, with its file only.
        var detail = await ProgressApiTests.GetAsync(bot, $"/api/progress/tasks/{task.Id}", StaffVp);
        var milestone = Assert.Single(detail["milestones"]!.AsArray())!;
        Assert.Equal(held.Id, milestone["id"]!.GetValue<string>());
        Assert.Equal("giao-cho-toi.pdf", Assert.Single(milestone["files"]!.AsArray())!["name"]!.GetValue<string>());
        Assert.DoesNotContain("khong-giao.pdf", detail.ToJsonString());

        // Another task, and a colleague who holds nothing: no task; an empty page of their own.
        using var refused = await ProgressApiTests.SendAsync(bot, $"/api/progress/tasks/{TabData.OwnTaskId}", StaffVp);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        using var colleagues = await ProgressApiTests.SendAsync(bot, $"/api/progress/tasks/{task.Id}", OtherStaffVp);
        Assert.Equal(HttpStatusCode.NotFound, colleagues.StatusCode);
        var empty = await ProgressApiTests.GetAsync(bot, "/api/progress", OtherStaffVp);
        Assert.Empty(empty["milestones"]!.AsArray());
        Assert.Equal(0, empty["figures"]!["dated"]!.GetValue<int>());

        // The local sign-in lists staff with their role.
        var people = System.Text.Json.Nodes.JsonNode.Parse(await bot.Http.GetStringAsync("/tab/dev-login"))!["people"]!.AsArray();
        Assert.Contains(people, p => p!["email"]!.GetValue<string>() == StaffVp && p["role"]!.GetValue<string>() == "Cán bộ Văn phòng");
    }

    [Fact]
    public async Task Staff_cannot_ask_for_period_reports()
    {
        await using var bot = await BotHarness.StartAsync(TabData.Now);
        await TabData.SeedAsync(bot);

        using var refused = await ProgressApiTests.SendAsync(bot, "/api/progress/reports/2026-Q2", StaffVp, HttpMethod.Post);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("report-rights", System.Text.Json.Nodes.JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
    }
}
