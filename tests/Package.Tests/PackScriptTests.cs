using System.IO.Compression;
using System.Text.Json.Nodes;

namespace CchcBot.Package.Tests;

public sealed class PackScriptTests
{
    private const string BotId = "8d0e4a1c-5b7f-4e2a-9c3d-1f6b2a7e9d40";
    private const string BotDomain = "cchc-bot-pack.azurewebsites.net";

    private static Task<ProcessResult> PackAsync(string output, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var env = new Dictionary<string, string?>
        {
            // The test host's own environment must not leak values into the script.
            ["BOT_ID"] = null,
            ["BOT_DOMAIN"] = null,
            ["AAD_APP_ID"] = null,
            ["APP_ID"] = null,
            ["APP_VERSION"] = null,
            ["PACK_OUT"] = output,
        };
        foreach (var (name, value) in environment)
        {
            env[name] = value;
        }

        return ProcessRunner.RunAsync("bash", [RepositoryPaths.PackScript, .. arguments], env);
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("node")]
    public async Task Pack_writes_a_valid_zip_with_the_manifest_and_both_icons_at_its_root(string zipTool)
    {
        using var temp = new TempFolder();
        var zipPath = temp["CchcBot.zip"];

        var result = await PackAsync(
            zipPath,
            new Dictionary<string, string?> { ["BOT_ID"] = BotId, ["BOT_DOMAIN"] = BotDomain, ["PACK_ZIP_TOOL"] = zipTool });

        Assert.True(result.ExitCode == 0, result.ToString());
        using (var zip = ZipFile.OpenRead(zipPath))
        {
            Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
            using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
            var manifest = JsonNode.Parse(await reader.ReadToEndAsync())!;
            Assert.Equal(BotId, (string?)manifest["bots"]![0]!["botId"]);
            Assert.Equal(BotId, (string?)manifest["webApplicationInfo"]!["id"]);
            Assert.Equal($"api://{BotDomain}/{BotId}", (string?)manifest["webApplicationInfo"]!["resource"]);
            Assert.Equal("56da3e1b-9e83-4f1d-b95f-5dcc6558ec56", (string?)manifest["id"]);
            Assert.Equal($"https://{BotDomain}/privacy", (string?)manifest["developer"]!["privacyUrl"]);
        }

        await ManifestValidator.AssertValidAsync(zipPath);
    }

    [Fact]
    public async Task Pack_takes_options_over_environment_variables()
    {
        using var temp = new TempFolder();
        var zipPath = temp["app.zip"];
        const string appId = "0f8fad5b-d9cb-469f-a165-70867728950e";

        var result = await PackAsync(
            zipPath,
            new Dictionary<string, string?> { ["BOT_ID"] = "not-used", ["BOT_DOMAIN"] = "unused.example.org" },
            "--bot-id", BotId, "--bot-domain", BotDomain, "--app-id", appId, "--version", "2.0.1",
            "--privacy-url", "https://thanhtra.example.gov.vn/rieng-tu");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var zip = ZipFile.OpenRead(zipPath);
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var manifest = JsonNode.Parse(await reader.ReadToEndAsync())!;
        Assert.Equal(appId, (string?)manifest["id"]);
        Assert.Equal("2.0.1", (string?)manifest["version"]);
        Assert.Equal("https://thanhtra.example.gov.vn/rieng-tu", (string?)manifest["developer"]!["privacyUrl"]);
        Assert.Equal([BotDomain], manifest["validDomains"]!.AsArray().Select(d => (string?)d));
    }

    [Fact]
    public async Task Pack_refuses_without_a_bot_id_and_writes_nothing()
    {
        using var temp = new TempFolder();

        var result = await PackAsync(temp["CchcBot.zip"], new Dictionary<string, string?> { ["BOT_DOMAIN"] = BotDomain });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("BOT_ID is required", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(temp["CchcBot.zip"]));
    }

    [Theory]
    [InlineData("cchc-bot")]
    [InlineData("3f2504e0-4f89-41d3-9a0c-0305e82c330")]
    [InlineData("{3f2504e0-4f89-41d3-9a0c-0305e82c3301}")]
    [InlineData("3f2504e0-4f89-41d3-9a0c-0305e82c3301; rm -rf /")]
    public async Task Pack_refuses_a_bot_id_that_is_not_a_guid(string botId)
    {
        using var temp = new TempFolder();

        var result = await PackAsync(temp["CchcBot.zip"], new Dictionary<string, string?> { ["BOT_ID"] = botId, ["BOT_DOMAIN"] = BotDomain });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is not a GUID", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(temp["CchcBot.zip"]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("https://cchc-bot.azurewebsites.net")]
    [InlineData("cchc-bot.azurewebsites.net/api/messages")]
    [InlineData("localhost:3978")]
    public async Task Pack_refuses_a_missing_or_malformed_bot_domain(string botDomain)
    {
        using var temp = new TempFolder();

        var result = await PackAsync(temp["CchcBot.zip"], new Dictionary<string, string?> { ["BOT_ID"] = BotId, ["BOT_DOMAIN"] = botDomain });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("BOT_DOMAIN", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(temp["CchcBot.zip"]));
    }

    [Fact]
    public async Task Pack_refuses_a_developer_url_that_is_not_https()
    {
        using var temp = new TempFolder();

        var result = await PackAsync(
            temp["CchcBot.zip"],
            new Dictionary<string, string?> { ["BOT_ID"] = BotId, ["BOT_DOMAIN"] = BotDomain, ["DEVELOPER_TERMS_URL"] = "http://example.org/terms" });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("DEVELOPER_TERMS_URL", result.StandardError, StringComparison.Ordinal);
    }
}
