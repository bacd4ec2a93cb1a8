using System.Text.Json;
using CchcBot.Plan.Files;

namespace CchcBot.Bot.Tests.Plan;

/// <summary>A plan file's problems: English with JSON paths for the operator (the CLI), Vietnamese in words for a user.</summary>
public sealed class PlanProblemPlacesTests
{
    private const string File = """
        {"agency": "tt", "year": 2025, "title": "Kế hoạch", "areas": [{"id": "the-che", "name": "Cải cách thể chế"}],
         "tasks": [{"id": "TC-1", "milestones": [{"due": "x"}]}, {"id": 7}]}
        """;

    [Theory]
    [InlineData("$", "Tệp")]
    [InlineData("$.year", "Năm (year)")]
    [InlineData("$.agency", "Mã cơ quan (agency)")]
    [InlineData("$.areas", "Danh sách lĩnh vực (areas)")]
    [InlineData("$.areas[0].id", "Lĩnh vực thứ 1 (the-che), mã lĩnh vực (id)")]
    [InlineData("$.tasks[0].lead[2]", "Nhiệm vụ thứ 1 (TC-1), đơn vị chủ trì (lead) thứ 3")]
    [InlineData("$.tasks[0].milestones[0].due", "Nhiệm vụ thứ 1 (TC-1), mốc thứ 1, hạn (due)")]
    [InlineData("$.tasks[1].title", "Nhiệm vụ thứ 2, tên nhiệm vụ (title)")]
    [InlineData("$.tasks[5].timeframe", "Nhiệm vụ thứ 6, thời gian thực hiện (timeframe)")]
    [InlineData("$.tasks[0].owner", "Nhiệm vụ thứ 1 (TC-1), trường 'owner'")]
    [InlineData("$.tasks[0].owner[1]", "Nhiệm vụ thứ 1 (TC-1), trường 'owner', mục thứ 2")]
    public void A_place_is_named_in_words(string path, string expected)
    {
        using var document = JsonDocument.Parse(File);
        Assert.Equal(expected, PlanProblemPlaces.Describe(path, document.RootElement));
    }

    [Fact]
    public void Every_problem_of_a_plan_file_has_a_vietnamese_line_and_keeps_its_english_for_the_operator()
    {
        var result = new PlanFileReader().Read("""
            {"agency": "tt", "year": 1999, "title": "", "areas": [], "extra": 1,
             "tasks": [{"id": "a/b", "area": "x", "title": "T", "deliverables": ["Báo cáo", ""], "lead": [3], "timeframe": "Khi nào xong",
                        "milestones": [{"deliverable": "Khác", "due": "2025-13-01"}]}, "x"]}
            """);

        Assert.NotEmpty(result.Problems);
        Assert.All(result.Problems, p =>
        {
            Assert.NotNull(p.UserText);
            Assert.DoesNotContain("$.", p.UserText, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\b(must|unknown|required|not a|is not|duplicate)\b", p.UserText);
            Assert.StartsWith(p.Path, p.ToString(), StringComparison.Ordinal); // the CLI's line: the JSON path, English
        });
        Assert.Contains(result.Problems, p => p.UserText == "Năm (year): 1999 không phải năm hợp lệ của kế hoạch (2000–2100)");
        Assert.Contains(result.Problems, p => p.ToString() == "$.year: 1999 is not a plausible plan year (2000–2100)");
    }

    [Fact]
    public void A_problem_another_layer_words_in_vietnamese_is_shown_at_its_place_in_words()
    {
        Assert.Equal("Mã cơ quan (agency): kế hoạch của cơ quan 'x'", new ImportProblem("$.agency", "kế hoạch của cơ quan 'x'").ForUser());
        Assert.Equal("Dòng 1, cột 'Sản phẩm': để trống", new ImportProblem("Dòng 1, cột 'Sản phẩm'", "để trống").ForUser());
    }
}
