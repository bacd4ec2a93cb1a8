using System.Text.Json;
using System.Text.Json.Nodes;

namespace CchcBot.Package.Tests;

/// <summary>The manifest template filled with test values, written with its icons into a temporary folder.</summary>
internal sealed class ManifestPackage : IDisposable
{
    public const string BotId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    public const string AppId = "6c1b7a52-0d6e-4a8f-9f0e-2f9a4d3c8b17";
    public const string BotDomain = "cchc-bot-test.azurewebsites.net";

    public static readonly IReadOnlyDictionary<string, string> TestValues = new Dictionary<string, string>
    {
        ["BOT_ID"] = BotId,
        ["AAD_APP_ID"] = BotId,
        ["APP_ID"] = AppId,
        ["APP_VERSION"] = "1.2.3",
        ["BOT_DOMAIN"] = BotDomain,
        ["DEVELOPER_NAME"] = "Thanh tra tỉnh",
        ["DEVELOPER_WEBSITE_URL"] = $"https://{BotDomain}",
        ["DEVELOPER_PRIVACY_URL"] = $"https://{BotDomain}/privacy",
        ["DEVELOPER_TERMS_URL"] = $"https://{BotDomain}/terms",
    };

    private readonly TempFolder _folder = new();

    public ManifestPackage(Action<JsonObject>? change = null, bool fill = true)
    {
        var text = File.ReadAllText(RepositoryPaths.ManifestTemplate);
        if (fill)
        {
            text = Fill(text);
        }

        var manifest = JsonNode.Parse(text)!.AsObject();
        change?.Invoke(manifest);
        File.WriteAllText(ManifestPath, manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.Copy(Path.Combine(RepositoryPaths.Manifest, "color.png"), _folder["color.png"]);
        File.Copy(Path.Combine(RepositoryPaths.Manifest, "outline.png"), _folder["outline.png"]);
    }

    public string Folder => _folder.FullPath;

    public string ManifestPath => _folder["manifest.json"];

    public static string Fill(string template)
    {
        foreach (var (name, value) in TestValues)
        {
            template = template.Replace("${{" + name + "}}", value, StringComparison.Ordinal);
        }

        return template;
    }

    public void ReplaceFile(string name, byte[] content) => File.WriteAllBytes(_folder[name], content);

    public void Dispose() => _folder.Dispose();
}
