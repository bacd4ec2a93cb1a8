using System.Text;
using System.Text.Json.Nodes;
using CchcBot.Cards.Views;
using CchcBot.TestSupport;

namespace CchcBot.Cards.Tests;

/// <summary>Every card kind through the official Adaptive Cards JS SDK, and the card contract the bot relies on.</summary>
public class CardContractTests
{
    [Fact]
    public void Every_card_kind_is_valid_with_realistic_data() => CardAssert.AllValid(AllKinds());

    /// <summary>
    /// WCAG AA (4.5:1) for every text of every card, in Teams' light and dark themes, computed from Teams' host-config
    /// colours: each text's colour (normal or subtle) against the background of the container style it stands on
    /// (a styled Container, Column or ColumnSet; a ShowCard's form stands on "emphasis", as Teams shows it).
    /// </summary>
    [Fact]
    public void Every_text_meets_WCAG_AA_contrast_in_Teams_light_and_dark_themes()
    {
        var offenders = new List<string>();
        void Check(string theme, string style, string? color, bool subtle, string text)
        {
            var palette = TeamsThemes.All[theme][style];
            var colour = palette.Foreground[(color ?? "default").ToLowerInvariant()];
            var ratio = TeamsThemes.Contrast(subtle ? colour.Subtle : colour.Normal, palette.Background);
            if (ratio < 4.5)
            {
                offenders.Add($"{theme}: '{Markdown.Shorten(text, 40)}' ({color ?? "default"}{(subtle ? ", subtle" : string.Empty)}) on {style}: {ratio:0.00}:1");
            }
        }

        void Walk(JsonNode? node, string theme, string style)
        {
            switch (node)
            {
                case JsonObject o:
                    var type = o["type"]?.GetValue<string>();
                    if (o["style"] is JsonValue s && type is "Container" or "Column" or "ColumnSet" or "TableCell" && TeamsThemes.All[theme].ContainsKey(s.GetValue<string>()))
                    {
                        style = s.GetValue<string>();
                    }

                    if (type is "TextBlock" or "TextRun")
                    {
                        Check(theme, style, o["color"]?.GetValue<string>(), o["isSubtle"]?.GetValue<bool>() == true, o["text"]?.GetValue<string>() ?? string.Empty);
                    }

                    if (type == "FactSet")
                    {
                        Check(theme, style, null, false, "FactSet");
                    }

                    if (type?.StartsWith("Input.", StringComparison.Ordinal) == true && o["label"] is JsonValue label)
                    {
                        Check(theme, style, null, false, label.GetValue<string>());
                    }

                    foreach (var (key, child) in o)
                    {
                        Walk(child, theme, type == "Action.ShowCard" && key == "card" ? "emphasis" : style);
                    }

                    break;
                case JsonArray a:
                    foreach (var child in a)
                    {
                        Walk(child, theme, style);
                    }

                    break;
            }
        }

        foreach (var card in AllKinds())
        {
            foreach (var theme in TeamsThemes.All.Keys)
            {
                Walk(card, theme, "default");
            }
        }

        Assert.Empty(offenders);
    }

    [Theory]
    [InlineData("#92c353", "#ffffff", 2.07)] // Teams' "good" text on the light theme's white: why text is never coloured green
    [InlineData("#ffd74654", "#ff2d2c2c", 3.24)] // Teams' "attention" text on the dark theme: why it is never coloured red
    [InlineData("#ff252424", "#CCFFCC", 13.82)] // default text on the "good" container
    [InlineData("#bf252424", "#ffffff", 6.78)] // subtle text: its alpha blended over the background
    public void Contrast_is_computed_as_WCAG_defines_it(string foreground, string background, double expected) =>
        Assert.Equal(expected, TeamsThemes.Contrast(foreground, background), 2);

