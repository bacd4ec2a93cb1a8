using System.Globalization;
using System.Text;

namespace CchcBot.Teams.Commands;

/// <summary>
/// Folds what a user typed into a comparable form: NFC, lower case, no diacritics (đ → d), punctuation as spaces,
/// whitespace collapsed. "  NHIỆM VỤ   CỦA TÔI ", "nhiem vu cua toi" and NFD input from macOS all fold alike.
/// </summary>
public static class CommandText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormC).ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var folded = c == 'đ' ? 'd' : c;
            if (char.IsLetterOrDigit(folded))
            {
                if (pendingSpace && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                sb.Append(folded);
                pendingSpace = false;
            }
            else
            {
                pendingSpace = true;
            }
        }

        return sb.ToString();
    }
}
