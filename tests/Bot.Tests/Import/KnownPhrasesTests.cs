using System.Text.Json.Nodes;
using CchcBot.Plan;
using CchcBot.Plan.Files;

namespace CchcBot.Bot.Tests.Import;

/// <summary>The JSON reader understands the same phrases as the Word reader, year-less ones included, and lists them truthfully.</summary>
public sealed class KnownPhrasesTests
{
    private static ReadResult<CchcPlan> ReadWithTimeframe(string timeframe)
    {
        var root = JsonNode.Parse(BundledData.PlanJson)!.AsObject();
        root["year"] = 2025;
        root["title"] = "Kế hoạch thực hiện cải cách hành chính năm 2025";
        var task = root["tasks"]![0]!.AsObject();
        task["timeframe"] = timeframe;
        task["deliverables"] = new JsonArray("Báo cáo kết quả thực hiện");
        task.Remove("milestones");
        root["tasks"] = new JsonArray(task.DeepClone());
        root["areas"] = new JsonArray(root["areas"]!.AsArray().First(a => a!["id"]!.GetValue<string>() == task["area"]!.GetValue<string>())!.DeepClone());
        return new PlanFileReader().Read(root.ToJsonString());
    }

    public static IEnumerable<object[]> Phrases() => TimeframeParser.KnownPhrases.Select(p => new object[] { p });

    [Theory]
    [MemberData(nameof(Phrases))]
    public void Every_phrase_the_message_lists_is_understood_in_a_json_plan(string phrase)
    {
        var result = ReadWithTimeframe(phrase);

        Assert.True(result.Ok, string.Join("\n", result.Problems));
        Assert.All(result.Value!.Tasks[0].Milestones, m => Assert.True(m.Due is null || m.Due.Value.Year == 2025));
    }

    [Fact]
    public void A_year_less_phrase_takes_the_plans_year()
    {
        var result = ReadWithTimeframe("Hằng quý");

        Assert.True(result.Ok, string.Join("\n", result.Problems));
        Assert.Contains(result.Value!.Tasks[0].Milestones, m => m.Due == new DateOnly(2025, 3, 31));
        Assert.Contains(result.Value.Tasks[0].Milestones, m => m.Due == new DateOnly(2025, 12, 31));
    }

    [Fact]
    public void An_unknown_phrase_lists_the_phrases_really_supported()
    {
        var result = ReadWithTimeframe("Cuối kỳ");

        var problem = Assert.Single(result.Problems);
        foreach (var phrase in new[] { "Hằng quý", "Hằng tháng", "6 tháng đầu năm 2025", "Trước ngày 15/12/2025", "Quý I/2025", "Thường xuyên", "plan's year" })
        {
            Assert.Contains(phrase, problem.Message, StringComparison.Ordinal);
        }
    }
}
