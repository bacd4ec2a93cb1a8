using System.Text;
using CchcBot.Storage;

namespace CchcBot.Bot.Tests.Storage;

public class TableKeysTests
{
    [Theory]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a\\b#c?d", "a%5Cb%23c%3Fd")]
    [InlineData("50%", "50%25")]
    [InlineData("x|y", "x%7Cy")]
    [InlineData("tab\there", "tab%09here")]
    public void Forbidden_characters_are_escaped_and_decoded_back(string raw, string encoded)
    {
        Assert.Equal(encoded, TableKeys.Encode(raw));
        Assert.Equal(raw, TableKeys.Decode(encoded));
    }

    [Fact]
    public void Vietnamese_text_is_stored_as_NFC_whatever_the_input_form()
    {
        var nfd = "Văn phòng".Normalize(NormalizationForm.FormD);
        Assert.Equal("Văn phòng".Normalize(NormalizationForm.FormC), TableKeys.Encode(nfd));
    }
}
