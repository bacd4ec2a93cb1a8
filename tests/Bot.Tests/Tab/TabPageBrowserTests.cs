using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using CchcBot.Bot.Tests.Support;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Tab;

/// <summary>
/// The Tiến độ page in headless Chromium (playwright-core, Debian's chromium) against the bot on Azurite in local
/// anonymous mode, driven once by tab-page.mjs for every check (a browser start is slow on this machine); each test
/// reads its part of the report. Screenshots of each role, the task, the themes and 320 px go to artifacts/browser/.
/// </summary>
public sealed class TabPageBrowserTests(TabPageBrowserTests.Run run) : IClassFixture<TabPageBrowserTests.Run>
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public void Each_roles_tiles_and_rows_equal_the_APIs_which_are_the_digests()
    {
        Assert.Equal(["chief-inspector", "chief-of-office", "staff", "head"], run.People.Select(p => p.Key));
        foreach (var (key, _) in run.People)
        {
            var shown = run.Report["roles"]![key]!;
            var api = run.Api[key];
            var figures = api["figures"]!;
            var tiles = shown["tiles"]!;
            Assert.Equal(figures["dated"]!.GetValue<int>(), tiles["dated"]!.GetValue<int>());
            Assert.Equal(figures["doneOnTime"]!.GetValue<int>(), tiles["done-on-time"]!.GetValue<int>());
            Assert.Equal(figures["doneLate"]!.GetValue<int>(), tiles["done-late"]!.GetValue<int>());
            Assert.Equal(figures["openInTime"]!.GetValue<int>(), tiles["open-in-time"]!.GetValue<int>());
            Assert.Equal(figures["openOverdue"]!.GetValue<int>(), tiles["open-overdue"]!.GetValue<int>());
            Assert.Equal(figures["blocked"]!.GetValue<int>(), tiles["blocked"]!.GetValue<int>());
            Assert.Equal(api["milestones"]!.AsArray().Count, shown["rows"]!.GetValue<int>());
            Assert.Equal(api["attention"]!.AsArray().Count, shown["attention"]!.GetValue<int>());
            Assert.Equal(api["departments"]!.AsArray().Count, shown["departments"]!.AsArray().Count);
            Assert.Contains("15/07/2026", shown["scope"]!.GetValue<string>());
        }

        Assert.Contains("Chánh Thanh tra", run.Report["roles"]!["chief-inspector"]!["who"]!.GetValue<string>());
        Assert.Contains("Trưởng phòng Nghiệp vụ 1", run.Report["roles"]!["head"]!["who"]!.GetValue<string>());
        Assert.Contains("Cán bộ Phòng Nghiệp vụ 2", run.Report["roles"]!["staff"]!["who"]!.GetValue<string>());
        var totals = run.Api["head"]["planTotals"]!;
        Assert.Contains($"Toàn kế hoạch: {totals["dated"]} mốc có hạn", run.Report["roles"]!["head"]!["planTotals"]!.GetValue<string>());
        Assert.Contains(run.Report["login"]!.AsArray(), p => p!.GetValue<string>().Contains(TabData.ChiefInspector) && p.GetValue<string>().Contains("Chánh Thanh tra"));
    }

    [Fact]
    public void The_chiefs_download_the_period_reports_from_the_page_a_head_sees_no_such_buttons()
    {
        // The reports the chat's "báo cáo" offers: quý I, 6 tháng đầu năm, quý III and năm, and the previous year's.
        string[] periods = ["2026-Q1", "2026-H1", "2026-Q3", "2026", "2025"];
        Assert.Equal(periods, run.Report["roles"]!["chief-inspector"]!["reports"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal(periods, run.Report["roles"]!["chief-of-office"]!["reports"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Empty(run.Report["roles"]!["head"]!["reports"]!.AsArray());
        Assert.Empty(run.Report["roles"]!["staff"]!["reports"]!.AsArray());
        Assert.StartsWith("/reports/", run.Report["reportLink"]!["href"]!.GetValue<string>());
        Assert.Contains("6 tháng đầu năm 2026 (.docx)", run.Report["reportLink"]!["text"]!.GetValue<string>());
        Assert.Equal(200, run.Report["reportDownload"]!["status"]!.GetValue<int>());
        Assert.Contains("wordprocessingml", run.Report["reportDownload"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void The_state_and_area_filters_and_the_case_and_diacritics_free_search_narrow_the_table()
    {
        var api = run.Api["chief-inspector"]["milestones"]!.AsArray();
        var overdue = api.Where(r => r!["standing"]!.GetValue<string>() == "open-overdue").Select(r => r!["milestoneId"]!.GetValue<string>());
        Assert.Equal(overdue, run.Report["filterOverdue"]!.AsArray().Select(r => r!["milestoneId"]!.GetValue<string>()));
        var area = run.Report["filterArea"]!;
        Assert.Equal(api.Count(r => r!["area"]!.GetValue<string>() == area["area"]!.GetValue<string>()), area["rows"]!.GetValue<int>());

        foreach (var search in new[] { "search", "searchUpper" })
        {
            var found = run.Report[search]!.AsArray().Select(r => r!["title"]!.GetValue<string>()).ToList();
            Assert.Equal([TabData.OwnTaskTitle], found);
        }
    }

    [Fact]
    public void A_row_opens_the_task_with_its_deliverables_history_and_opinions()
    {
        var task = run.Report["task"]!;
        Assert.Equal(TabData.OwnTaskTitle, task["title"]!.GetValue<string>());
        var body = task["body"]!.GetValue<string>();
        Assert.Contains("Sản phẩm", body);
        Assert.Contains("Hồ sơ điện tử", body);
        Assert.Contains("30/09/2026", body);
        Assert.Contains("Phòng Nghiệp vụ 2", body);
        Assert.Contains("Lịch sử cập nhật", body);
        Assert.Contains("Ý kiến phối hợp", body);
        Assert.True(run.Report["taskClosed"]!.GetValue<bool>());
    }

    [Fact]
    public void The_opened_task_links_its_milestones_evidence_files_through_the_bot()
    {
        var file = Assert.Single(run.Report["taskFiles"]!.AsArray())!;
        Assert.Equal(Run.EvidenceName, file["text"]!.GetValue<string>());
        Assert.Matches("^/files/[0-9a-f]{48}$", file["href"]!.GetValue<string>());
        Assert.Contains("Tài liệu kiểm chứng đã đính kèm", run.Report["task"]!["body"]!.GetValue<string>());
        Assert.Equal(200, run.Report["fileDownload"]!["status"]!.GetValue<int>());
        Assert.Equal("application/pdf", run.Report["fileDownload"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Staff_see_the_milestone_their_head_assigned_them_and_its_file()
    {
        var staff = run.Report["roles"]!["staff"]!;
        Assert.Equal(1, staff["rows"]!.GetValue<int>());
        Assert.Empty(staff["departments"]!.AsArray());
        Assert.Equal(Run.EvidenceName, run.Report["staffTask"]!["files"]!.AsArray().Single()!.GetValue<string>());
        Assert.Equal(TabData.OwnTaskTitle, run.Report["staffTask"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public void The_theme_follows_default_dark_and_high_contrast()
    {
        var themes = run.Report["themes"]!;
        Assert.Equal(["default", "dark", "contrast"], new[] { "default", "dark", "contrast" }.Select(t => themes[t]!["attribute"]!.GetValue<string>()));
        var backgrounds = new[] { "default", "dark", "contrast" }.Select(t => themes[t]!["background"]!.GetValue<string>()).ToList();
        Assert.Equal(3, backgrounds.Distinct().Count());
        Assert.Equal("rgb(0, 0, 0)", backgrounds[2]);
    }

    [Fact]
    public void Someone_outside_the_directory_sees_a_polite_page_naming_the_Office()
    {
        var stranger = run.Report["stranger"]!;
        Assert.Equal("Chưa có quyền xem", stranger["title"]!.GetValue<string>());
        Assert.Contains("Đề nghị đồng chí liên hệ Văn phòng", stranger["text"]!.GetValue<string>());
        Assert.True(stranger["content"]!.GetValue<bool>());
    }

    [Fact]
    public void In_Teams_the_page_signs_in_with_the_SSO_token_and_follows_the_context_theme_and_its_changes()
    {
        var teams = run.InTeams;
        Assert.True(teams["failure"] is null, $"{teams["failure"]}\n{teams.ToJsonString()}");
        var calls = teams["calls"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        Assert.Equal("initialize", calls[0]);
        Assert.Contains("getContext", calls);
        Assert.Contains("authentication.getAuthToken", calls);
        Assert.Equal("dark", teams["themeFromContext"]!.GetValue<string>());
        Assert.Equal("contrast", teams["themeAfterChange"]!.GetValue<string>());
        Assert.Contains(TabData.ChiefInspector, teams["who"]!.GetValue<string>());
        var figures = run.Api["chief-inspector"]["figures"]!;
        Assert.Equal(figures["dated"]!.GetValue<int>(), teams["tiles"]!["dated"]!.GetValue<int>());
        Assert.Equal(figures["openOverdue"]!.GetValue<int>(), teams["tiles"]!["open-overdue"]!.GetValue<int>());

        Assert.Contains("Microsoft Teams chưa cấp được quyền đăng nhập", teams["noConsent"]!.GetValue<string>());

        // Another site framing the page gets an error frame, not the page.
        var frames = teams["elsewhere"]!.AsArray().Select(f => f!.GetValue<string>()).ToList();
        Assert.DoesNotContain(frames, f => f.Contains("/tab/", StringComparison.Ordinal));
        Assert.Equal(2, frames.Count);
    }

    [Fact]
    public void At_320_pixels_the_page_does_not_scroll_sideways()
    {
        var narrow = run.Report["narrow"]!;
        Assert.Equal(320, narrow["width"]!.GetValue<int>());
        Assert.True(narrow["scrollWidth"]!.GetValue<int>() <= 320, $"the page is {narrow["scrollWidth"]} px wide at 320 px");
    }

    [Fact]
    public void The_keyboard_alone_reaches_the_table_opens_a_task_and_returns_there()
    {
        var keyboard = run.Report["keyboard"]!;
        var focused = keyboard["focused"]!.GetValue<string>();
        Assert.False(string.IsNullOrWhiteSpace(focused));
        Assert.Equal(focused, keyboard["opened"]!.GetValue<string>());
        Assert.Equal(focused, keyboard["back"]!.GetValue<string>());
    }

    [Fact]
    public void Axe_finds_no_serious_or_critical_violation()
    {
        var scans = run.Report["axe"]!.AsArray();
        Assert.Equal(["default", "task", "dark", "contrast"], scans.Select(s => s!["where"]!.GetValue<string>()));
        Assert.All(scans, s => Assert.True(s!["violations"]!.AsArray().Count == 0, $"{s["where"]}: {s["violations"]!.ToJsonString()}"));
    }

    [Fact]
    public void The_page_runs_without_script_errors()
    {
        // TeamsJS prefetches its list of Teams hosts from res.cdn.office.net when it loads; the page's CSP
        // (connect-src 'self') and this machine's missing network refuse it, and TeamsJS falls back to its built-in list.
        var errors = run.Report["errors"]!.AsArray().Select(e => e!.GetValue<string>())
            .Where(e => !e.Contains("res.cdn.office.net/teams-js/validDomains", StringComparison.Ordinal)).ToList();
        Assert.Empty(errors);
    }

    /// <summary>One bot, one browser run, shared by the tests of this class.</summary>
    public sealed class Run : IAsyncLifetime
    {
        public IReadOnlyList<(string Key, string Email)> People { get; } =
            [("chief-inspector", TabData.ChiefInspector), ("chief-of-office", TabData.ChiefOfOffice), ("staff", Staff), ("head", TabData.HeadNv1)];

        /// <summary>Staff of Phòng Nghiệp vụ 2, given the department's own task.</summary>
        public const string Staff = "canbo1.nv2@example.gov.vn";

        public const string EvidenceName = "Biên bản số hóa hồ sơ.pdf";

        public JsonNode Report { get; private set; } = null!;

        public Dictionary<string, JsonNode> Api { get; } = [];

        /// <summary>The page inside the stand-in Teams host (tab-in-teams.mjs), against a bot in production mode.</summary>
        public JsonNode InTeams { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Assert.True(File.Exists(Chromium), $"{Chromium} is missing: scripts/install-tools.sh installs Debian's chromium when run as root.");
            await using var bot = await BotHarness.StartAsync(TabData.Now);
            await TabData.SeedAsync(bot);
            await TabData.AssignAsync(bot, TabData.OwnTaskId, TabData.OwnTaskId + "-1", "NV2", Staff);
            await TabData.AttachAsync(bot, TabData.OwnTaskId, TabData.OwnTaskId + "-1", EvidenceName, by: "truongphong.nv2@example.gov.vn");
            foreach (var (key, email) in People)
            {
                Api[key] = await ProgressApiTests.GetAsync(bot, "/api/progress", email);
            }

            var input = new JsonObject
            {
                ["people"] = new JsonArray(People.Select(p => (JsonNode)new JsonObject { ["key"] = p.Key, ["email"] = p.Email }).ToArray()),
                ["search"] = "so hoa ho so",
                ["searchTitle"] = TabData.OwnTaskTitle,
                ["stranger"] = "nguoi.la@example.gov.vn",
                ["staff"] = Staff,
            };
            var shots = RepoPaths.Of("artifacts", "browser");
            var (code, output) = await RunNodeAsync(RepoPaths.Of("tests", "Bot.Tests", "Tab", "tab-page.mjs"), bot.Http.BaseAddress!.ToString().TrimEnd('/'), shots, input.ToJsonString());
            var line = output.Split('\n').LastOrDefault(l => l.StartsWith('{'));
            Assert.True(code == 0 && line is not null, $"the browser run failed ({code}):\n{output}");
            Report = JsonNode.Parse(line)!;
            Assert.True(Report["failure"] is null, $"the browser run stopped: {Report["failure"]}\n{Report.ToJsonString(new JsonSerializerOptions { WriteIndented = true })}");
            await RunInTeamsAsync(shots);
        }

        private async Task RunInTeamsAsync(string shots)
        {
            await using var botFramework = await BotFrameworkIssuer.StartAsync();
            await using var entra = await EntraIssuer.StartAsync(BotHarnessDefaults.TenantId);
            var settings = botFramework.Settings(TabSignInTests.AppId);
            settings["Tab:MetadataAddress"] = entra.MetadataUrl;
            await using var bot = await BotHarness.StartAsync(TabData.Now, settings, services: s =>
            {
                BotFrameworkIssuer.Configure(s);
                entra.Configure(s);
            });
            await TabData.SeedAsync(bot);
            var token = entra.Token(TabSignInTests.AppId, TabData.ChiefInspector);
            var (code, output) = await RunNodeAsync(RepoPaths.Of("tests", "Bot.Tests", "Tab", "tab-in-teams.mjs"), bot.Http.BaseAddress!.ToString().TrimEnd('/'), shots, token);
            var line = output.Split('\n').LastOrDefault(l => l.StartsWith('{'));
            Assert.True(code == 0 && line is not null, $"the in-Teams browser run failed ({code}):\n{output}");
            InTeams = JsonNode.Parse(line)!;
        }

        public Task DisposeAsync() => Task.CompletedTask;

        private static async Task<(int Code, string Output)> RunNodeAsync(params string[] args)
        {
            var psi = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.Environment["REPO_ROOT"] = RepoPaths.Of();
            foreach (var a in args)
            {
                psi.ArgumentList.Add(a);
            }

            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(240));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                return (-1, $"the browser run did not finish within 240 s (killed):\n{await stdout}{await stderr}");
            }

            return (process.ExitCode, await stdout + await stderr);
        }
    }
}
