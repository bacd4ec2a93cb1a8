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
    private static string Dues(IReadOnlyList<TimeframeDate>? dates) =>
        dates is null ? "null" : string.Join(' ', dates.Select(d => d.Due?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "-"));

    [Theory]
    [InlineData("Quý I/2025", "31/03/2025")]
    [InlineData("Quý 1/2025", "31/03/2025")]
    [InlineData("Quý III/2025", "30/09/2025")]
    [InlineData("Quý II năm 2025", "30/06/2025")]
    [InlineData("Quý II", "30/06/2025")]
    [InlineData("Tháng 6/2025", "30/06/2025")]
    [InlineData("Tháng 6 / 2025", "30/06/2025")]
    [InlineData("Tháng 6 năm 2025", "30/06/2025")]
    [InlineData("Tháng 02", "28/02/2025")]
    [InlineData("Trước ngày 15/12/2025", "15/12/2025")]
    [InlineData("trước ngày 15/12/2025", "15/12/2025")]
    [InlineData("Trước 15/12/2025", "15/12/2025")]
    [InlineData("Ngày 15/12/2025", "15/12/2025")]
    [InlineData("Ngày 5/1/2025", "05/01/2025")]
    [InlineData("Chậm nhất ngày 20/6/2025", "20/06/2025")]
    [InlineData("Trước ngày 15 tháng 12 năm 2025", "15/12/2025")]
    [InlineData("15/12/2025", "15/12/2025")]
    [InlineData("Trước ngày 15/12", "15/12/2025")]
    [InlineData("Ngày 29/02/2028", "29/02/2028")]
    [InlineData("6 tháng đầu năm 2025", "30/06/2025")]
    [InlineData("6 tháng cuối năm 2025", "31/12/2025")]
    [InlineData("6 tháng đầu năm", "30/06/2025")]
    [InlineData("6 Tháng Cuối Năm", "31/12/2025")]
    [InlineData("Hằng năm", "31/12/2025")]
    [InlineData("Hàng năm", "31/12/2025")]
    [InlineData("Định kỳ hằng năm", "31/12/2025")]
    [InlineData("Hằng quý", "31/03/2025 30/06/2025 30/09/2025 31/12/2025")]
    [InlineData("Hàng quý", "31/03/2025 30/06/2025 30/09/2025 31/12/2025")]
    [InlineData("Định kỳ hằng quý", "31/03/2025 30/06/2025 30/09/2025 31/12/2025")]
    [InlineData("Hằng quý và năm", "31/03/2025 30/06/2025 30/09/2025 31/12/2025 31/12/2025")]
    [InlineData("Hằng tháng", "31/01/2025 28/02/2025 31/03/2025 30/04/2025 31/05/2025 30/06/2025 31/07/2025 31/08/2025 30/09/2025 31/10/2025 30/11/2025 31/12/2025")]
    [InlineData("Hàng tháng", "31/01/2025 28/02/2025 31/03/2025 30/04/2025 31/05/2025 30/06/2025 31/07/2025 31/08/2025 30/09/2025 31/10/2025 30/11/2025 31/12/2025")]
    [InlineData("Năm 2026", "31/12/2026")]
    [InlineData("Trong năm 2025", "31/12/2025")]
    [InlineData("Trong tháng 6/2025", "30/06/2025")]
    [InlineData("Trong quý III/2025", "30/09/2025")]
    [InlineData("Trong quý III", "30/09/2025")]
    public void Phrases_of_Word_plans_fall_due_as_the_README_table_says(string phrase, string expected) =>
        Assert.Equal(expected, Dues(_parser.ParsePhrase(phrase, 2025)));

    [Fact]
    public void Periodic_phrases_label_their_periods_in_the_plans_year()
    {
        Assert.Equal(["Quý I/2025", "Quý II/2025", "Quý III/2025", "Quý IV/2025"], _parser.ParsePhrase("Hằng quý", 2025)!.Select(d => d.Period));
        Assert.Equal("Tháng 01/2025", _parser.ParsePhrase("Hằng tháng", 2025)![0].Period);
        Assert.Equal("Tháng 12/2025", _parser.ParsePhrase("Hằng tháng", 2025)![11].Period);
        Assert.Equal("Năm 2025", Assert.Single(_parser.ParsePhrase("Hằng năm", 2025)!).Period);
        Assert.Null(Assert.Single(_parser.ParsePhrase("Trước ngày 15/12/2025", 2025)!).Period);
    }

    [Theory]
    [InlineData("Hằng quý")]
    [InlineData("Hằng tháng")]
    [InlineData("Hằng năm")]
    [InlineData("Quý II")]
    [InlineData("Tháng 6")]
    [InlineData("Trước ngày 15/12")]
    [InlineData("6 tháng đầu năm")]
    public void Year_less_phrases_need_the_plans_year(string phrase)
    {
        Assert.Null(_parser.ParsePhrase(phrase));
        Assert.Null(_parser.ParsePhrase(phrase, null));
        Assert.NotNull(_parser.ParsePhrase(phrase, 2025));
    }

    [Theory]
    [InlineData("Tháng 13/2025")]
    [InlineData("Tháng 13")]
    [InlineData("Ngày 31/02/2025")]
    [InlineData("Ngày 29/02/2025")]
    [InlineData("Trước ngày 32/12/2025")]
    [InlineData("Trước ngày 15/13/2025")]
    [InlineData("Ngày 0/12/2025")]
    [InlineData("Quý V/2025")]
    [InlineData("Quý 5")]
    [InlineData("Trước tháng 6/2025")]
    [InlineData("3 tháng đầu năm 2025")]
    [InlineData("Hằng tuần")]
    [InlineData("Năm")]
    [InlineData("Trước ngày")]
    [InlineData("Ngày 15/12/25")]
    public void Invalid_dates_and_unknown_phrases_are_not_guessed_even_with_a_year(string phrase) =>
        Assert.Null(_parser.ParsePhrase(phrase, 2025));

    [Fact]
    public void Options_move_the_due_days_of_year_less_periodic_phrases_too()
    {
        var parser = new TimeframeParser(new TimeframeOptions { QuarterDueDay = 15, YearDueDay = 20 });

        Assert.Equal("15/03/2025 15/06/2025 15/09/2025 15/12/2025", Dues(parser.ParsePhrase("Hằng quý", 2025)));
        Assert.Equal("20/12/2025", Dues(parser.ParsePhrase("Hằng năm", 2025)));
        Assert.Equal("15/12/2025", Dues(parser.ParsePhrase("Trước ngày 15/12/2025", 2025)));
    }
}
