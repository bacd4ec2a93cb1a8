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

    private static readonly Dictionary<string, string?> Required = new() { ["BOT_ID"] = BotId, ["BOT_DOMAIN"] = BotDomain };

    [Fact]
    public async Task Pack_writes_a_valid_zip_with_the_manifest_and_both_icons_at_its_root()
    {
        using var temp = new TempFolder();
        var zipPath = temp["CchcBot.zip"];

        var result = await PackAsync(zipPath, Required);

        Assert.True(result.ExitCode == 0, result.ToString());
        using (var zip = ZipFile.OpenRead(zipPath))
        {
            Assert.Equal(["manifest.json", "color.png", "outline.png"], zip.Entries.Select(e => e.FullName));
            Assert.All(zip.Entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime));
            Assert.Equal(
                File.ReadAllBytes(Path.Combine(RepositoryPaths.Manifest, "color.png")),
                ReadEntry(zip, "color.png"));
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
    public async Task Pack_is_byte_for_byte_reproducible_whatever_the_time_zone()
    {
        using var temp = new TempFolder();

        var first = await PackAsync(temp["first.zip"], new Dictionary<string, string?>(Required) { ["TZ"] = "UTC" });
        await Task.Delay(TimeSpan.FromSeconds(2.1)); // a zip's time has a two-second resolution
        var second = await PackAsync(temp["second.zip"], new Dictionary<string, string?>(Required) { ["TZ"] = "Asia/Ho_Chi_Minh" });

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(File.ReadAllBytes(temp["first.zip"]), File.ReadAllBytes(temp["second.zip"]));
    }

    [Fact]
    public async Task Pack_ignores_the_retired_zip_tool_choice_with_a_notice()
    {
        using var temp = new TempFolder();

        var plain = await PackAsync(temp["plain.zip"], Required);
        var withTool = await PackAsync(temp["tool.zip"], new Dictionary<string, string?>(Required) { ["PACK_ZIP_TOOL"] = "zip" });

        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.True(withTool.ExitCode == 0, withTool.ToString());
        Assert.Contains("PACK_ZIP_TOOL is no longer used", withTool.StandardError, StringComparison.Ordinal);
        Assert.Single(withTool.StandardError.Trim().Split('\n'));
        Assert.DoesNotContain("PACK_ZIP_TOOL", plain.StandardError, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(temp["plain.zip"]), File.ReadAllBytes(temp["tool.zip"]));
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

    private static byte[] ReadEntry(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
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
