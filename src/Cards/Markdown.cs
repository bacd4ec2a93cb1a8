using System.Text;
using System.Text.RegularExpressions;

namespace CchcBot.Cards;

/// <summary>
/// TextBlocks render a subset of Markdown (emphasis, links, lists). Text users typed (notes, document numbers) must
/// show as typed, so the characters that trigger it are escaped with a backslash (CommonMark escapes, which Teams
/// honours), list markers at a line start are escaped, and line breaks become paragraph breaks. Ordinary punctuation
/// such as "12/KH-TTr" is left alone so it reads naturally.
/// </summary>
public static partial class Markdown
{
    private const string Special = "\\`*_[]()~<>#";

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var lines = text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        return string.Join("\n\n", lines.Select(EscapeLine));
    }

    /// <summary>Cuts long text at a word boundary with an ellipsis.</summary>
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max - 1);
        return text[..(cut > max / 2 ? cut : max - 1)].TrimEnd(',', ';', ' ') + "…";
    }

    private static string EscapeLine(string line)
    {
        var sb = new StringBuilder(line.Length + 8);
        foreach (var c in line)
        {
            if (Special.Contains(c, StringComparison.Ordinal))
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        var escaped = sb.ToString();
        var marker = ListMarker().Match(escaped);
        if (!marker.Success)
        {
            return escaped;
        }

        // CommonMark escapes the punctuation of a marker: "\-", "\+", "1\.".
        var group = marker.Groups[1];
        var at = group.Value.EndsWith('.') ? group.Index + group.Length - 1 : group.Index;
        return escaped[..at] + "\\" + escaped[at..];
    }

    /// <summary>"- x", "+ x", "1. x" at the start of a line would become a list.</summary>
    [GeneratedRegex(@"^\s*(\d+\.|[-+])\s")]
    private static partial Regex ListMarker();
}
