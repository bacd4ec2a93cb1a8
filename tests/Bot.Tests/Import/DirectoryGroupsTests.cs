using System.Text.Json.Nodes;
using CchcBot.Bot.Tests.Plan.Word;
using CchcBot.Bot.Tests.Storage;
using CchcBot.Plan;
using CchcBot.Plan.Files;
using CchcBot.Plan.Files.Word;
using CchcBot.Storage;
using CchcBot.TestSupport;
using static CchcBot.Bot.Tests.Plan.Word.DocxBuilder;

namespace CchcBot.Bot.Tests.Import;

/// <summary>The directory's groups: names and aliases a plan may use for a group, validated, stored, and matched by the Word reader.</summary>
public sealed class DirectoryGroupsTests
{
    private static JsonObject Sample() => JsonNode.Parse(BundledData.DirectoryJson)!.AsObject();

    private static AgencyDirectory WithGroups(string json) => DirectoryFileReader.Read(json) is { Ok: true } ok
        ? ok.Value!
        : throw new InvalidOperationException(string.Join("\n", DirectoryFileReader.Read(json).Problems));

    private static string WithAlias(string alias)
    {
        var root = Sample();
        root["groups"] = new JsonArray(new JsonObject { ["id"] = "nghiep-vu", ["name"] = "Các phòng nghiệp vụ", ["aliases"] = new JsonArray(alias) });
        return root.ToJsonString();
    }

    private static byte[] PlanNaming(string cooperating) => new DocxBuilder()
        .Paragraphs("KẾ HOẠCH", "Thực hiện cải cách hành chính năm 2025", "III. PHÂN CÔNG NHIỆM VỤ CỤ THỂ")
        .Table(
            Row("Nhiệm vụ chung", "Nhiệm vụ cụ thể", "Sản phẩm", "Phòng tham mưu thực hiện", "Phối hợp thực hiện", "Thời gian thực hiện"),
            Row("Cải cách thể chế", "Rà soát văn bản", "Kế hoạch", "Văn phòng", cooperating, "Năm 2025"))
        .Build();

    [Fact]
    public void The_sample_directory_has_the_professional_departments_group_with_its_alias()
    {
        var directory = DirectoryFileReader.Read(BundledData.DirectoryJson).Value!;

        var group = Assert.Single(directory.Groups);
        Assert.Equal(("nghiep-vu", "Các phòng nghiệp vụ"), (group.Id, group.Name));
        Assert.Equal(["Các phòng chuyên môn"], group.Aliases);
    }

    [Fact]
    public void The_word_reader_matches_a_group_by_an_alias_the_directory_gives()
    {
        var directory = WithGroups(WithAlias("Các đơn vị chuyên môn thuộc Thanh tra tỉnh"));

        var result = new WordPlanReader().Read(PlanNaming("Các đơn vị chuyên môn thuộc Thanh tra tỉnh"), directory);

        Assert.True(result.Ok, string.Join("\n", result.Problems));
        Assert.Equal(["nghiep-vu"], result.Value!.Tasks[0].Cooperating);
    }

    [Fact]
    public void Without_the_alias_the_same_name_is_a_problem()
    {
        var directory = DirectoryFileReader.Read(BundledData.DirectoryJson).Value!;

        var result = new WordPlanReader().Read(PlanNaming("Các đơn vị chuyên môn thuộc Thanh tra tỉnh"), directory);

        Assert.False(result.Ok);
        Assert.Contains(result.Problems, p => p.Path == "Dòng 1, cột 'Phối hợp thực hiện'");
    }

    [Theory]
    [InlineData("""[{"id": "Nghiệp vụ", "name": "Các phòng nghiệp vụ"}]""", "$.groups[0].id", "not a group id")]
    [InlineData("""[{"id": "nghiep-vu", "name": "A"}, {"id": "nghiep-vu", "name": "B"}]""", "$.groups[1].id", "duplicate group id")]
    [InlineData("""[{"id": "phap-che", "name": "Các phòng pháp chế"}]""", "$.groups[0].id", "no department is in group")]
    [InlineData("""[{"id": "nghiep-vu", "name": "Phòng Nghiệp vụ 1"}]""", "$.groups[0].name", "already names 'NV1'")]
    [InlineData("""[{"id": "nghiep-vu", "name": "Các phòng nghiệp vụ", "aliases": ["  "]}]""", "$.groups[0].aliases[0]", "must not be empty")]
    [InlineData("""[{"id": "nghiep-vu", "name": "Các phòng nghiệp vụ", "alias": []}]""", "$.groups[0]", "alias")]
    [InlineData("""[{"id": "nghiep-vu"}]""", "$.groups[0].name", "is required")]
    [InlineData("""{"id": "nghiep-vu"}""", "$.groups", "array")]
    public void Group_problems_are_reported_with_their_path(string groups, string path, string message)
    {
        var root = Sample();
        root["groups"] = JsonNode.Parse(groups);

        var result = DirectoryFileReader.Read(root.ToJsonString());

        Assert.Null(result.Value);
        Assert.Contains(result.Problems, p => p.Path.StartsWith(path, StringComparison.Ordinal) && p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_directory_file_without_groups_reads_as_before()
    {
        var root = Sample();
        root.Remove("groups");

        var result = DirectoryFileReader.Read(root.ToJsonString());

        Assert.True(result.Ok, string.Join("\n", result.Problems));
        Assert.Empty(result.Value!.Groups);
        Assert.Equal("nghiep-vu", UnitNames.FromDirectory(result.Value).Match("Các phòng chuyên môn")); // the defaults still apply
    }

    [Fact]
    public async Task Groups_are_stored_with_the_directory_and_read_back()
    {
        var tables = TestTables.Create();
        var directory = WithGroups(WithAlias("Các đơn vị chuyên môn"));
        await new DirectoryRepository(tables).ReplaceAsync(directory);

        var stored = await new DirectoryRepository(tables).GetAsync(directory.Agency);

        var group = Assert.Single(stored!.Groups);
        Assert.Equal(["Các đơn vị chuyên môn"], group.Aliases);
        Assert.Equal("nghiep-vu", UnitNames.FromDirectory(stored).Match("Các đơn vị chuyên môn"));
    }
}
