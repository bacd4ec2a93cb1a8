using System.Text.Json.Nodes;
using CchcBot.Bot.Tests.Storage;
using CchcBot.Bot.Tests.Support;
using CchcBot.Plan.Files;
using CchcBot.Storage;
using CchcBot.Teams;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Staff;

/// <summary>
/// The directory editor's backstop — the directory file's own rules, run on the directory an edit would store — refuses
/// in Vietnamese, naming the place in words, never with the file reader's English (which is the operator's, logged).
/// Reached from Teams when the stored directory breaks a rule outside the department edited (stored before the rule,
/// or by another tool); the editor's own checks cover what the form itself can break. The Vietnamese lines are the
/// reader's own (every problem of a directory file has one), so they are checked on real files here.
/// </summary>
public sealed class DirectoryBackstopTests
{
    private const string ChiefInspector = "chanhthanhtra@example.gov.vn";

    [Fact]
    public async Task An_edit_refused_by_the_directory_files_rules_is_explained_in_vietnamese_and_nothing_is_stored()
    {
        await using var bot = await BotHarness.StartAsync();
        var stored = StaffSample.Directory();
        stored = stored with
        {
            // The Chief Inspector on a department's staff: the file's rules refuse it, the edit of another department does not look there.
            Departments = stored.Departments.Select(d => d.Id == "NV2" ? d with { Staff = [ChiefInspector] } : d).ToList(),
        };
        await bot.SeedAsync(directory: stored);
        var office = bot.Register(SampleUsers.ChiefOfOffice());
        var before = DirectoryFileWriter.Write((await new DirectoryRepository(bot.Tables).GetAsync(SamplePlans.Agency))!);

        var (status, body) = await bot.InvokeAsync(office, "saveDepartment", new JsonObject
        {
            ["departmentId"] = "VP",
            ["head:VP"] = "chanhvanphong@example.gov.vn",
            ["deputies:VP"] = "phovanphong@example.gov.vn, phovanphong2@example.gov.vn",
            ["staff:VP"] = $"{StaffSample.VpStaff1}, {StaffSample.VpStaff2}",
        });

        Assert.Equal(200, status);
        var card = body!["value"]!;
        CardAssert.Valid(card);
        var text = card.Readably();
        Assert.Contains("Danh bạ không hợp lệ: Phòng Nghiệp vụ 2, cán bộ thứ 1: chanhthanhtra@example.gov.vn đồng thời là Chánh Thanh tra", text, StringComparison.Ordinal);
        Assert.Contains("cán bộ chỉ thuộc một đơn vị và không giữ chức vụ nào khác trong danh bạ", text, StringComparison.Ordinal);
        foreach (var english in new[] { "is also", "member of staff", "$.departments", "holds no other position" })
        {
            Assert.DoesNotContain(english, text, StringComparison.Ordinal);
        }

        Assert.Contains("phovanphong2@example.gov.vn", text, StringComparison.Ordinal); // what was typed stays in the form
        Assert.Equal(before, DirectoryFileWriter.Write((await new DirectoryRepository(bot.Tables).GetAsync(SamplePlans.Agency))!));
    }

