using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CchcBot.Bot.Tests.Plan.Word;
using CchcBot.Bot.Tests.Storage;
using CchcBot.Bot.Tests.Support;
using CchcBot.Storage;
using CchcBot.TestSupport;
using static CchcBot.Bot.Tests.Plan.Word.DocxBuilder;

namespace CchcBot.Bot.Tests.Import;

/// <summary>
/// The plan sent in Teams, end to end over HTTP with the real adapter: the file downloaded from a loopback stand-in for
/// SharePoint, previewed, confirmed or cancelled with the card's buttons, and the lead heads told what changed.
/// </summary>
public sealed class PlanImportTeamsTests : IAsyncLifetime
{
    private FakeFileHost _files = null!;
    private BotHarness _bot = null!;
    private TeamsUser _chief = null!;
    private TeamsUser _nv1 = null!;
    private TeamsUser _nv2 = null!;

    public async Task InitializeAsync()
    {
        _files = await FakeFileHost.StartAsync();
        _bot = await BotHarness.StartAsync(settings: new Dictionary<string, string?> { ["Import:AllowedDownloadHosts:0"] = "127.0.0.1" });
        await _bot.SeedAsync();
        _chief = _bot.Register(SampleUsers.ChiefOfOffice());
        _nv1 = _bot.Register(SampleUsers.Nv1Head());
        _nv2 = _bot.Register(SampleUsers.Nv2Head());
        foreach (var user in new[] { _chief, _nv1, _nv2 })
        {
            using var hello = await _bot.SendTextAsync(user, "trợ giúp"); // the bot learns their names and chats
        }
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _files.DisposeAsync();
    }

    private async Task<ConnectorCall> SendFileAsync(TeamsUser user, string name, byte[] content)
    {
        _bot.Connector.Clear();
        using var response = await _bot.PostAsync(Activities.FileMessage(_bot.Connector.ServiceUrl, user, name, _files.Add(content)));
        Assert.Equal(200, (int)response.StatusCode);
        return Assert.Single(_bot.Connector.Sent);
    }

    private async Task<(JsonObject Card, string ImportId)> PreviewAsync(byte[] docx, string name = "ke-hoach-2024.docx")
    {
        var card = (await SendFileAsync(_chief, name, docx)).Card!;
        CardAssert.Valid(card);
        var confirm = card["actions"]!.AsArray().Single(a => a!["verb"]?.GetValue<string>() == "confirmImport")!;
        return (card, confirm["data"]!["importId"]!.GetValue<string>());
    }

    private async Task<string> InvokeAsync(TeamsUser user, string verb, string importId)
    {
        var (status, body) = await _bot.InvokeAsync(user, verb, new JsonObject { ["importId"] = importId });
        Assert.Equal(200, status);
        var card = body!["value"]!;
        CardAssert.Valid(card);
        return card.Readably();
    }

    /// <summary>The card's texts as a person reads them (Markdown escapes undone), one a line.</summary>
    private static string Texts(JsonNode card) =>
        string.Join('\n', Nodes(card).Where(n => n["text"]?.GetValueKind() == System.Text.Json.JsonValueKind.String)
            .Select(n => System.Text.RegularExpressions.Regex.Replace(n["text"]!.GetValue<string>(), @"\\([\\`*_{}\[\]()#+\-.!>|])", "$1")));

    private static IEnumerable<JsonObject> Nodes(JsonNode? node) => node switch
    {
        JsonObject o => new[] { o }.Concat(o.SelectMany(p => Nodes(p.Value))),
        JsonArray a => a.SelectMany(Nodes),
        _ => [],
    };

    private async Task<int> StoredImportRowsAsync()
    {
        var table = await _bot.Tables.GetAsync(CchcTables.Imports);
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>())
        {
            count++;
        }

