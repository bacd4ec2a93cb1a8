namespace CchcBot.Cards.Tests;

public class MarkdownTests
{
    [Theory]
    [InlineData("Kế hoạch số 15/KH-TTr", "Kế hoạch số 15/KH-TTr")]
    [InlineData("*a* _b_", @"\*a\* \_b\_")]
    [InlineData("[x](y)", @"\[x\]\(y\)")]
    [InlineData("- mục", @"\- mục")]
    [InlineData("+ mục", @"\+ mục")]
    [InlineData("2. mục", @"2\. mục")]
    [InlineData("dòng 1\ndòng 2", "dòng 1\n\ndòng 2")]
    [InlineData("", "")]
    public void User_text_is_escaped_but_ordinary_punctuation_is_kept(string input, string expected) =>
        Assert.Equal(expected, Markdown.Escape(input));

    [Fact]
    public void Long_text_is_shortened_at_a_word_boundary() =>
        Assert.Equal("một hai…", Markdown.Shorten("một hai ba bốn năm", 10));
}
