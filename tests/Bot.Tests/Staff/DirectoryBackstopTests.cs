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
/// or by another tool); the editor's own checks cover what the form itself can break.
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
    [InlineData("$.departments[2].staff[0]", "'a@x.vn' is listed twice", "Phòng Nghiệp vụ 2, cán bộ thứ 1: a@x.vn được ghi hai lần")]
    [InlineData("$.departments[1].staff[1]", "'truongphong.nv1@example.gov.vn' is the department's head: a head is not also on its staff",
        "Phòng Nghiệp vụ 1, cán bộ thứ 2: truongphong.nv1@example.gov.vn là người đứng đầu đơn vị nên không đồng thời là cán bộ của đơn vị")]
    [InlineData("$.departments[0].deputies[0]", "'ab' is not a UPN or email address (name@domain)", "Văn phòng, cấp phó thứ 1: ab không phải địa chỉ thư điện tử hợp lệ (ten@donvi.gov.vn)")]
    [InlineData("$.departments[2].staff[0]", "'b@x.vn' is also the head of 'NV1': a member of staff is on one department's staff and holds no other position",
        "Phòng Nghiệp vụ 2, cán bộ thứ 1: b@x.vn đồng thời là Trưởng phòng Nghiệp vụ 1: cán bộ chỉ thuộc một đơn vị và không giữ chức vụ nào khác trong danh bạ")]
    [InlineData("$.departments[0].staff[0]", "'c@x.vn' is also a deputy of 'NV2': a member of staff is on one department's staff and holds no other position",
        "Văn phòng, cán bộ thứ 1: c@x.vn đồng thời là cấp phó của Phòng Nghiệp vụ 2: cán bộ chỉ thuộc một đơn vị và không giữ chức vụ nào khác trong danh bạ")]
    [InlineData("$.departments[1].staff[0]", "'d@x.vn' is also on the staff of 'VP': a member of staff is on one department's staff and holds no other position",
        "Phòng Nghiệp vụ 1, cán bộ thứ 1: d@x.vn đồng thời là cán bộ của Văn phòng: cán bộ chỉ thuộc một đơn vị và không giữ chức vụ nào khác trong danh bạ")]
    [InlineData("$.departments", "no department is in group 'van-phong': the Office (Văn phòng) runs the plan and receives the digest",
        "Danh sách đơn vị: nội dung chưa đúng quy định của danh bạ")]
    [InlineData("$.chiefInspector", "'x' is not a UPN or email address (name@domain)", "Chánh Thanh tra: x không phải địa chỉ thư điện tử hợp lệ (ten@donvi.gov.vn)")]
    [InlineData("$.departments[7].head", "whatever else", "Đơn vị thứ 8, người đứng đầu: nội dung chưa đúng quy định của danh bạ")]
    public void Every_problem_of_the_file_reader_reads_in_vietnamese_with_its_place_in_words(string path, string message, string expected) =>
        Assert.Equal(expected, DirectoryEditor.ProblemForUser(SamplePlans.Directory(), new ImportProblem(path, message)));

    [Fact]
    public void A_problem_with_its_own_vietnamese_text_is_shown_as_it_is() =>
        Assert.Equal("Mã cơ quan: có ký tự ẩn", DirectoryEditor.ProblemForUser(SamplePlans.Directory(), new ImportProblem("$.agency", "has an invisible character") { UserText = "Mã cơ quan: có ký tự ẩn" }));
}