        return count;
    }

    private Task<CchcBot.Plan.CchcPlan?> StoredPlanAsync(int year = 2024) => new PlanRepository(_bot.Tables).GetAsync(SamplePlans.Agency, year);

    [Fact]
    public async Task The_chief_of_office_previews_the_seed_plan_confirms_it_and_the_lead_heads_are_told()
    {
        var (card, importId) = await PreviewAsync(SeedPlanDocx.Build());
        var text = card.Readably();
        Assert.Contains("Xem trước kế hoạch CCHC", text, StringComparison.Ordinal);
        Assert.Contains("2024", text, StringComparison.Ordinal);
        Assert.Contains("Cải cách thủ tục hành chính", text, StringComparison.Ordinal);
        Assert.Contains("3 nhiệm vụ", text, StringComparison.Ordinal); // Cải cách TTHC has three tasks
        Assert.Contains("31/01/2024", text, StringComparison.Ordinal); // a dated milestone (Tháng 01/2024)
        Assert.Contains("Nhập kế hoạch", text, StringComparison.Ordinal);
        Assert.Contains("Hủy", text, StringComparison.Ordinal);
        Assert.Null(await StoredPlanAsync()); // nothing imported yet

        _bot.Connector.Clear();
        var result = await InvokeAsync(_chief, "confirmImport", importId);

        Assert.Contains("Đã nhập kế hoạch", result, StringComparison.Ordinal);
        var plan = (await StoredPlanAsync())!;
        Assert.Equal(22, plan.Tasks.Count);
        Assert.Equal(2026, (await new PlanRepository(_bot.Tables).GetAsync(SamplePlans.Agency))!.Year); // chat stays on the latest year
        // Task 3 of Cải cách thể chế is led by the professional departments: both their heads hear of it, once each.
        foreach (var head in new[] { _nv1, _nv2 })
        {
            var notice = Assert.Single(_bot.Connector.SentTo("a:personal-" + head.Id)).Card!;
            CardAssert.Valid(notice);
            Assert.Contains("Kế hoạch CCHC được điều chỉnh", notice.Readably(), StringComparison.Ordinal);
            Assert.Contains("ban hành văn bản quy phạm pháp luật lĩnh vực thanh tra", notice.Readably(), StringComparison.Ordinal);
        }

        Assert.Empty(_bot.Connector.SentTo("a:personal-" + _chief.Id)); // the result card told him
    }

    [Fact]
    public async Task A_second_confirm_answers_that_it_is_done_and_imports_nothing_again()
    {
        var (_, importId) = await PreviewAsync(SeedPlanDocx.Build());
        await InvokeAsync(_chief, "confirmImport", importId);
        _bot.Connector.Clear();

        var again = await InvokeAsync(_chief, "confirmImport", importId);

        Assert.Contains("đã được nhập lúc", again, StringComparison.Ordinal);
        Assert.Empty(_bot.Connector.Sent); // no second round of notices
        var history = await new ImportRecordRepository(_bot.Tables).ListAsync(SamplePlans.Agency, 10);
        Assert.Single(history);
    }

    [Fact]
    public async Task Someone_other_than_the_chief_of_office_is_refused_by_name_and_nothing_is_stored()
    {
        var reply = await SendFileAsync(_nv1, "ke-hoach.docx", SeedPlanDocx.Build());

        Assert.Contains("đồng chí Nguyễn Văn An, Chánh Văn phòng", reply.Text, StringComparison.Ordinal);
        Assert.Contains("chưa được lưu", reply.Text, StringComparison.Ordinal);
        Assert.Equal(0, await StoredImportRowsAsync());
        Assert.Null(await StoredPlanAsync());
    }

    [Fact]
    public async Task A_confirm_by_someone_else_is_refused_and_the_chief_can_still_confirm()
    {
        var (_, importId) = await PreviewAsync(SeedPlanDocx.Build());

        var refused = await InvokeAsync(_nv1, "confirmImport", importId);
        var cancelRefused = await InvokeAsync(_nv1, "cancelImport", importId);

        Assert.Contains("chỉ đồng chí Nguyễn Văn An, Chánh Văn phòng", refused, StringComparison.Ordinal);
        Assert.Contains("chỉ đồng chí Nguyễn Văn An, Chánh Văn phòng", cancelRefused, StringComparison.Ordinal);
        Assert.Null(await StoredPlanAsync());
        Assert.Contains("Đã nhập kế hoạch", await InvokeAsync(_chief, "confirmImport", importId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_confirm_after_24_hours_is_refused_clearly()
    {
        var (_, importId) = await PreviewAsync(SeedPlanDocx.Build());
        _bot.Time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));

        var late = await InvokeAsync(_chief, "confirmImport", importId);

        Assert.Contains("đã hết hiệu lực", late, StringComparison.Ordinal);
        Assert.Null(await StoredPlanAsync());
    }

    [Fact]
    public async Task Cancel_keeps_the_stored_plan_and_a_later_confirm_says_it_was_cancelled()
    {
        var (_, importId) = await PreviewAsync(SeedPlanDocx.Build());

        var cancelled = await InvokeAsync(_chief, "cancelImport", importId);
        var confirm = await InvokeAsync(_chief, "confirmImport", importId);

        Assert.Contains("Đã hủy nhập kế hoạch", cancelled, StringComparison.Ordinal);
        Assert.Contains("đã được hủy", confirm, StringComparison.Ordinal);
        Assert.Null(await StoredPlanAsync());
    }

    [Fact]
    public async Task An_unknown_or_malformed_import_id_is_answered_without_importing()
    {
        Assert.Contains("Không tìm thấy bản xem trước", await InvokeAsync(_chief, "confirmImport", new string('a', 32)), StringComparison.Ordinal);
        Assert.Contains("dữ liệu không hợp lệ", await InvokeAsync(_chief, "confirmImport", "../../x"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_with_problems_lists_each_with_its_row_and_column_and_offers_no_import()
    {
        var docx = new DocxBuilder()
            .Paragraphs("KẾ HOẠCH", "Thực hiện cải cách hành chính năm 2024", "III. PHÂN CÔNG NHIỆM VỤ CỤ THỂ")
            .Table(
                Row("Nhiệm vụ chung", "Nhiệm vụ cụ thể", "Sản phẩm", "Phòng tham mưu thực hiện", "Phối hợp thực hiện", "Thời gian thực hiện"),
                Row("Cải cách thể chế", "Rà soát văn bản", "Kế hoạch", "Văn phòng", "Các phòng nghiệp vụ", "Tháng 13/2024"))
            .Build();

        var card = (await SendFileAsync(_chief, "loi.docx", docx)).Card!;

        CardAssert.Valid(card);
        Assert.Contains("Dòng 1, cột 'Thời gian thực hiện': không hiểu 'Tháng 13/2024'", card.Readably(), StringComparison.Ordinal);
        Assert.Null(card["actions"]);
        Assert.Equal(0, await StoredImportRowsAsync());
    }

    [Fact]
    public async Task A_json_plan_with_problems_lists_them_in_vietnamese_naming_the_task_and_field()
    {
        var plan = new JsonObject
        {
            ["agency"] = SamplePlans.Agency,
            ["year"] = 2025,
            ["title"] = "Kế hoạch thực hiện cải cách hành chính năm 2025",
            ["areas"] = new JsonArray(new JsonObject { ["id"] = "the-che", ["name"] = "Cải cách thể chế" }),
            ["tasks"] = new JsonArray(
                new JsonObject
                {
                    ["id"] = "TC-1",
                    ["area"] = "the-che",
                    ["title"] = "Rà soát văn bản",
                    ["deliverables"] = new JsonArray("Báo cáo"),
                    ["lead"] = new JsonArray("Phòng Tổ chức"),
                    ["timeframe"] = "Tháng 13/2025",
                },
                new JsonObject
                {
                    ["id"] = "TC-2",
                    ["area"] = "cai-cach",
                    ["deliverables"] = new JsonArray(),
                    ["lead"] = new JsonArray("VP"),
                    ["timeframe"] = "Quý I/2025",
                    ["owner"] = "x",
                }),
        };

        var card = (await SendFileAsync(_chief, "ke-hoach-2025.json", Encoding.UTF8.GetBytes(plan.ToJsonString()))).Card!;

        CardAssert.Valid(card);
        var text = Texts(card);
        Assert.Contains("Nhiệm vụ thứ 1 (TC-1), đơn vị chủ trì (lead) thứ 1: không có phòng hoặc nhóm 'Phòng Tổ chức' trong danh bạ của cơ quan", text, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ thứ 1 (TC-1), thời gian thực hiện (timeframe): không hiểu 'Tháng 13/2025'", text, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ thứ 2 (TC-2), tên nhiệm vụ (title): bắt buộc phải có", text, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ thứ 2 (TC-2), sản phẩm (deliverables): không được để trống", text, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ thứ 2 (TC-2), lĩnh vực (area): không có lĩnh vực 'cai-cach' trong kế hoạch (các lĩnh vực: the-che)", text, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ thứ 2 (TC-2), trường 'owner': tệp kế hoạch không có trường này", text, StringComparison.Ordinal);
        foreach (var english in new[] { "unknown", "must ", "is required", "$.tasks", "task TC-" })
        {
            Assert.DoesNotContain(english, text, StringComparison.Ordinal);
        }

        Assert.Null(card["actions"]);
        Assert.Equal(0, await StoredImportRowsAsync());
    }

    [Fact]
    public async Task A_json_file_that_does_not_parse_is_answered_in_vietnamese()
    {
        var card = (await SendFileAsync(_chief, "ke-hoach.json", Encoding.UTF8.GetBytes("{\"agency\": \"tt\", \"year\": 2025,,}"))).Card!;

        CardAssert.Valid(card);
        var text = Texts(card);
        Assert.Contains("Tệp: không phải JSON hợp lệ (dòng 1, vị trí ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("not valid", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_word_letter_that_is_not_a_plan_is_left_to_the_other_flows()
    {
        var letter = new DocxBuilder().Paragraphs("CÔNG VĂN", "Về việc báo cáo kết quả thực hiện", "Kính gửi: Văn phòng UBND tỉnh").Build();

        var reply = await SendFileAsync(_chief, "cong-van.docx", letter);

        // The evidence flow, after this one, takes it: a card to attach it to a milestone, not an import preview.
        Assert.Contains("\"verb\":\"attachEvidence\"", reply.Card!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("confirmImport", reply.Card!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(0, await StoredImportRowsAsync());
    }

    [Fact]
    public async Task A_picture_is_not_taken_for_a_plan()
    {
        var reply = await SendFileAsync(_chief, "anh.png", [0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10]);

        Assert.Contains("\"verb\":\"attachEvidence\"", reply.Card!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("confirmImport", reply.Card!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(0, await StoredImportRowsAsync());
    }

    [Fact]
    public async Task A_corrupt_docx_gets_a_clear_message()
    {
        var corrupt = SeedPlanDocx.Build()[..2000];

        var reply = await SendFileAsync(_chief, "ke-hoach.docx", corrupt);

        Assert.Contains("Không mở được tệp “ke-hoach.docx”", reply.Text, StringComparison.Ordinal);
        Assert.Equal(0, await StoredImportRowsAsync());
    }

    [Fact]
    public async Task A_plan_file_over_10_MB_is_refused()
    {
        var big = Encoding.UTF8.GetBytes("{" + new string(' ', (10 * 1024 * 1024) + 1) + "}");

        var reply = await SendFileAsync(_chief, "ke-hoach.json", big);

        Assert.Contains("vượt quá dung lượng cho phép (10 MB)", reply.Text, StringComparison.Ordinal);
        Assert.Equal(0, await StoredImportRowsAsync());
    }

    [Fact]
    public async Task The_preview_of_a_500_task_plan_with_long_titles_stays_a_valid_card()
    {
        var title = string.Join(' ', Enumerable.Repeat("Xây dựng và triển khai kế hoạch rà soát văn bản quy phạm pháp luật", 7));
        var plan = new JsonObject
        {
            ["agency"] = SamplePlans.Agency,
            ["year"] = 2025,
            ["title"] = "Kế hoạch thực hiện cải cách hành chính năm 2025",
            ["areas"] = new JsonArray(new JsonObject { ["id"] = "the-che", ["name"] = "Cải cách thể chế" }),
            ["tasks"] = new JsonArray(Enumerable.Range(1, 500).Select(i => (JsonNode)new JsonObject
            {
                ["id"] = $"TC-{i}",
                ["area"] = "the-che",
                ["title"] = $"{i}. {title}",
                ["deliverables"] = new JsonArray("Kế hoạch", "Báo cáo kết quả thực hiện"),
                ["lead"] = new JsonArray("nghiep-vu"),
                ["cooperating"] = new JsonArray("VP"),
                ["timeframe"] = "Hằng quý",
            }).ToArray()),
        };

        var (card, importId) = await PreviewAsync(Encoding.UTF8.GetBytes(plan.ToJsonString()), "ke-hoach-2025.json");

        Assert.Contains("500 nhiệm vụ", card.Readably(), StringComparison.Ordinal);
        _bot.Connector.Clear();
        Assert.Contains("Đã nhập kế hoạch", await InvokeAsync(_chief, "confirmImport", importId), StringComparison.Ordinal);
        Assert.Equal(500, (await StoredPlanAsync(2025))!.Tasks.Count);
        foreach (var head in new[] { _nv1, _nv2 })
        {
            CardAssert.Valid(Assert.Single(_bot.Connector.SentTo("a:personal-" + head.Id)).Card!);
        }
    }

    [Fact]
    public async Task An_amendment_preview_lists_what_changed_in_which_fields()
    {
        var (_, first) = await PreviewAsync(SeedPlanDocx.Build());
        await InvokeAsync(_chief, "confirmImport", first);
        var amended = SeedPlanDocx.Build();
        var xml = "Tham gia tập huấn công tác CCHC";

        var (card, _) = await PreviewAsync(ReplaceText(amended, xml, "Tham gia tập huấn, bồi dưỡng công tác CCHC"));

        var text = card.Readably();
        Assert.Contains("Thêm 0 · sửa 1 · bỏ 0 nhiệm vụ.", text, StringComparison.Ordinal);
        Assert.Contains("Tham gia tập huấn, bồi dưỡng công tác CCHC (tên nhiệm vụ)", text, StringComparison.Ordinal);
    }

    /// <summary>The .docx with one text of its main part replaced.</summary>
    private static byte[] ReplaceText(byte[] docx, string from, string to)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("word/document.xml")!;
            string content;
            using (var reader = new StreamReader(entry.Open()))
            {
                content = reader.ReadToEnd();
            }

            Assert.Contains(from, content, StringComparison.Ordinal);
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write(content.Replace(from, to, StringComparison.Ordinal));
        }

        return stream.ToArray();
    }
}
