using System.Text.RegularExpressions;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Architecture;

/// <summary>
/// The Bot Framework SDK is past its end of support: moving to its successor must be one folder's work. Its types are
/// used under src/Bot/Teams only (and by the host's wiring), and the domain never reaches into Teams/.
/// </summary>
public sealed partial class BoundaryTests
{
    /// <summary>Files outside Teams/ that may name the Bot Framework: they wire the adapter into the web host.</summary>
    private static readonly string[] HostWiring = ["Hosting/BotWebApp.cs", "Program.cs"];

    /// <summary>Folders allowed to use CchcBot.Teams: Teams itself and the wiring of the web host and the CLI.</summary>
    private static readonly string[] TeamsUsers = ["Teams/", "Hosting/", "Cli/", "Program.cs"];

    /// <summary>Folders that compute or read the digest's figures: they use the domain's records (Digest/DigestFigures).</summary>
    private static readonly string[] DigestDomain = ["Digest/", "Reports/", "Tab/"];

    [Fact]
    public void Only_Teams_and_the_host_wiring_use_the_Bot_Framework()
    {
        Assert.Empty(Offenders(path => !path.StartsWith("Teams/", StringComparison.Ordinal) && !HostWiring.Contains(path), BotFramework()));
    }

    [Fact]
    public void The_domain_storage_and_the_tab_do_not_use_Teams()
    {
        Assert.Empty(Offenders(path => !TeamsUsers.Any(path.StartsWith), TeamsNamespace()));
    }

    [Fact]
    public void The_card_builders_know_neither_the_Bot_Framework_nor_the_bot()
    {
        var cards = Directory.EnumerateFiles(RepoPaths.Of("src", "Cards"), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(p => BotFramework().IsMatch(Code(p)) || TeamsNamespace().IsMatch(Code(p)))
            .ToList();

        Assert.Empty(cards);
    }

    /// <summary>The scan sees what it looks for: Teams/ does use the Bot Framework (else the rules above prove nothing).</summary>
    [Fact]
    public void The_scan_finds_the_Bot_Framework_where_it_is()
    {
        var teams = Sources().Where(f => f.Path.StartsWith("Teams/", StringComparison.Ordinal)).ToList();

        Assert.Contains(teams, f => f.Path == "Teams/AdapterWithErrorHandler.cs" && BotFramework().IsMatch(f.Code));
        Assert.Contains(Sources(), f => f.Path == "Hosting/BotWebApp.cs" && TeamsNamespace().IsMatch(f.Code));
        Assert.True(Sources().Count() > 100, "the scan reads src/Bot's sources");
    }

    /// <summary>The digest card's input is made in one place (Views/DigestViews.cs) and read by Teams/ only.</summary>
    [Fact]
    public void The_digest_domain_reports_and_tab_do_not_use_the_digest_card_view()
    {
        Assert.Empty(Offenders(path => DigestDomain.Any(path.StartsWith), DigestCardView()));
    }

    /// <summary>The digest's figures are the domain's: nothing in them is a card view but the tallies (Plan/Tally makes
    /// those), and they word nothing (a change's sentence is the card's, through Views/DigestViews).</summary>
    [Fact]
    public void The_digest_figures_hold_no_card_view_but_the_tallies()
    {
        var offenders = new List<string>();
        var seen = new HashSet<Type>();
        void Walk(Type type, string path)
        {
            if (type.IsGenericType || type.IsArray)
            {
                foreach (var inner in type.IsArray ? [type.GetElementType()!] : type.GetGenericArguments())
                {
                    Walk(inner, path);
                }
            }
            else if (type.Namespace?.StartsWith("CchcBot.Cards", StringComparison.Ordinal) == true)
            {
                if (type != typeof(Cards.Views.TallyView) && type != typeof(Cards.Views.TallyRow))
                {
                    offenders.Add($"{path}: {type.Name}");
                }
            }
            else if (type.Namespace?.StartsWith("CchcBot", StringComparison.Ordinal) == true && seen.Add(type))
            {
                foreach (var property in type.GetProperties())
                {
                    Walk(property.PropertyType, $"{path}.{property.Name}");
                }
            }
        }

        Walk(typeof(CchcBot.Digest.DigestFigures), nameof(CchcBot.Digest.DigestFigures));

        Assert.Empty(offenders);
        Assert.Contains(typeof(CchcBot.Digest.DigestChange), seen);
        Assert.DoesNotContain(Sources(), f => f.Path == "Digest/DigestFigures.cs" && CardWords().IsMatch(f.Code));
    }

    /// <summary>The scan sees the card's digest view where the bot maps to it (else the rule above proves nothing).</summary>
    [Fact]
    public void The_scan_finds_the_digest_card_view_where_it_is_made()
    {
        Assert.Contains(Sources(), f => f.Path == "Views/DigestViews.cs" && DigestCardView().IsMatch(f.Code));
        Assert.Contains(Sources(), f => f.Path.StartsWith("Digest/", StringComparison.Ordinal));
        Assert.Contains(Sources(), f => f.Path.StartsWith("Reports/", StringComparison.Ordinal));
        Assert.Contains(Sources(), f => f.Path.StartsWith("Tab/", StringComparison.Ordinal));
    }

    /// <summary>The files of src/Bot in scope whose code matches the rule.</summary>
    private static List<string> Offenders(Func<string, bool> inScope, Regex rule) =>
        Sources().Where(f => inScope(f.Path) && rule.IsMatch(f.Code)).Select(f => f.Path).ToList();

    private static IEnumerable<(string Path, string Code)> Sources()
    {
        var root = RepoPaths.Of("src", "Bot");
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(p => (Path: Path.GetRelativePath(root, p).Replace(Path.DirectorySeparatorChar, '/'), Full: p))
            .Where(f => !f.Path.StartsWith("obj/", StringComparison.Ordinal) && !f.Path.StartsWith("bin/", StringComparison.Ordinal))
            .Select(f => (f.Path, Code(f.Full)));
    }

    /// <summary>The file without its comments: a cref or a remark naming a type is not a use of it.</summary>
    private static string Code(string path) => Comments().Replace(File.ReadAllText(path), string.Empty);

    [GeneratedRegex(@"\bMicrosoft\.Bot\b")]
    private static partial Regex BotFramework();

    [GeneratedRegex(@"\bCchcBot\.Teams\b|\busing\s+Teams\b|\bTeams\.(?:Identity|Delivery|CardActions|Commands|Files|ChatText|CardTexts|ChatCards|CardMessages)\b")]
    private static partial Regex TeamsNamespace();

    [GeneratedRegex(@"\b(?:DigestView|DigestItemView|DigestChangeView|WeekView)\b")]
    private static partial Regex DigestCardView();

    [GeneratedRegex(@"\b(?:DigestCard|CardStrings|Formats|Markdown)\b")]
    private static partial Regex CardWords();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comments();
}