    private static List<JsonNode> AllKinds()
    {
        var cards = new List<JsonNode>
        {
            WelcomeCard.Build(),
            HelpCard.Build(isChiefOfOffice: false),
            HelpCard.Build(isChiefOfOffice: true),
            MyTasksCard.Build("Văn phòng", [], 0),
            MyTasksCard.Build("Văn phòng", [SampleViews.Item()], 0, "Toàn kế hoạch: 3/42 mốc hoàn thành (7%)", "Đã ghi nhận: Hoàn thành."),
            MyTasksCard.Build("Phòng Nghiệp vụ 1", SampleViews.Many(30), 1),
            PlanOverviewCard.Build("Kế hoạch CCHC năm 2026", new DateOnly(2026, 11, 25),
                [new TallyRow("Văn phòng", new TallyView(2, 1, 12, 3, 4, 1, 1)), new TallyRow("Phòng Nghiệp vụ 1", new TallyView(0, 0, 1, 0, 1, 0, 0))],
                new TallyRow("Tổng", new TallyView(2, 1, 13, 3, 5, 1, 1))),
            TaskCard.Build(SampleViews.Item(), [], null),
            TaskCard.Build(SampleViews.Item(2, StatusView.Done), History(8), "Đã ghi nhận: Hoàn thành.", ["29:abc"]),
            TaskCard.Build(SampleViews.Item(3, StatusView.Blocked, RoleView.Cooperating, due: null, daysLeft: null), History(1)),
            ErrorCard.Build(CardStrings.ErrorTitle, "Đồng chí không có quyền cập nhật nhiệm vụ này."),
            ErrorCard.Build(CardStrings.ErrorTitle, "Không tìm thấy.", ("TC-1", "TC-1-1")),
            InfoCard.Build("Đã đặt kênh tổng hợp", "Bản tổng hợp hằng tuần sẽ được gửi vào kênh này."),
            BlockerNoticeCard.Build(SampleViews.Item(4, StatusView.Blocked), "Văn phòng", "Trần Thị Bình", new DateTime(2026, 11, 25, 9, 5, 0)),
            EscalationCard.Build(new DateOnly(2026, 11, 25), [SampleViews.Item(5, StatusView.Blocked)], ["truongphong.nv1@example.gov.vn — chưa cài ứng dụng"], 5),
            ReportCard.Choose([new ReportChoice("2026-Q1", "quý I năm 2026"), new ReportChoice("2026-H1", "6 tháng đầu năm 2026")], "14"),
            ReportCard.Links("quý I năm 2026", "14/03/2026", "https://bot.example/reports/a", "https://bot.example/reports/b", 60),
            ReportCard.WorkbookLink("quý I năm 2026", "https://bot.example/reports/c", 60),
        };
        cards.AddRange(SampleViews.AllStatuses.Select(s => (JsonNode)TaskCard.Build(SampleViews.Item(1, s), History(2))));
        return cards;
    }

