using System.Text;
using CchcBot.Plan;

namespace CchcBot.Teams.Commands;

/// <summary>
/// Folds what a user typed into a comparable form: <see cref="VietnameseText.Fold"/> (NFC, lower case, no diacritics,
/// đ → d), then punctuation as spaces and whitespace collapsed. "  NHIỆM VỤ   CỦA TÔI ", "nhiem vu cua toi" and NFD
/// input from macOS all fold alike.
/// </summary>
public static class CommandText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var folded = VietnameseText.Fold(text);
        var sb = new StringBuilder(folded.Length);
        var pendingSpace = false;
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                sb.Append(c);
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
