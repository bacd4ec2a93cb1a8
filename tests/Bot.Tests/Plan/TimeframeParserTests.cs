using System.Text;
using CchcBot.Plan;

namespace CchcBot.Bot.Tests.Plan;

public class TimeframeParserTests
{
    private readonly TimeframeParser _parser = new();

    [Theory]
    [InlineData("Năm 2024", "2024-12-31")]
    [InlineData("Tháng 01/2024", "2024-01-31")]
    [InlineData("Tháng 1/2024", "2024-01-31")]
    [InlineData("Tháng 3/2024", "2024-03-31")]
    [InlineData("Tháng 02/2024", "2024-02-29")]
    [InlineData("Tháng 12/2024", "2024-12-31")]
    [InlineData("Quý 4/2024", "2024-12-31")]
    [InlineData("Quý IV/2024", "2024-12-31")]
    [InlineData("Quý 1/2025", "2025-03-31")]
    [InlineData("  năm   2024 ", "2024-12-31")]
    public void Single_date_phrases_fall_due_at_the_end_of_their_period(string phrase, string expected)
    {
        var date = Assert.Single(_parser.ParsePhrase(phrase)!);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), date.Due);
    }

    [Theory]
    [InlineData("Định kỳ hàng quý và năm 2024")]
    [InlineData("Hàng quý và năm 2024")]
    [InlineData("định kỳ hàng quý và năm 2024")]
    public void Quarterly_and_yearly_phrases_yield_four_quarters_and_the_year(string phrase)
    {
        var dates = _parser.ParsePhrase(phrase)!;

        Assert.Equal(
            ["2024-03-31", "2024-06-30", "2024-09-30", "2024-12-31", "2024-12-31"],
            dates.Select(d => d.Due!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(["Quý I/2024", "Quý II/2024", "Quý III/2024", "Quý IV/2024", "Năm 2024"], dates.Select(d => d.Period));
    }

    [Fact]
    public void Ongoing_work_has_no_due_date() =>
        Assert.Null(Assert.Single(_parser.ParsePhrase("Thường xuyên")!).Due);

    [Theory]
    [InlineData("Định kỳ hàng quý và năm 2024", "2024-03-31 2024-06-30 2024-09-30 2024-12-31 2024-12-31")]
    [InlineData("Quý IV/2024", "2024-12-31")]
    [InlineData("Tháng 02/2024", "2024-02-29")]
    public void Decomposed_input_is_understood(string phrase, string expectedDues)
    {
        var decomposed = phrase.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(phrase, decomposed); // the input really is in the other normalization form

        var understood = _parser.ParsePhrase(decomposed);

        Assert.NotNull(understood);
        Assert.Equal(
            expectedDues,
            string.Join(' ', understood.Select(d => d.Due!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(_parser.ParsePhrase(phrase)!.Select(d => d.Period), understood.Select(d => d.Period));
    }

    [Theory]
    [InlineData("Tháng 13/2024")]
    [InlineData("Tháng 0/2024")]
    [InlineData("Quý 5/2024")]
    [InlineData("Năm")]
    [InlineData("Năm 24")]
    [InlineData("sớm nhất có thể")]
    [InlineData("")]
    public void Unknown_phrases_are_not_guessed(string phrase) => Assert.Null(_parser.ParsePhrase(phrase));

    [Theory]
    [InlineData("Tháng 01/2024; Định kỳ hàng quý và năm 2024", 2)]
    [InlineData("- Tháng 01/2024\n- Định kỳ hàng quý và năm 2024", 2)]
    [InlineData("- Tháng 01/2024 -  Định kỳ hàng quý và năm 2024", 2)]
    [InlineData("Tháng 01/2024 – Tháng 12/2024", 2)]
    [InlineData("Tháng 3/2024\n\n\n\n- Tháng 12/2024", 2)]
    [InlineData("Năm 2024", 1)]
    public void Cells_split_into_their_phrases(string cell, int count) =>
        Assert.Equal(count, TimeframeParser.SplitPhrases(cell).Count);

    [Theory]
    [InlineData(2, 2, "0:0 1:1")]
    [InlineData(2, 1, "0:0 1:0")]
    [InlineData(4, 2, "0:0 1:1 2:1 3:1")]
    [InlineData(1, 2, "0:0 0:1")]
    [InlineData(2, 4, "0:0 1:1 1:2 1:3")]
    public void Phrases_pair_with_deliverables_in_order(int deliverables, int phrases, string expected) =>
        Assert.Equal(expected, string.Join(' ', TimeframeParser.Pair(deliverables, phrases).Select(p => $"{p.Deliverable}:{p.Phrase}")));

    [Fact]
    public void Options_move_periodic_due_days()
    {
        var parser = new TimeframeParser(new TimeframeOptions { QuarterDueDay = 15, YearDueDay = 15 });

        var dates = parser.ParsePhrase("Hàng quý và năm 2024")!;

        Assert.Equal(new DateOnly(2024, 3, 15), dates[0].Due);
        Assert.Equal(new DateOnly(2024, 12, 15), dates[4].Due);
    }
}
