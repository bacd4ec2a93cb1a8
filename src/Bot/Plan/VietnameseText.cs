using System.Globalization;
using System.Text;

namespace CchcBot.Plan;

public static class VietnameseText
{
    /// <summary>NFC, lower case, diacritics removed (đ → d), whitespace collapsed; other characters kept.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormC).ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && sb[^1] != ' ')
                {
                    sb.Append(' ');
                }

                continue;
            }

            sb.Append(c == 'đ' ? 'd' : c);
        }

        return sb.ToString().Trim();
    }
}
