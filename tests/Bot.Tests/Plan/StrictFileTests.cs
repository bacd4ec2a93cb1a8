using System.Text;
using System.Text.Json.Nodes;
using CchcBot.Bot.Tests.Storage;
using CchcBot.Plan;
using CchcBot.Plan.Files;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Plan;

/// <summary>Files are read strictly and within limits: every defect is a problem with its place, nothing is guessed.</summary>
public class StrictFileTests
{
    private static readonly AgencyDirectory Directory = DirectoryFileReader.Read(BundledData.DirectoryJson).Value!;

    [Fact]
    public void The_bundled_files_still_load_from_their_bytes()
    {
        Assert.True(new PlanFileReader().Read(Encoding.UTF8.GetBytes(BundledData.PlanJson), Directory).Ok);
        Assert.True(DirectoryFileReader.Read(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(BundledData.DirectoryJson)).ToArray()).Ok);
    }

    [Fact]
    public void Invalid_UTF8_is_reported_with_its_byte_offset()
    {
        var bytes = Encoding.UTF8.GetBytes(Minimal().ToJsonString());
        var at = Array.IndexOf(bytes, (byte)'X');
        bytes[at] = 0xC3; // a lead byte, followed by the closing quote instead of a continuation byte
        bytes[at + 1] = (byte)'"';

        var result = new PlanFileReader().Read(bytes, Directory);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("$", problem.Path);
        Assert.Contains($"not valid UTF-8: invalid byte 0xC3 at byte offset {at}", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_10_MB_is_refused()
    {
        var result = new PlanFileReader().Read(new byte[ImportLimits.MaxFileBytes + 1], Directory);

        Assert.Contains("at most 10,485,760", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicated_key_is_a_problem_at_its_path()
    {
        var json = Minimal().ToJsonString().Replace("\"id\":\"TC-1\"", "\"id\":\"TC-1\",\"title\":\"Khac\"", StringComparison.Ordinal);

        var result = new PlanFileReader().Read(json, Directory);

        Assert.Null(result.Value);
        Assert.Contains(result.Problems, p => p.Path == "$.tasks[0].title" && p.Message.Contains("duplicate key 'title'", StringComparison.Ordinal)
            && p.UserText == "Nhiệm vụ thứ 1 (TC-1), tên nhiệm vụ (title): trường 'title' xuất hiện nhiều lần; mỗi trường chỉ được ghi một lần");
    }

    [Fact]
    public void The_chief_of_office_given_twice_is_refused()
    {
        var json = BundledData.DirectoryJson.Replace("\"chiefOfOffice\"", "\"chiefOfOffice\": \"truongphong.nv1@example.gov.vn\", \"chiefOfOffice\"", StringComparison.Ordinal);

        var result = DirectoryFileReader.Read(json);

        Assert.Null(result.Value);
        Assert.Contains(result.Problems, p => p.Path == "$.chiefOfOffice" && p.Message.Contains("duplicate key", StringComparison.Ordinal)
            && p.UserText == "Chánh Văn phòng: trường 'chiefOfOffice' xuất hiện nhiều lần; mỗi trường chỉ được ghi một lần"); // the directory's words for its places
    }

    [Theory]
    [InlineData("tasks[0].cooperatng", "$.tasks[0].cooperatng")]
    [InlineData("tiltle", "$.tiltle")]
    [InlineData("areas[0].ten", "$.areas[0].ten")]
    [InlineData("tasks[0].milestones", "$.tasks[0].milestones[0].han")]
    public void An_unknown_property_is_a_problem_naming_it(string field, string path)
    {
        var root = Minimal();
        JsonText.Set(root, field, field.EndsWith("milestones", StringComparison.Ordinal)
            ? new JsonArray(new JsonObject { ["deliverable"] = "Kế hoạch", ["due"] = "2024-03-31", ["han"] = "x" })
            : JsonValue.Create("nghiep-vu"));

        var result = new PlanFileReader().Read(root.ToJsonString(), Directory);

        Assert.Null(result.Value);
        Assert.Contains(result.Problems, p => p.Path == path && p.Message.Contains("unknown property", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_property_of_a_directory_is_a_problem()
    {
        var root = JsonNode.Parse(BundledData.DirectoryJson)!.AsObject();
        root["departments"]![1]!["deputy"] = "pho@example.gov.vn";

        var result = DirectoryFileReader.Read(root.ToJsonString());

        Assert.Contains(result.Problems, p => p.Path == "$.departments[1].deputy" && p.Message.Contains("unknown property", StringComparison.Ordinal));
    }

    [Fact]
    public void Task_ids_differing_only_by_case_are_duplicates()
    {
        var root = Minimal();
        var copy = root["tasks"]![0]!.DeepClone();
        copy["id"] = "tc-1";
        root["tasks"]!.AsArray().Add(copy);

        var result = new PlanFileReader().Read(root.ToJsonString(), Directory);

        Assert.Contains(result.Problems, p => p.Path == "$.tasks[1].id" && p.Message.Contains("duplicate task id 'tc-1'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData('\u200B')]
    [InlineData('\u200D')]
    [InlineData('\uFEFF')]
    [InlineData('\u2060')]
    [InlineData('\u200E')]
    [InlineData('\u202E')]
    [InlineData('\u2066')]
    [InlineData('\u2069')]
    public void Ids_with_invisible_characters_are_invalid(char invisible)
    {
        var root = Minimal();
        root["tasks"]![0]!["id"] = "TC" + invisible + "-1";
        root["areas"]![0]!["id"] = "the" + invisible + "che";

        var result = new PlanFileReader().Read(root.ToJsonString(), Directory);

        Assert.Contains(result.Problems, p => p.Path == "$.tasks[0].id" && p.Message.Contains("invisible", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Path == "$.areas[0].id" && p.Message.Contains("invisible", StringComparison.Ordinal));
    }

    [Fact]
    public void A_directory_address_with_a_zero_width_character_is_invalid()
    {
        var root = JsonNode.Parse(BundledData.DirectoryJson)!.AsObject();
        root["chiefOfOffice"] = "chanhvanphong\u200B@example.gov.vn";

        var result = DirectoryFileReader.Read(root.ToJsonString());

        Assert.Contains(result.Problems, p => p.Path == "$.chiefOfOffice" && p.Message.Contains("invisible", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("title", 1_001, "$.title")]
    [InlineData("tasks[0].title", 1_001, "$.tasks[0].title")]
    [InlineData("tasks[0].timeframe", 501, "$.tasks[0].timeframe")]
    [InlineData("areas[0].name", 501, "$.areas[0].name")]
    public void Texts_over_their_limit_are_problems(string field, int length, string path)
    {
        var root = Minimal();
        JsonText.Set(root, field, new string('x', length));

        var result = new PlanFileReader().Read(root.ToJsonString(), Directory);

        Assert.Contains(result.Problems, p => p.Path == path && p.Message.Contains($"is {length:N0} characters long; at most", StringComparison.Ordinal));
    }

    [Fact]
    public void Deliverables_and_units_over_500_characters_are_problems()
    {
        var root = Minimal();
        root["tasks"]![0]!["deliverables"] = new JsonArray("Kế hoạch", new string('d', 501));
        root["tasks"]![0]!["cooperating"] = new JsonArray(new string('u', 501));

        var result = new PlanFileReader().Read(root.ToJsonString(), Directory);

        Assert.Contains(result.Problems, p => p.Path == "$.tasks[0].deliverables[1]" && p.Message.Contains("at most 500", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Path == "$.tasks[0].cooperating[0]" && p.Message.Contains("at most 500", StringComparison.Ordinal));
    }

    [Fact]
    public void Titles_of_exactly_1000_characters_are_accepted()
    {
        var root = Minimal();
        root["tasks"]![0]!["title"] = new string('x', 1_000);

        Assert.True(new PlanFileReader().Read(root.ToJsonString(), Directory).Ok);
    }

    [Fact]
    public void More_than_2000_tasks_is_one_problem()
    {
        var root = Minimal();
        var tasks = new JsonArray();
        for (var i = 0; i < 2_001; i++)
        {
            var task = root["tasks"]![0]!.DeepClone();
            task["id"] = $"T-{i}";
            tasks.Add(task);
        }

        root["tasks"] = tasks;

        var problem = Assert.Single(new PlanFileReader().Read(root.ToJsonString(), Directory).Problems);
        Assert.Equal(("$.tasks", "2,001 tasks; at most 2,000"), (problem.Path, problem.Message));
    }

    [Fact]
    public void More_than_20_milestones_per_task_is_a_problem()
    {
        var root = Minimal();
        var milestones = new JsonArray();
        for (var i = 0; i < 21; i++)
        {
            milestones.Add(new JsonObject { ["deliverable"] = "Kế hoạch", ["due"] = "2024-03-31" });
        }

        root["tasks"]![0]!["milestones"] = milestones;

        var result = new PlanFileReader().Read(root.ToJsonString(), Directory);

        Assert.Contains(result.Problems, p => p.Path == "$.tasks[0].milestones" && p.Message == "21 milestones; at most 20");
    }

    [Fact]
    public void A_directory_over_its_limits_is_refused()
    {
        var root = JsonNode.Parse(BundledData.DirectoryJson)!.AsObject();
        var deputies = new JsonArray();
        for (var i = 0; i < 51; i++)
        {
            deputies.Add($"pho{i}@example.gov.vn");
        }

        root["departments"]![1]!["deputies"] = deputies;
        Assert.Contains(DirectoryFileReader.Read(root.ToJsonString()).Problems, p => p.Path == "$.departments[1].deputies" && p.Message == "51 items; at most 50");

        var many = new JsonArray();
        for (var i = 0; i < 501; i++)
        {
            many.Add(new JsonObject { ["id"] = $"P{i}", ["name"] = $"Phòng {i}", ["group"] = i == 0 ? "van-phong" : "nghiep-vu", ["head"] = $"p{i}@example.gov.vn" });
        }

        root["departments"] = many;
        Assert.Contains(DirectoryFileReader.Read(root.ToJsonString()).Problems, p => p.Path == "$.departments" && p.Message == "501 departments; at most 500");
    }

    /// <summary>A valid plan file with one task.</summary>
    private static JsonObject Minimal() => new()
    {
        ["agency"] = SamplePlans.Agency,
        ["year"] = 2024,
        ["title"] = "Kế hoạch CCHC năm 2024 X",
        ["areas"] = new JsonArray(new JsonObject { ["id"] = "the-che", ["name"] = "Cải cách thể chế" }),
        ["tasks"] = new JsonArray(new JsonObject
        {
            ["id"] = "TC-1",
            ["area"] = "the-che",
            ["title"] = "Xây dựng kế hoạch",
            ["deliverables"] = new JsonArray("Kế hoạch"),
            ["lead"] = new JsonArray("VP"),
            ["cooperating"] = new JsonArray("nghiep-vu"),
            ["timeframe"] = "Năm 2024",
        }),
    };
}
