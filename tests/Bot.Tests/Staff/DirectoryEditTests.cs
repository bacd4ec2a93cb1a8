using System.Text.Json.Nodes;
using Azure.Core;
using CchcBot.Bot.Tests.Storage;
using CchcBot.Bot.Tests.Support;
using CchcBot.Plan;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Staff;

/// <summary>"danh bạ" and its verb saveDepartment, over HTTP with the real adapter; storage on Azurite.</summary>
public sealed class DirectoryEditTests : IAsyncLifetime
{
    private static readonly System.Text.Json.JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private BotHarness _bot = null!;
    private TeamsUser _office = null!;
    private TeamsUser _nv1 = null!;
    private TeamsUser _inspector = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync();
        await _bot.SeedAsync(directory: StaffSample.Directory());
        _office = _bot.Register(SampleUsers.ChiefOfOffice());
        _nv1 = _bot.Register(SampleUsers.Nv1Head());
        _inspector = _bot.Register(SampleUsers.ChiefInspector());
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task The_chief_of_office_gets_every_department_with_its_people_and_an_edit_form()
    {
        await _bot.SendTextAsync(_office, "Danh ba");

        var card = _bot.Connector.Sent[^1].Card!;
        CardAssert.Valid(card);
        var text = card.Readably();
        foreach (var expected in new[]
        {
            "Phòng Nghiệp vụ 1", "truongphong.nv1@example.gov.vn", "phovanphong@example.gov.vn", "chuyenvien1.vp@example.gov.vn, chuyenvien2.vp@example.gov.vn",
            "\"id\":\"head:NV1\"", "\"id\":\"deputies:NV1\"", "\"id\":\"staff:NV1\"", "\"verb\":\"saveDepartment\"", "\"departmentId\":\"NV2\"",
        })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("nv1")]
    [InlineData("inspector")]
    public async Task Anyone_else_gets_a_polite_refusal_naming_the_chief_of_office(string who)
    {
        var user = who == "nv1" ? _nv1 : _inspector;
        _bot.Connector.Clear();
        await _bot.SendTextAsync(user, "danh bạ");

        var reply = Assert.Single(_bot.Connector.Sent);
        Assert.Null(reply.Card);
        Assert.Contains("danh bạ chỉ do Chánh Văn phòng (chanhvanphong@example.gov.vn) xem và sửa", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_else_saving_a_department_is_refused_and_nothing_changes()
    {
        var before = await DirectoryTextAsync();

        var card = await SaveAsync(_nv1, "NV1", "truongphong.nv1@example.gov.vn", "", "canbo9.nv1@example.gov.vn");

        Assert.Contains("danh bạ chỉ do Chánh Văn phòng", card, StringComparison.Ordinal);
        Assert.Equal(before, await DirectoryTextAsync());
        Assert.Empty(await new DirectoryAuditRepository(_bot.Tables).ListAsync(SamplePlans.Agency));
    }

    [Fact]
    public async Task A_change_is_stored_recorded_and_takes_effect_at_once()
    {
        var newStaff = BotHarness.User("canbo2.nv1@example.gov.vn", "Lâm Văn Phúc");
        _bot.Register(newStaff);
        await _bot.SendTextAsync(newStaff, "nhiệm vụ của tôi");
        Assert.Contains("liên hệ Văn phòng", _bot.Connector.Sent[^1].Text, StringComparison.Ordinal); // not in the directory yet

        var card = await SaveAsync(_office, "NV1", "truongphong.nv1@example.gov.vn", "phophong.nv1@example.gov.vn", "canbo1.nv1@example.gov.vn\ncanbo2.nv1@example.gov.vn");

        Assert.Contains("Đã lưu danh bạ của Phòng Nghiệp vụ 1", card, StringComparison.Ordinal);
        var nv1 = (await new DirectoryRepository(_bot.Tables).GetAsync(SamplePlans.Agency))!.Find("NV1")!;
        Assert.Equal(["phophong.nv1@example.gov.vn"], nv1.Deputies);
        Assert.Equal([StaffSample.Nv1Staff, "canbo2.nv1@example.gov.vn"], nv1.Staff);
        var change = Assert.Single(await new DirectoryAuditRepository(_bot.Tables).ListAsync(SamplePlans.Agency));
        Assert.Equal(("NV1", "chanhvanphong@example.gov.vn", "Nguyễn Văn An"), (change.DepartmentId, change.By, change.ByName));
        Assert.Equal(BotHarness.DefaultNow, change.At);
        Assert.Equal([StaffSample.Nv1Staff], change.Before!.Staff);
        Assert.Empty(change.Before.Deputies);
        Assert.Equal(nv1.Staff, change.After.Staff);

        // The next turn sees it: the new member of staff is recognised, the new deputy may update NV1's part.
        await _bot.SendTextAsync(newStaff, "nhiệm vụ của tôi");
        Assert.Contains("chưa được giao nhiệm vụ nào", _bot.Connector.Sent[^1].Card!.Readably(), StringComparison.Ordinal);
        var deputy = _bot.Register(BotHarness.User("phophong.nv1@example.gov.vn", "Phó phòng"));
        var (_, updated) = await _bot.InvokeAsync(deputy, "updateStatus", new JsonObject
        {
            ["taskId"] = "TC-3",
            ["milestoneId"] = "TC-3-1",
            ["status:TC-3-1"] = "InProgress",
        });
        Assert.Contains("Đã ghi nhận", updated!["value"]!.Readably(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_what_is_stored_changes_nothing()
    {
        var card = await SaveAsync(_office, "NV2", "truongphong.nv2@example.gov.vn", "", StaffSample.Nv2Staff);

        Assert.Contains("không thay đổi", card, StringComparison.Ordinal);
        Assert.Empty(await new DirectoryAuditRepository(_bot.Tables).ListAsync(SamplePlans.Agency));
    }

    [Theory]
    [InlineData("truongphong.nv1@example.gov.vn", "", "canbo1.nv1@example.gov.vn\nkhong-phai-email", "'khong-phai-email' không phải địa chỉ thư điện tử hợp lệ")]
    [InlineData("truongphong.nv1@example.gov.vn\nnguoikhac@example.gov.vn", "", "", "Mỗi đơn vị chỉ có một Trưởng phòng")]
    [InlineData("", "", "", "Mỗi đơn vị phải có đúng một Trưởng phòng")]
    [InlineData("truongphong.nv1@example.gov.vn", "", "truongphong.nv1@example.gov.vn", "được ghi hai lần")]
    [InlineData("truongphong.nv1@example.gov.vn", "", "truongphong.nv2@example.gov.vn", "truongphong.nv2@example.gov.vn đã là Trưởng phòng Nghiệp vụ 2")]
    [InlineData("truongphong.nv1@example.gov.vn", "", "chanhthanhtra@example.gov.vn", "đã là Chánh Thanh tra")]
    [InlineData("truongphong.nv1@example.gov.vn", "", "canbo1.nv2@example.gov.vn", "đã là cán bộ của Phòng Nghiệp vụ 2")]
    [InlineData("canbo1.nv2@example.gov.vn", "", "", "đã là cán bộ của Phòng Nghiệp vụ 2")]
    public async Task An_invalid_change_returns_the_card_with_a_banner_and_what_was_typed(string head, string deputies, string staff, string message)
    {
        var before = await DirectoryTextAsync();

        var card = await SaveAsync(_office, "NV1", head, deputies, staff);

        Assert.Contains(message, card, StringComparison.Ordinal);
        Assert.Contains("\"style\":\"attention\"", card, StringComparison.Ordinal);
        if (staff.Length > 0)
        {
            Assert.Contains("\"value\":" + System.Text.Json.JsonSerializer.Serialize(staff, Relaxed), card, StringComparison.Ordinal); // what was typed, back in the form
        }

        Assert.Equal(before, await DirectoryTextAsync());
        Assert.Empty(await new DirectoryAuditRepository(_bot.Tables).ListAsync(SamplePlans.Agency));
    }

    [Fact]
    public async Task A_person_in_another_agency_is_refused()
    {
        var other = SamplePlans.Directory("thanh-tra-khac") with
        {
            Departments = [new Department("VP", "Văn phòng", "van-phong", "chanhvanphong@khac.gov.vn", [], ["canbo@khac.gov.vn"])],
            ChiefOfOffice = "chanhvanphong@khac.gov.vn",
            ChiefInspector = "chanhthanhtra@khac.gov.vn",
        };
        await new DirectoryRepository(_bot.Tables).ReplaceAsync(other);
        var before = await DirectoryTextAsync();

        var card = await SaveAsync(_office, "NV1", "truongphong.nv1@example.gov.vn", "", "canbo1.nv1@example.gov.vn\ncanbo@khac.gov.vn");

        Assert.Contains("canbo@khac.gov.vn đã có trong danh bạ của cơ quan khác (thanh-tra-khac)", card, StringComparison.Ordinal);
        Assert.Equal(before, await DirectoryTextAsync());
        Assert.Empty(await new DirectoryAuditRepository(_bot.Tables).ListAsync(SamplePlans.Agency));
    }

    [Fact]
    public async Task A_new_head_known_to_the_bot_gets_a_welcome_card()
    {
        var promoted = _bot.Register(StaffSample.Nv1());
        await _bot.SendTextAsync(promoted, "trợ giúp"); // they have talked to the bot as staff: their chat is known
        _bot.Connector.Clear();

        var card = await SaveAsync(_office, "NV1", StaffSample.Nv1Staff, "", "truongphong.nv1@example.gov.vn");

        Assert.Contains("Đã lưu danh bạ", card, StringComparison.Ordinal);
        var welcome = Assert.Single(_bot.Connector.SentTo("a:personal-" + promoted.Id)).Card!;
        CardAssert.Valid(welcome);
        Assert.Contains("Chào mừng đồng chí, Trưởng phòng Nghiệp vụ 1", welcome.Readably(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_head_who_never_opened_the_bot_is_welcomed_through_Graph()
    {
        await using var graph = await FakeGraph.StartAsync();
        var objectId = Guid.NewGuid().ToString();
        graph.Users["truongphong.moi@example.gov.vn"] = (objectId, "Trương Văn Mới");
        await using var bot = await BotHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Graph:TenantId"] = BotHarnessDefaults.TenantId,
            ["Graph:ClientId"] = Guid.NewGuid().ToString(),
            ["Graph:ClientSecret"] = "test-secret",
            ["Graph:TeamsAppId"] = "cchc-catalog-app",
            ["Graph:BaseUrl"] = graph.BaseUrl,
        }, services: s => s.AddSingleton<TokenCredential>(new StaticToken()));
        await bot.SeedAsync(directory: StaffSample.Directory());
        var office = bot.Register(SampleUsers.ChiefOfOffice());
        await bot.SendTextAsync(office, "trợ giúp");
        bot.Connector.NotInstalledFor[objectId] = true;
        bot.Connector.Clear();

        var (_, body) = await bot.InvokeAsync(office, "saveDepartment", Save("NV2", "truongphong.moi@example.gov.vn", "", StaffSample.Nv2Staff));

        Assert.Contains("Đã lưu danh bạ của Phòng Nghiệp vụ 2", body!["value"]!.Readably(), StringComparison.Ordinal);
        Assert.Contains($"POST /v1.0/users/{objectId}/teamwork/installedApps", graph.Requests);
        var welcome = Assert.Single(bot.Connector.Sent, c => c.ConversationId == $"19:chat-{objectId}@unq.gbl.spaces");
        Assert.Contains("Chào mừng đồng chí, Trưởng phòng Nghiệp vụ 2", welcome.Card!.Readably(), StringComparison.Ordinal);
    }

    private async Task<string> SaveAsync(TeamsUser user, string departmentId, string head, string deputies, string staff)
    {
        var (status, body) = await _bot.InvokeAsync(user, "saveDepartment", Save(departmentId, head, deputies, staff));
        Assert.Equal(200, status);
        CardAssert.Valid(body!["value"]!);
        return body["value"]!.Readably();
    }

    private static JsonObject Save(string departmentId, string head, string deputies, string staff) => new()
    {
        ["departmentId"] = departmentId,
        [$"head:{departmentId}"] = head,
        [$"deputies:{departmentId}"] = deputies,
        [$"staff:{departmentId}"] = staff,
    };

    private async Task<string> DirectoryTextAsync() =>
        CchcBot.Plan.Files.DirectoryFileWriter.Write((await new DirectoryRepository(_bot.Tables).GetAsync(SamplePlans.Agency))!);

    private sealed class StaticToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("test-token", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
