using System.Text;
using CchcBot.Plan.Files.Word;

namespace CchcBot.Bot.Tests.Plan.Word;

/// <summary>The shortcuts the Word reader takes around ICU must give what ICU gives.</summary>
public sealed class WordTextTests
{
    private static IEnumerable<char> FastPath() =>
        Enumerable.Range(0, 0x300).Concat(Enumerable.Range(0x1E00, 0x100)).Select(c => (char)c).Where(c => !char.IsSurrogate(c));

    [Fact]
    public void Every_text_of_the_characters_taken_as_NFC_without_ICU_is_NFC()
    {
        var chars = FastPath().ToArray();
        Assert.All(chars, c => Assert.True(WordText.SurelyNfc(c.ToString())));
        var failures = new List<string>();
        Span<char> pair = stackalloc char[2];
        foreach (var a in chars)
        {
            foreach (var b in chars)
            {
                pair[0] = a;
                pair[1] = b;
                if (!pair.ToString().IsNormalized(NormalizationForm.FormC))
                {
                    failures.Add($"U+{(int)a:X4} U+{(int)b:X4}");
                }
            }
        }

        Assert.Empty(failures);
        Assert.False(WordText.SurelyNfc("e\u0301"));
        Assert.False(WordText.SurelyNfc("\u2000"));
    }

    [Theory]
    [InlineData("Văn phòng", "Văn phòng")]
    [InlineData("  Văn\u00A0 phòng\t", "Văn phòng")]
    [InlineData("Va\u0306n pho\u0300ng", "Văn phòng")]
    [InlineData("Báo\u200B cáo\u00AD", "Báo cáo")]
    [InlineData("Tổ chức  triển khai", "Tổ chức triển khai")]
    [InlineData("", "")]
    public void Clean_gives_NFC_with_single_plain_spaces(string text, string expected) => Assert.Equal(expected, WordText.Clean(text));
}