    [Theory]
    [InlineData("departments[2].staff", "[\"a@x.vn\", \"A@x.vn\"]", "Phòng Nghiệp vụ 2, cán bộ thứ 2: A@x.vn được ghi hai lần")]
    [InlineData("departments[1].staff", "[\"truongphong.nv1@example.gov.vn\"]",
        "Phòng Nghiệp vụ 1, cán bộ thứ 1: truongphong.nv1@example.gov.vn là người đứng đầu đơn vị nên không đồng thời là cán bộ của đơn vị")]
    [InlineData("departments[0].deputies", "[\"ab\"]", "Văn phòng, cấp phó thứ 1: ab không phải địa chỉ thư điện tử hợp lệ (ten@donvi.gov.vn)")]
    [InlineData("departments[2].staff", "[\"truongphong.nv1@example.gov.vn\"]",
        "Phòng Nghiệp vụ 2, cán bộ thứ 1: truongphong.nv1@example.gov.vn đồng thời là Trưởng phòng Nghiệp vụ 1: cán bộ chỉ thuộc một đơn vị và không giữ chức vụ nào khác trong danh bạ")]
    [InlineData("departments[0].staff", "[\"phophong.nv1@example.gov.vn\"]",
        "Văn phòng, cán bộ thứ 1: phophong.nv1@example.gov.vn đồng thời là cấp phó của Phòng Nghiệp vụ 1: cán bộ chỉ thuộc một đơn vị và không giữ chức vụ nào khác trong danh bạ")]
    [InlineData("departments[1].staff", "[\"chuyenvien1.vp@example.gov.vn\"]",
        "Phòng Nghiệp vụ 1, cán bộ thứ 1: chuyenvien1.vp@example.gov.vn đồng thời là cán bộ của Văn phòng: cán bộ chỉ thuộc một đơn vị và không giữ chức vụ nào khác trong danh bạ")]
    [InlineData("departments[1].staff", "[\"chanhthanhtra@example.gov.vn\"]",
        "Phòng Nghiệp vụ 1, cán bộ thứ 1: chanhthanhtra@example.gov.vn đồng thời là Chánh Thanh tra: cán bộ chỉ thuộc một đơn vị và không giữ chức vụ nào khác trong danh bạ")]
    [InlineData("departments[0].group", "\"nghiep-vu\"",
        "Danh sách đơn vị: không có đơn vị nào thuộc nhóm 'van-phong': Văn phòng là đơn vị theo dõi kế hoạch và nhận báo cáo tổng hợp")]
    [InlineData("departments", "[]", "Danh sách đơn vị: không được để trống")]
    [InlineData("chiefInspector", "\"x\"", "Chánh Thanh tra: x không phải địa chỉ thư điện tử hợp lệ (ten@donvi.gov.vn)")]
    [InlineData("chiefOfOffice", "\"a\u200B@x.vn\"", "Chánh Văn phòng: a\\u200B@x.vn không phải địa chỉ thư điện tử hợp lệ: tối đa 254 ký tự, không có ký tự ẩn")]
    [InlineData("departments[1].group", "\"Nghiep Vu\"", "Phòng Nghiệp vụ 1, nhóm đơn vị: 'Nghiep Vu' không phải mã nhóm đơn vị hợp lệ")]
    [InlineData("departments[2].id", "\"NV1\"", "Phòng Nghiệp vụ 2, mã đơn vị: mã đơn vị 'NV1' đã dùng cho một đơn vị khác")]
    [InlineData("departments[1].id", "\"nghiep-vu\"", "Danh sách đơn vị: 'nghiep-vu' vừa là mã đơn vị vừa là mã nhóm đơn vị")]
    [InlineData("departments[3].head", "5", "Phòng Nghiệp vụ 3, người đứng đầu: phải là chuỗi văn bản, không phải một số")]
    [InlineData("departments[4].owner", "\"x\"", "Phòng Phòng, chống tham nhũng, trường 'owner': danh bạ không có trường này (các trường ở đây: ")]
    [InlineData("groups[0].aliases", "[\"Văn phòng\"]", "Nhóm đơn vị thứ 1, tên gọi khác thứ 1: 'Văn phòng' đã là tên của 'VP'")]
    [InlineData("groups[0].id", "\"khac\"", "Nhóm đơn vị thứ 1, mã nhóm: không có đơn vị nào thuộc nhóm 'khac'")]
    [InlineData("place", "\"Sóc\u200BTrăng\"", "Địa danh: không được chứa ký tự ẩn")]
    [InlineData("agency", "\"a/b\"", "Mã cơ quan: 'a/b' không phải mã hợp lệ")]
    public void Every_problem_of_the_directory_file_has_its_vietnamese_line_with_the_place_in_words(string field, string value, string expected)
    {
        var root = JsonNode.Parse(BundledData.DirectoryJson)!.AsObject();
        JsonText.Set(root, field, JsonNode.Parse(value));

        var result = DirectoryFileReader.Read(root.ToJsonString());

        Assert.Null(result.Value);
        Assert.NotEmpty(result.Problems);
        Assert.All(result.Problems, p => Assert.False(string.IsNullOrEmpty(p.UserText), $"no Vietnamese line for {p}"));
        Assert.Contains(result.Problems, p => p.UserText!.StartsWith(expected, StringComparison.Ordinal));
    }
}
