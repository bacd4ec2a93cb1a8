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

    [Fact]
    public void Only_Teams_and_the_host_wiring_use_the_Bot_Framework()
    {
        var offenders = Sources()
            .Where(f => !f.Path.StartsWith("Teams/", StringComparison.Ordinal) && !HostWiring.Contains(f.Path))
            .Where(f => BotFramework().IsMatch(f.Code))
            .Select(f => f.Path)
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void The_domain_storage_and_the_tab_do_not_use_Teams()
    {
        var offenders = Sources()
            .Where(f => !TeamsUsers.Any(f.Path.StartsWith))
            .Where(f => TeamsNamespace().IsMatch(f.Code))
            .Select(f => f.Path)
            .ToList();

        Assert.Empty(offenders);
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

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comments();
}
