using System.Text.RegularExpressions;
using CchcBot.TestSupport;

namespace CchcBot.Cards.Tests;

/// <summary>An Inspectorate writes formally: no text the bot can show addresses anyone as "bạn".</summary>
public sealed partial class FormalWordingTests
{
    private static IEnumerable<string> SourceFiles() =>
        Directory.GetFiles(RepoPaths.Of("src"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(RepoPaths.Of("src"), "*.json", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            ;

    [Fact]
    public void No_source_text_says_ban()
    {
        var files = SourceFiles().ToList();
        Assert.True(files.Count > 50, "the sources were found");
        var hits = files.SelectMany(f =>
        {
            var text = File.ReadAllText(f).Normalize(System.Text.NormalizationForm.FormC);
            return Ban().Matches(text).Select(m => $"{Path.GetFileName(f)}: …{text[Math.Max(0, m.Index - 30)..Math.Min(text.Length, m.Index + 30)]}…");
        }).ToList();
        Assert.True(hits.Count == 0, string.Join(Environment.NewLine, hits));
    }

    [GeneratedRegex(@"(?<!\p{L})bạn(?!\p{L})", RegexOptions.IgnoreCase)]
    private static partial Regex Ban();
}
