using System.Text.Json.Nodes;

namespace CchcBot.Package.Tests;

public sealed class ManifestTemplateTests
{
    private static readonly string[] PersonalCommands = ["nhiệm vụ của tôi", "tổng hợp", "báo cáo quý", "trợ giúp"];
    private static readonly string[] TeamCommands = ["nhiệm vụ của tôi", "tổng hợp", "đặt kênh tổng hợp", "trợ giúp"];

    private static JsonObject FilledTemplate() =>
        JsonNode.Parse(ManifestPackage.Fill(File.ReadAllText(RepositoryPaths.ManifestTemplate)))!.AsObject();

    [Fact]
    public async Task Template_filled_with_test_values_is_valid_against_the_official_schema_offline()
    {
        using var package = new ManifestPackage();

        await ManifestValidator.AssertValidAsync(package.ManifestPath);
    }

    [Fact]
    public void Template_uses_the_newest_manifest_schema_version_shipped_offline()
    {
        var newest = Directory.GetDirectories(RepositoryPaths.TeamsSchemas, "v1.*")
            .Select(dir => Version.Parse(Path.GetFileName(dir)[1..]))
            .Max()!;

        var manifest = FilledTemplate();

        Assert.Equal(newest.ToString(), (string?)manifest["manifestVersion"]);
        Assert.Equal(
            $"https://developer.microsoft.com/json-schemas/teams/v{newest}/MicrosoftTeams.schema.json",
            (string?)manifest["$schema"]);
    }

    [Fact]
    public void Template_declares_only_the_known_placeholders()
    {
        var template = File.ReadAllText(RepositoryPaths.ManifestTemplate);

        Assert.DoesNotContain("${{", ManifestPackage.Fill(template), StringComparison.Ordinal);
    }

    [Fact]
    public void Bot_is_conversational_in_personal_and_team_scope_and_sends_no_files()
    {
        var bot = FilledTemplate()["bots"]!.AsArray().Single()!;

        Assert.Equal(ManifestPackage.BotId, (string?)bot["botId"]);
        Assert.Equal(["personal", "team"], bot["scopes"]!.AsArray().Select(s => (string?)s));
        Assert.True((bool)bot["supportsFiles"]!); // plans and evidence are sent to the bot as files in the personal chat
        Assert.False((bool)bot["isNotificationOnly"]!);
    }

    [Fact]
    public void Command_lists_hold_exactly_the_expected_commands_per_scope()
    {
        var lists = FilledTemplate()["bots"]![0]!["commandLists"]!.AsArray();

        Assert.Equal(2, lists.Count);
        Assert.Equal(PersonalCommands.Order(), TitlesFor(lists, "personal").Order());
        Assert.Equal(TeamCommands.Order(), TitlesFor(lists, "team").Order());
    }

    [Fact]
    public void Command_titles_are_short_and_every_command_has_a_description()
    {
        var commands = FilledTemplate()["bots"]![0]!["commandLists"]!.AsArray()
            .SelectMany(list => list!["commands"]!.AsArray());

        Assert.All(commands, command =>
        {
            Assert.InRange(((string)command!["title"]!).Length, 1, 32);
            Assert.False(string.IsNullOrWhiteSpace((string?)command["description"]));
        });
    }

    [Fact]
    public void Names_are_the_Vietnamese_app_names()
    {
        var manifest = FilledTemplate();

        Assert.Equal("Nhắc việc CCHC", (string?)manifest["name"]!["short"]);
        Assert.StartsWith("Nhắc việc cải cách hành chính", (string?)manifest["name"]!["full"], StringComparison.Ordinal);
        Assert.Contains("cải cách hành chính", (string?)manifest["description"]!["full"], StringComparison.Ordinal);
    }