    [Fact]
    public void The_escalation_card_states_the_configured_threshold()
    {
        var card = EscalationCard.Build(new DateOnly(2026, 11, 25), [SampleViews.Item(5, StatusView.Overdue)], [], 5);

        Assert.Contains("quá hạn từ 5 ngày làm việc trở lên", card.Readably(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_validator_catches_a_broken_card()
    {
        var card = WelcomeCard.Build();
        card["body"]!.AsArray().Add(new JsonObject { ["type"] = "Bogus" });
        card["body"]!.AsArray().Add(new JsonObject { ["type"] = "Input.Text", ["id"] = "x" });
        card["body"]!.AsArray().Add(new JsonObject { ["type"] = "Input.Text", ["id"] = "x" });
        card["body"]!.AsArray().Add(new JsonObject { ["type"] = "TextBlock", ["txt"] = "typo" });
        card["body"]!.AsArray().Add(new JsonObject { ["type"] = "FactSet", ["facts"] = new JsonArray() });

        var problems = CardValidator.Validate(card);

        Assert.Contains(problems, p => p.Contains("Unknown element type \"Bogus\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Duplicate Id", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("\"txt\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("empty FactSet", StringComparison.Ordinal));
    }

    [Fact]
    public void Lead_form_carries_the_contract_inputs_and_verb()
    {
        var form = TaskItemBlock.Form(SampleViews.Item(), CardContract.Views.MyTasks, 2).Readably();

        Assert.Contains("\"id\":\"status:TCC-1-1\"", form, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"note:TCC-1-1\"", form, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"evidence:TCC-1-1\"", form, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"updateStatus\"", form, StringComparison.Ordinal);
        Assert.Contains("\"data\":{\"taskId\":\"TCC-1\",\"milestoneId\":\"TCC-1-1\",\"view\":\"myTasks\",\"page\":2}", form, StringComparison.Ordinal);
        foreach (var (value, title) in new[] { ("InProgress", "Đang thực hiện"), ("Done", "Hoàn thành"), ("Blocked", "Gặp vướng mắc") })
        {
            Assert.Contains($"{{\"title\":\"{title}\",\"value\":\"{value}\"}}", form, StringComparison.Ordinal);
        }

        Assert.Contains("\"maxLength\":1000", form, StringComparison.Ordinal);
    }

    [Fact]
    public void Cooperating_form_has_only_the_opinion()
    {
        var form = TaskItemBlock.Form(SampleViews.Item(role: RoleView.Cooperating), CardContract.Views.Task, null).Readably();

        Assert.Contains("\"id\":\"note:TCC-1-1\"", form, StringComparison.Ordinal);
        Assert.Contains("Ý kiến phối hợp", form, StringComparison.Ordinal);
        Assert.DoesNotContain("status:", form, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"updateStatus\"", form, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_of_long_items_stays_well_under_the_Teams_size_limit()
    {
        var items = Enumerable.Range(1, 40).Select(i => SampleViews.Item(2 * i, StatusView.Overdue)).ToList();

        var card = MyTasksCard.Build("Phòng Phòng, chống tham nhũng", items, 0, "Toàn kế hoạch: 0/42 mốc hoàn thành");

        var bytes = Encoding.UTF8.GetByteCount(card.Readably());
        Assert.True(bytes < 24_000, $"{bytes} bytes");
        CardAssert.Valid(card);
    }

    [Theory]
    [InlineData(0, "Trang sau", "Trang trước", "Trang 1/3")]
    [InlineData(1, "Trang sau", null, "Trang 2/3")]
    [InlineData(2, "Trang trước", "Trang sau", "Trang 3/3")]
    public void Paging_offers_the_right_buttons(int page, string present, string? absent, string label)
    {
        // 30 items, 7 of them cooperating: the 23 led pages 8 at a time; the cooperating rows stand on the first page.
        var json = MyTasksCard.Build("Văn phòng", SampleViews.Many(30), page).Readably();
        Assert.Equal(page == 0, json.Contains("Đơn vị phối hợp (7 nhiệm vụ)", StringComparison.Ordinal));

        Assert.Contains(present, json, StringComparison.Ordinal);
        Assert.Contains(label, json, StringComparison.Ordinal);
        if (absent is not null)
        {
            Assert.DoesNotContain(absent, json, StringComparison.Ordinal);
        }

        Assert.Contains("\"verb\":\"myTasksPage\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_task_with_many_milestones_shows_each_with_its_form_across_pages_under_the_cards_size_limit()
    {
        // A monthly task (12 milestones) after two single-milestone tasks: pages of 8 milestones, the task's first page
        // under its title on a page of its own, the rest under "(tiếp theo)" beside the next task; every milestone's form exactly once.
        var monthly = SampleViews.Item(2) with
        {
            Others = Enumerable.Range(2, 11).Select(m => SampleViews.Item(2) with { MilestoneId = $"TCC-2-{m}", Period = $"Tháng {m}/2026" }).ToList(),
        };
        var items = new[] { SampleViews.Item(1), monthly, SampleViews.Item(3) };

        var pages = Enumerable.Range(0, 3).Select(p => MyTasksCard.Build("Văn phòng", items, p)).ToList();

        var ids = pages.SelectMany(p => Inputs(p).Where(id => id.StartsWith("status:", StringComparison.Ordinal))).ToList();
        Assert.Equal(14, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains("Trang 3/3", pages[2].Readably(), StringComparison.Ordinal);
        Assert.Contains("(tiếp theo)", pages[2].Readably(), StringComparison.Ordinal);
        Assert.DoesNotContain("(tiếp theo)", pages[1].Readably(), StringComparison.Ordinal);
        Assert.Contains("Tháng 12/2026", pages[2].Readably(), StringComparison.Ordinal);
        foreach (var page in pages)
        {
            Assert.True(Encoding.UTF8.GetByteCount(page.Readably()) < 24_000);
            CardAssert.Valid(page);
        }
    }

    private static IEnumerable<string> Inputs(JsonNode? node) => node switch
    {
        JsonObject o => (o["id"] is JsonValue v && o["type"]?.GetValue<string>()?.StartsWith("Input.", StringComparison.Ordinal) == true ? [v.GetValue<string>()] : Array.Empty<string>())
            .Concat(o.SelectMany(kv => Inputs(kv.Value))),
        JsonArray a => a.SelectMany(Inputs),
        _ => [],
    };

    [Fact]
    public void Empty_list_says_so_in_Vietnamese() =>
        Assert.Contains(CardStrings.NoTasks, MyTasksCard.Build("Văn phòng", [], 0).Readably(), StringComparison.Ordinal);

    [Theory]
    [InlineData(StatusView.NotStarted, "Chưa thực hiện")]
    [InlineData(StatusView.InProgress, "Đang thực hiện")]
    [InlineData(StatusView.Done, "Hoàn thành")]
    [InlineData(StatusView.Blocked, "Gặp vướng mắc")]
    [InlineData(StatusView.Overdue, "Quá hạn")]
    [InlineData(StatusView.DoneLate, "Hoàn thành trễ hạn")]
    public void Statuses_read_in_Vietnamese(StatusView status, string label) =>
        Assert.Contains($"\"text\":\"{label}\"", TaskCard.Build(SampleViews.Item(1, status), []).Readably(), StringComparison.Ordinal);

    [Theory]
    [InlineData(5, "Hạn 31/12/2026 · còn 5 ngày")]
    [InlineData(0, "Hạn 31/12/2026 · đến hạn hôm nay")]
    [InlineData(-3, "Hạn 31/12/2026 · quá hạn 3 ngày")]
    public void Due_dates_read_dd_MM_yyyy_with_days_left(int daysLeft, string expected) =>
        Assert.Contains(expected, TaskCard.Build(SampleViews.Item(daysLeft: daysLeft), []).Readably(), StringComparison.Ordinal);

    [Fact]
    public void Task_card_shows_who_and_when_and_refreshes_itself()
    {
        var card = TaskCard.Build(SampleViews.Item(), History(1), refreshUserIds: ["29:abc"]);
        var json = card.Readably();

        Assert.Contains("Nguyễn Văn An cập nhật lúc 14:35 ngày 20/11/2026", json, StringComparison.Ordinal);
        Assert.Equal("refreshTask", card["refresh"]!["action"]!["verb"]!.GetValue<string>());
        Assert.Equal("29:abc", card["refresh"]!["userIds"]![0]!.GetValue<string>());
    }

    [Fact]
    public void Task_card_without_refresh_users_omits_the_list() =>
        Assert.Null(TaskCard.Build(SampleViews.Item(), [])["refresh"]!["userIds"]);

    [Fact]
    public void Help_buttons_send_the_commands_as_messages()
    {
        var json = HelpCard.Build(isChiefOfOffice: true).Readably();

        Assert.Contains("{\"msteams\":{\"type\":\"imBack\",\"value\":\"nhiệm vụ của tôi\"}}", json, StringComparison.Ordinal);
        Assert.Contains("báo cáo quý", json, StringComparison.Ordinal);
        Assert.DoesNotContain("báo cáo quý", HelpCard.Build(isChiefOfOffice: false).Readably(), StringComparison.Ordinal);
    }

    [Fact]
    public void User_text_cannot_inject_markdown_or_break_the_card()
    {
        var item = SampleViews.Item() with { Note = "**đậm** [link](http://x) <b>html</b>\n- gạch đầu dòng\n1. số \"ngoặc\" \\" };

        var card = TaskCard.Build(item, []);

        CardAssert.Valid(card);
        var text = card.Readably();
        Assert.Contains(@"\\*\\*đậm\\*\\* \\[link\\]\\(http://x\\) \\<b\\>html\\</b\\>", text, StringComparison.Ordinal);
        Assert.Contains(@"\\- gạch đầu dòng", text, StringComparison.Ordinal);
        Assert.Contains(@"1\\. số", text, StringComparison.Ordinal);
    }

    private static List<HistoryItemView> History(int count) => Enumerable.Range(0, count).Select(i => new HistoryItemView(
        new DateTime(2026, 11, 1 + i, 8, 30, 0),
        i % 2 == 0 ? "Nguyễn Văn An" : "Trần Thị Bình",
        i % 3 == 2 ? "comment" : "status",
        StatusView.NotStarted,
        StatusView.InProgress,
        i % 2 == 0 ? "Đã giao chuyên viên soạn thảo" : null,
        i == 1 ? "12/TTr-VP" : null)).ToList();
}
