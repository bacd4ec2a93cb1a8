using System.Text.Json.Nodes;
using CchcBot.Plan.Files;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Plan;

public class DirectoryFileReaderTests
{
    [Fact]
    public void Sample_directory_loads()
    {
        var result = DirectoryFileReader.Read(BundledData.DirectoryJson);

        Assert.True(result.Ok, string.Join("\n", result.Problems));
        Assert.Equal(["VP", "NV1", "NV2", "NV3", "PCTN"], result.Value!.Departments.Select(d => d.Id));
        Assert.Equal(["NV1", "NV2", "NV3", "PCTN"], result.Value.Expand("nghiep-vu"));
    }

    [Theory]
    [InlineData("departments[0].head", "\"khong-phai-email\"", "$.departments[0].head", "not a UPN or email")]
    [InlineData("departments[0].deputies", "[\"x@\"]", "$.departments[0].deputies[0]", "not a UPN or email")]
    [InlineData("departments[0].name", "\"\"", "$.departments[0].name", "must not be empty")]
    [InlineData("departments[0].group", "\"Nghiệp vụ\"", "$.departments[0].group", "not a group id")]
    [InlineData("departments[1].id", "\"VP\"", "$.departments[1].id", "duplicate department id")]
    [InlineData("chiefOfOffice", "null", "$.chiefOfOffice", "is required")]
    [InlineData("chiefInspector", "42", "$.chiefInspector", "must be a string")]
    [InlineData("departments", "[]", "$.departments", "must not be empty")]
    public void Problems_are_reported_with_their_path(string field, string value, string path, string message)
    {
        var root = JsonNode.Parse(BundledData.DirectoryJson)!.AsObject();
        JsonText.Set(root, field, JsonNode.Parse(value));

        var result = DirectoryFileReader.Read(root.ToJsonString());

        Assert.Null(result.Value);
        Assert.Contains(result.Problems, p => p.Path == path && p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_directory_without_an_office_is_refused()
    {
        var root = JsonNode.Parse(BundledData.DirectoryJson)!.AsObject();
        root["departments"]![0]!["group"] = "nghiep-vu";

        var result = DirectoryFileReader.Read(root.ToJsonString());

        Assert.Contains(result.Problems, p => p.Message.Contains("van-phong", StringComparison.Ordinal));
    }
}
