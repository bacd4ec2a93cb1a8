using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CchcBot.Bot.Tests.Support;
using CchcBot.Cards;
using CchcBot.Cards.Views;
using CchcBot.Digest;
using CchcBot.Plan;
using CchcBot.Tab;

namespace CchcBot.Bot.Tests.Tab;

/// <summary>GET /api/progress and /api/progress/tasks/{id} in local anonymous mode (the person chosen by header).</summary>
public sealed class ProgressApiTests
{
    [Fact]
    public async Task The_Chief_Inspector_gets_the_digests_figures_for_the_whole_plan()
    {
        await using var bot = await BotHarness.StartAsync(TabData.Now);
        await TabData.SeedAsync(bot);
        var page = await GetAsync(bot, "/api/progress", TabData.ChiefInspector);

        var digest = (await bot.Services.GetRequiredService<DigestFiguresService>().FiguresAsync(TabData.Agency, TabData.Now, null, default))!;
        Assert.Equal("plan", page["scope"]!.GetValue<string>());
        Assert.Equal(Figures(digest.Year), page["figures"]!.ToJsonString());
        Assert.Equal(Figures(digest.DueSoFar), page["dueSoFar"]!.ToJsonString());
        Assert.Equal(digest.Areas.Select(a => (a.Name, Figures(a.Tally))), page["areas"]!.AsArray().Select(a => (a!["name"]!.GetValue<string>(), a["figures"]!.ToJsonString())));
        Assert.True(digest.Year.DoneOnTime > 0 && digest.Year.DoneLate > 0 && digest.Year.OpenOverdue > 0 && digest.Year.OpenInTime > 0 && digest.Year.Blocked == 2);

        // Every milestone once; the rows' groups add up to the tiles; the timeline holds every dated one.
        var rows = page["milestones"]!.AsArray();
        var plan = (await new CchcBot.Storage.PlanRepository(bot.Tables).GetAsync(TabData.Agency))!;
        Assert.Equal(plan.Tasks.Sum(t => t.Milestones.Count), rows.Count);
        Assert.Equal(digest.Year.OpenOverdue, rows.Count(r => r!["standing"]!.GetValue<string>() == "open-overdue"));

        // The groups are worded as the report and the workbook word them.
        var names = rows.GroupBy(r => r!["standing"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.First()!["standingName"]!.GetValue<string>());
        Assert.Equal("Chưa hoàn thành, quá hạn", names["open-overdue"]);
        Assert.Equal("Chưa hoàn thành, trong hạn", names["open-in-time"]);
        Assert.Equal(digest.Year.Dated, page["timeline"]!.AsArray().Sum(m => m!["figures"]!["dated"]!.GetValue<int>()));

        // Overdue (most overdue first), then the blocked still in time.
        var attention = page["attention"]!.AsArray();
        Assert.Equal(digest.Overdue.Count + 1, attention.Count);
        var days = attention.Where(a => a!["kind"]!.GetValue<string>() == "overdue").Select(a => a!["daysOverdue"]!.GetValue<int>()).ToList();
        Assert.Equal(days.OrderDescending(), days);
        Assert.Equal("blocked", attention[^1]!["kind"]!.GetValue<string>());

        // Waiting for direction: exactly what the reminders escalate to the Chief of Office.
        var policy = bot.Services.GetRequiredService<CchcBot.Reminders.ReminderPolicy>();
        var states = await new CchcBot.Storage.ProgressRepository(bot.Tables).GetStatesAsync(TabData.Agency);
        foreach (var a in attention)
        {
            var milestone = plan.Tasks.SelectMany(t => t.Milestones).Single(m => m.Id == a!["milestoneId"]!.GetValue<string>());
            var status = states.TryGetValue(milestone.Id, out var s) ? s.Status : MilestoneStatus.NotStarted;
            Assert.Equal(policy.IsEscalated(new DateOnly(2026, 7, 15), milestone, status), a!["needsDirection"]!.GetValue<bool>());
        }

        Assert.Contains(attention, a => a!["needsDirection"]!.GetValue<bool>());

        // The by-department table is the "tổng hợp" card's: each department's own parts of what it leads.
        var snapshot = (await bot.Services.GetRequiredService<CchcBot.Progress.ISnapshotLoader>().LoadAsync(TabData.Agency, default))!;
        foreach (var row in page["departments"]!.AsArray())
        {
            var ledBy = Tally.Of(TaskBoard.MilestonesLedBy(snapshot.Plan, snapshot.Directory, row!["id"]!.GetValue<string>(), snapshot.States, snapshot.Today, snapshot.Zone));
            Assert.Equal(Figures(ledBy), row["figures"]!.ToJsonString());
        }

        Assert.Equal(5, page["departments"]!.AsArray().Count);
        Assert.Equal("15/07/2026", page["today"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_head_sees_their_departments_items_lead_first_and_the_plans_totals()
    {
        await using var bot = await BotHarness.StartAsync(TabData.Now);
        var plan = await TabData.SeedAsync(bot);
        var page = await GetAsync(bot, "/api/progress", TabData.HeadNv1);

        var digest = bot.Services.GetRequiredService<DigestFiguresService>();
        var department = (await digest.FiguresAsync(TabData.Agency, TabData.Now, "NV1", default))!;
        var whole = (await digest.FiguresAsync(TabData.Agency, TabData.Now, null, default))!;
        Assert.Equal("department", page["scope"]!.GetValue<string>());
        Assert.Equal(Figures(department.Year), page["figures"]!.ToJsonString());
        Assert.Equal(Figures(whole.Year), page["planTotals"]!.ToJsonString());
        Assert.Empty(page["departments"]!.AsArray());

        var directory = CchcBot.Plan.Files.DirectoryFileReader.Read(CchcBot.Plan.Files.BundledData.DirectoryJson).Value!;
        var mine = plan.Tasks.Where(t => TaskBoard.Involves(directory, t.Lead.Concat(t.Cooperating), "NV1")).ToList();
        var rows = page["milestones"]!.AsArray();
        Assert.Equal(mine.Sum(t => t.Milestones.Count), rows.Count);
        Assert.True(mine.Count < plan.Tasks.Count);
        var roles = rows.Select(r => r!["role"]!.GetValue<string>()).ToList();
        Assert.Equal(roles.OrderBy(r => r == CardStrings.Labels.Lead ? 0 : 1), roles);
        Assert.Contains(CardStrings.Labels.Cooperating, roles);

        // A task outside the department: not listed, no details; its own head sees it.
        Assert.DoesNotContain(rows, r => r!["taskId"]!.GetValue<string>() == TabData.OwnTaskId);
        using var refused = await SendAsync(bot, $"/api/progress/tasks/{TabData.OwnTaskId}", TabData.HeadNv1);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain(TabData.OwnTaskTitle, await refused.Content.ReadAsStringAsync());
        var own = await GetAsync(bot, $"/api/progress/tasks/{TabData.OwnTaskId}", "truongphong.nv2@example.gov.vn");
        Assert.Equal(TabData.OwnTaskTitle, own["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_tasks_details_carry_deliverables_dates_history_opinions_and_evidence_links()
    {
        await using var bot = await BotHarness.StartAsync(TabData.Now);
        var plan = await TabData.SeedAsync(bot);
        var history = await new CchcBot.Storage.ProgressRepository(bot.Tables).GetHistorySinceAsync(TabData.Agency, DateTimeOffset.MinValue);
        var commented = history.First(h => h.Kind == "comment");
        var task = plan.Tasks.Single(t => t.Id == commented.TaskId);

        var detail = await GetAsync(bot, $"/api/progress/tasks/{task.Id}", TabData.ChiefOfOffice);
        Assert.Equal(task.Title, detail["title"]!.GetValue<string>());
        Assert.Equal(task.Deliverables, detail["deliverables"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal(task.Milestones.Count, detail["milestones"]!.AsArray().Count);
        Assert.Equal(TabData.Opinion, detail["opinions"]!.AsArray().Single()!["note"]!.GetValue<string>());
        var done = detail["history"]!.AsArray().Single(h => h!["milestoneId"]!.GetValue<string>() == commented.MilestoneId)!;
        Assert.Equal("https://example.gov.vn/van-ban/15", done["evidence"]!["url"]!.GetValue<string>());
        Assert.Matches(@"^\d{2}/\d{2}/2026 \d{2}:\d{2}$", done["at"]!.GetValue<string>());
        Assert.Matches(@"^\d{2}/\d{2}/2026$", detail["milestones"]![0]!["due"]!.GetValue<string>());

        using var missing = await SendAsync(bot, "/api/progress/tasks/NO-SUCH", TabData.ChiefOfOffice);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Nobody_signed_in_gets_401_and_someone_outside_the_directory_a_polite_403()
    {
        await using var bot = await BotHarness.StartAsync(TabData.Now);
        await TabData.SeedAsync(bot);

        using var anonymous = await SendAsync(bot, "/api/progress", null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.DoesNotContain("milestones", await anonymous.Content.ReadAsStringAsync());

        using var stranger = await SendAsync(bot, "/api/progress", "nguoi.la@example.com");
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        var body = JsonNode.Parse(await stranger.Content.ReadAsStringAsync())!;
        Assert.Equal("not-in-directory", body["error"]!.GetValue<string>());
        Assert.Equal("Văn phòng", body["contact"]!.GetValue<string>());
        Assert.Contains("Văn phòng", body["message"]!.GetValue<string>());

        var people = JsonNode.Parse(await bot.Http.GetStringAsync("/tab/dev-login"))!;
        Assert.Equal(TabSignIn.DevUserHeader, people["header"]!.GetValue<string>());
        var list = people["people"]!.AsArray();
        Assert.Contains(list, p => p!["email"]!.GetValue<string>() == TabData.ChiefInspector && p["role"]!.GetValue<string>() == Positions.ChiefInspector);
        Assert.Contains(list, p => p!["email"]!.GetValue<string>() == TabData.HeadNv1 && p["role"]!.GetValue<string>() == "Trưởng phòng Nghiệp vụ 1");
    }

    [Fact]
    public async Task The_page_may_be_framed_by_Teams_only()
    {
        await using var bot = await BotHarness.StartAsync(TabData.Now);
        using var page = await bot.Http.GetAsync("/tab/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        var ancestors = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("frame-ancestors ", StringComparison.Ordinal));
        Assert.Equal("frame-ancestors teams.microsoft.com *.teams.microsoft.com *.cloud.microsoft", ancestors);
        Assert.Contains("<html lang=\"vi\">", await page.Content.ReadAsStringAsync());

        using var redirect = await new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = bot.Http.BaseAddress }.GetAsync("/tab");
        Assert.Equal("/tab/", redirect.Headers.Location!.OriginalString);
        foreach (var bad in new[] { "/tab/..%2Fappsettings.json", "/tab/appsettings.json", "/tab/CchcBot.dll", "/tab/.hidden.js" })
        {
            using var refused = await bot.Http.GetAsync(bad);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }
    }

    [Fact]
    public async Task The_first_load_is_within_400_KB_of_script_and_style_after_gzip_and_needs_no_other_host()
    {
        await using var bot = await BotHarness.StartAsync(TabData.Now);
        var total = 0L;
        foreach (var file in new[] { "index.html", "app.js", "app.css" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/tab/" + file);
            request.Headers.AcceptEncoding.ParseAdd("gzip");
            using var response = await bot.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("gzip", response.Content.Headers.ContentEncoding.Single());
            total += (await response.Content.ReadAsByteArrayAsync()).Length;
        }

        Assert.InRange(total, 10 * 1024, 400 * 1024);
        var html = await bot.Http.GetStringAsync("/tab/");
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
    }

    [Fact]
    public async Task The_Chief_of_Office_and_the_Chief_Inspector_download_the_period_reports_a_head_does_not()
    {
        await using var bot = await BotHarness.StartAsync(TabData.Now);
        await TabData.SeedAsync(bot);

        foreach (var (who, period) in new[] { (TabData.ChiefOfOffice, "2026-Q2"), (TabData.ChiefInspector, "2026"), (TabData.ChiefOfOffice, "2026-H1") })
        {
            using var made = await SendAsync(bot, $"/api/progress/reports/{period}", who, HttpMethod.Post);
            var body = JsonNode.Parse(await made.Content.ReadAsStringAsync())!;
            Assert.Equal(HttpStatusCode.OK, made.StatusCode);
            Assert.Equal($"bao-cao-cchc-{TabData.Agency}-{period}.xlsx", body["fileName"]!.GetValue<string>());
            foreach (var (format, extension) in new[] { ("workbook", ".xlsx"), ("document", ".docx") })
            {
                Assert.EndsWith(extension, body[format]!["fileName"]!.GetValue<string>(), StringComparison.Ordinal);
                using var file = await bot.Http.GetAsync(body[format]!["url"]!.GetValue<string>());
                Assert.Equal(HttpStatusCode.OK, file.StatusCode);
                Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await file.Content.ReadAsByteArrayAsync())[..2]));
            }
        }

        using var head = await SendAsync(bot, "/api/progress/reports/2026-Q2", TabData.HeadNv1, HttpMethod.Post);
        Assert.Equal(HttpStatusCode.Forbidden, head.StatusCode);
        Assert.DoesNotContain("/reports/", await head.Content.ReadAsStringAsync());
        using var bad = await SendAsync(bot, "/api/progress/reports/2026-Q7", TabData.ChiefOfOffice, HttpMethod.Post);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var nobody = await SendAsync(bot, "/api/progress/reports/2026-Q2", null, HttpMethod.Post);
        Assert.Equal(HttpStatusCode.Unauthorized, nobody.StatusCode);
    }

    [Fact]
    public async Task The_chiefs_see_what_waits_for_a_decision_a_head_does_not()
    {
        await using var bot = await BotHarness.StartAsync(TabData.Now);
        var plan = await TabData.SeedAsync(bot);
        var (first, second) = (plan.Tasks[0].Milestones[0], plan.Tasks[1].Milestones[0]);
        var requests = new CchcBot.Storage.RequestRepository(bot.Tables);
        await requests.SaveRequestAsync(TabData.Agency, new CchcBot.Storage.ExtensionRequest(
            "r1", first.TaskId, first.Id, string.Empty, first.Due!.Value, first.Due.Value.AddDays(30), "Chờ số liệu", TabData.HeadNv1, "Trần Thị Bình", TabData.Now.AddDays(-1)));
        await requests.SaveAsync(TabData.Agency, new CchcBot.Storage.BlockerEscalation(
            second.TaskId, second.Id, string.Empty, "Cần ý kiến về kinh phí", TabData.ChiefOfOffice, "Nguyễn Văn An", TabData.Now.AddHours(-2)));

        foreach (var chief in new[] { TabData.ChiefInspector, TabData.ChiefOfOffice })
        {
            var decisions = (await GetAsync(bot, "/api/progress", chief))["decisions"]!.AsArray();
            Assert.Equal(["extension", "escalation"], decisions.Select(d => d!["kind"]!.GetValue<string>()));
            Assert.Equal(first.Id, decisions[0]!["milestoneId"]!.GetValue<string>());
            Assert.Contains($"đến {first.Due.Value.AddDays(30):dd/MM/yyyy}: Chờ số liệu", decisions[0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal("Trình Chánh Thanh tra", decisions[1]!["kindName"]!.GetValue<string>());
        }

        Assert.Empty((await GetAsync(bot, "/api/progress", TabData.HeadNv1))["decisions"]!.AsArray());
    }

    [Fact]
    public async Task A_tasks_history_names_section_IV_steps_in_words_not_as_a_status_change()
    {
        await using var bot = await BotHarness.StartAsync(TabData.Now);
        await TabData.SeedAsync(bot);
        var m = (await new CchcBot.Storage.PlanRepository(bot.Tables).GetAsync(TabData.Agency))!.Tasks.First(t => t.Id == TabData.OwnTaskId).Milestones[0];
        await new CchcBot.Storage.ProgressRepository(bot.Tables).RecordAsync(new CchcBot.Storage.ProgressUpdate(
            TabData.Agency, m.TaskId, m.Id, "op-ask", "truongphong.nv2@example.gov.vn", "Phạm Minh Dũng", TabData.Now.AddHours(-1), null, "Chờ số liệu",
            null, Kind: CchcBot.Cards.HistoryKinds.ExtensionAsked, FromDue: m.Due, ToDue: m.Due!.Value.AddDays(15)));

        var task = await GetAsync(bot, $"/api/progress/tasks/{TabData.OwnTaskId}", TabData.ChiefOfOffice);

        var entry = Assert.Single(task["history"]!.AsArray());
        Assert.Equal($"đề nghị gia hạn {m.Due:dd/MM/yyyy} → {m.Due.Value.AddDays(15):dd/MM/yyyy}", entry!["step"]!.GetValue<string>());
        Assert.Null(entry["to"]);
    }

    [Fact]
    public async Task The_pages_one_call_reads_neither_the_agencys_history_nor_the_ledger_which_it_never_shows()
    {
        await using var storage = await StorageRequestLog.StartAsync();
        await using var bot = await BotHarness.StartAsync(TabData.Now, connectionString: storage.ConnectionString);
        await TabData.SeedAsync(bot);

        foreach (var who in new[] { TabData.HeadNv1, TabData.ChiefOfOffice })
        {
            while (storage.Requests.TryDequeue(out _))
            {
            }

            await GetAsync(bot, "/api/progress", who);

            var requests = storage.Requests.ToList();
            Assert.NotEmpty(requests);
            Assert.DoesNotContain(requests, r => r.Contains("RowKey ge 'h|", StringComparison.Ordinal)); // the history's rows
            Assert.DoesNotContain(requests, r => r.Contains(bot.Tables.NameOf(CchcBot.Storage.CchcTables.Ledger), StringComparison.Ordinal));
        }
    }

    internal static string Figures(TallyView t) => JsonSerializer.Serialize(ProgressPage.Figures(t), JsonSerializerOptions.Web);

    internal static async Task<HttpResponseMessage> SendAsync(BotHarness bot, string path, string? user, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        if (user is not null)
        {
            request.Headers.Add(TabSignIn.DevUserHeader, user);
        }

        return await bot.Http.SendAsync(request);
    }

    internal static async Task<JsonNode> GetAsync(BotHarness bot, string path, string user)
    {
        using var response = await SendAsync(bot, path, user);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path} as {user}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }
}