    [Fact]
    public void Web_application_info_and_valid_domains_allow_proactive_install_through_Graph()
    {
        var manifest = FilledTemplate();

        Assert.Equal(ManifestPackage.BotId, (string?)manifest["webApplicationInfo"]!["id"]);
        Assert.Equal(
            $"api://{ManifestPackage.BotDomain}/{ManifestPackage.BotId}",
            (string?)manifest["webApplicationInfo"]!["resource"]);
        Assert.Equal([ManifestPackage.BotDomain], manifest["validDomains"]!.AsArray().Select(d => (string?)d));
    }

    [Fact]
    public void The_personal_Tien_do_tab_is_served_by_the_bot_beside_the_chat()
    {
        var tabs = FilledTemplate()["staticTabs"]!.AsArray();

        // A bot app with a static tab keeps its chat only when the "conversations" tab is declared too.
        Assert.Equal(["conversations", "tien-do"], tabs.Select(t => (string?)t!["entityId"]));
        var page = tabs[1]!;
        Assert.Equal("Tiến độ", (string?)page["name"]);
        Assert.Equal($"https://{ManifestPackage.BotDomain}/tab/", (string?)page["contentUrl"]);
        Assert.Equal($"https://{ManifestPackage.BotDomain}/tab/", (string?)page["websiteUrl"]);
        Assert.Equal(["personal"], page["scopes"]!.AsArray().Select(s => (string?)s));
    }

    [Fact]
    public void The_channel_tab_is_configured_by_the_bots_own_confirmation_page_and_signs_in_through_the_bots_app()
    {
        var manifest = FilledTemplate();
        var tab = manifest["configurableTabs"]!.AsArray().Single()!;

        Assert.Equal($"https://{ManifestPackage.BotDomain}/tab/config.html", (string?)tab["configurationUrl"]);
        Assert.Equal(["team"], tab["scopes"]!.AsArray().Select(s => (string?)s));
        Assert.Equal(["channelTab"], tab["context"]!.AsArray().Select(s => (string?)s));

        // Teams SSO: authentication.getAuthToken() asks Entra for a token of webApplicationInfo.resource, which the bot
        // validates as api://<its domain>/<its MicrosoftAppId>; the tab's pages live on a valid domain.
        Assert.Equal($"api://{ManifestPackage.BotDomain}/{ManifestPackage.BotId}", (string?)manifest["webApplicationInfo"]!["resource"]);
        Assert.Contains(ManifestPackage.BotDomain, manifest["validDomains"]!.AsArray().Select(d => (string?)d));
    }

    [Fact]
    public void Colour_icon_is_192_pixels_square_and_opaque()
    {
        var icon = PngImage.Read(File.ReadAllBytes(Path.Combine(RepositoryPaths.Manifest, "color.png")));

        Assert.Equal((192, 192), (icon.Width, icon.Height));
        Assert.All(Enumerable.Range(0, 192 * 192), i => Assert.Equal(255, icon.Rgba[(i * 4) + 3]));
    }

    [Fact]
    public void Outline_icon_is_32_pixels_square_with_only_white_on_transparent()
    {
        var icon = PngImage.Read(File.ReadAllBytes(Path.Combine(RepositoryPaths.Manifest, "outline.png")));

        Assert.Equal((32, 32), (icon.Width, icon.Height));
        var drawn = 0;
        for (var y = 0; y < 32; y++)
        {
            for (var x = 0; x < 32; x++)
            {
                var (r, g, b, a) = icon[x, y];
                if (a > 0)
                {
                    drawn++;
                    Assert.True((r, g, b) == (255, 255, 255), $"pixel ({x}, {y}) is rgba({r}, {g}, {b}, {a})");
                }
            }
        }

        Assert.InRange(drawn, 100, (32 * 32) - 100);
    }

    private static IEnumerable<string?> TitlesFor(JsonArray lists, string scope) =>
        lists.Single(list => list!["scopes"]!.AsArray().Select(s => (string?)s).SequenceEqual([scope]))!["commands"]!
            .AsArray()
            .Select(command => (string?)command!["title"]);
}
