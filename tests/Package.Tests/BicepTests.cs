using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CchcBot.Package.Tests;

public sealed partial class BicepTests
{
    private static readonly string MainBicep = Path.Combine(RepositoryPaths.Infra, "main.bicep");
    private static readonly string MainParams = Path.Combine(RepositoryPaths.Infra, "main.bicepparam");

    private static readonly Dictionary<string, string?> ParamEnvironment = new()
    {
        ["BOT_ID"] = "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
        ["BOT_PASSWORD"] = "value-from-the-environment",
        ["TENANT_ID"] = "72f988bf-86f1-41af-91ab-2d7cd011db47",
        ["TEAMS_APP_ID"] = null,
    };

    private static readonly string[] ExpectedAppSettings =
    [
        "Storage__ConnectionString", "Storage__TablePrefix", "Bot__TimeZone", "MicrosoftAppType", "MicrosoftAppId",
        "MicrosoftAppPassword", "MicrosoftAppTenantId", "Graph__TenantId", "Graph__ClientId", "Graph__ClientSecret",
        "Graph__TeamsAppId",
    ];

    private static async Task<JsonObject> CompileAsync()
    {
        var result = await BicepCli.RunAsync(["build", MainBicep, "--stdout"]);
        Assert.True(result.ExitCode == 0 && result.StandardError.Length == 0, result.ToString());
        return JsonNode.Parse(result.StandardOutput)!.AsObject();
    }

    /// <summary>Every resource of the template, including those inside module deployments.</summary>
    private static IEnumerable<JsonObject> Resources(JsonObject template)
    {
        var resources = template["resources"] switch
        {
            JsonArray array => array.Select(r => r!.AsObject()),
            JsonObject symbolic => symbolic.Select(r => r.Value!.AsObject()),
            _ => [],
        };
        foreach (var resource in resources)
        {
            yield return resource;
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in Resources(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>Every template's parameters, the main one and each module's.</summary>
    private static IEnumerable<(string Name, JsonObject Definition)> Parameters(JsonObject template)
    {
        foreach (var (name, definition) in template["parameters"]?.AsObject() ?? [])
        {
            yield return (name, definition!.AsObject());
        }

        foreach (var module in Resources(template).Where(r => r["properties"]?["template"] is JsonObject))
        {
            foreach (var (name, definition) in module["properties"]!["template"]!["parameters"]?.AsObject() ?? [])
            {
                yield return (name, definition!.AsObject());
            }
        }
    }

    private static JsonObject Single(JsonObject template, string type) =>
        Assert.Single(Resources(template), r => (string?)r["type"] == type);

    [Fact]
    public async Task Main_template_builds_without_warnings()
    {
        using var temp = new TempFolder();

        var result = await BicepCli.RunAsync(["build", MainBicep, "--outfile", temp["main.json"]]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("Warning", result.AllOutput, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Error", result.AllOutput, StringComparison.OrdinalIgnoreCase);
        Assert.True(File.Exists(temp["main.json"]));
    }

    [Fact]
    public async Task Main_template_and_its_modules_lint_without_warnings()
    {
        var result = await BicepCli.RunAsync(["lint", MainBicep]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.AllOutput.Trim());
    }

    [Fact]
    public async Task Example_parameters_lint_and_build_with_values_from_the_environment()
    {
        var lint = await BicepCli.RunAsync(["lint", MainParams], ParamEnvironment);
        var build = await BicepCli.RunAsync(["build-params", MainParams, "--stdout"], ParamEnvironment);

        Assert.True(lint.ExitCode == 0 && lint.AllOutput.Trim().Length == 0, lint.ToString());
        Assert.True(build.ExitCode == 0, build.ToString());
        var parameters = JsonNode.Parse((string)JsonNode.Parse(build.StandardOutput)!["parametersJson"]!)!["parameters"]!;
        Assert.Equal(ParamEnvironment["BOT_ID"], (string?)parameters["botAppId"]!["value"]);
        Assert.Equal(ParamEnvironment["BOT_PASSWORD"], (string?)parameters["botAppPassword"]!["value"]);
        Assert.Equal(ParamEnvironment["BOT_PASSWORD"], (string?)parameters["graphClientSecret"]!["value"]);
    }

    [Fact]
    public async Task Example_parameters_refuse_to_build_without_the_bot_secret()
    {
        var environment = new Dictionary<string, string?>(ParamEnvironment) { ["BOT_PASSWORD"] = null };

        var build = await BicepCli.RunAsync(["build-params", MainParams, "--stdout"], environment);

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("BOT_PASSWORD", build.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Example_parameters_hold_no_secret_literal()
    {
        var text = File.ReadAllText(MainParams);

        foreach (var secret in new[] { "botAppPassword", "graphClientSecret" })
        {
            Assert.Matches($@"param {secret} = readEnvironmentVariable\('[A-Z_]+'\)\r?\n", text);
        }
    }

    [Fact]
    public async Task Azure_bot_is_single_tenant_with_the_Teams_channel_on_the_app_endpoint()
    {
        var template = await CompileAsync();

        var bot = Single(template, "Microsoft.BotService/botServices");
        Assert.Equal("SingleTenant", (string?)bot["properties"]!["msaAppType"]);
        Assert.Equal("[parameters('botAppId')]", (string?)bot["properties"]!["msaAppId"]);
        Assert.Equal("[parameters('tenantId')]", (string?)bot["properties"]!["msaAppTenantId"]);
        Assert.Equal("[parameters('endpoint')]", (string?)bot["properties"]!["endpoint"]);
        var channel = Single(template, "Microsoft.BotService/botServices/channels");
        Assert.Equal("MsTeamsChannel", (string?)channel["properties"]!["channelName"]);
        Assert.True((bool)channel["properties"]!["properties"]!["isEnabled"]!);
        var botModule = Assert.Single(Resources(template), r => (string?)r["name"] == "bot");
        Assert.Contains("/api/messages", (string?)botModule["properties"]!["parameters"]!["endpoint"]!["value"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Web_app_runs_dotnet_10_on_linux_always_on_https_only_with_a_managed_identity()
    {
        var template = await CompileAsync();

        var plan = Single(template, "Microsoft.Web/serverfarms");
        Assert.True((bool)plan["properties"]!["reserved"]!);
        var site = Single(template, "Microsoft.Web/sites");
        var config = site["properties"]!["siteConfig"]!;
        Assert.Equal("DOTNETCORE|10.0", (string?)config["linuxFxVersion"]);
        Assert.True((bool)config["alwaysOn"]!);
        Assert.Equal("/healthz", (string?)config["healthCheckPath"]);
        Assert.True((bool)site["properties"]!["httpsOnly"]!);
        Assert.Equal("SystemAssigned", (string?)site["identity"]!["type"]);
    }

    [Fact]
    public async Task Web_app_settings_carry_every_bot_setting_with_the_storage_key_read_at_deployment()
    {
        var template = await CompileAsync();

        var settings = Single(template, "Microsoft.Web/sites")["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
            .ToDictionary(s => (string)s!["name"]!, s => (string)s!["value"]!);
        Assert.Equal(ExpectedAppSettings.Order(), settings.Keys.Order());
        Assert.Equal("SingleTenant", settings["MicrosoftAppType"]);
        Assert.Equal("[parameters('botAppPassword')]", settings["MicrosoftAppPassword"]);
        Assert.Equal("[parameters('graphClientSecret')]", settings["Graph__ClientSecret"]);
        Assert.Contains("listKeys(", settings["Storage__ConnectionString"], StringComparison.Ordinal);
        Assert.Contains("AccountKey=", settings["Storage__ConnectionString"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Storage_account_is_v2_with_tls_1_2_https_only_and_no_public_blobs_and_a_table_service()
    {
        var template = await CompileAsync();

        var storage = Single(template, "Microsoft.Storage/storageAccounts");
        Assert.Equal("StorageV2", (string?)storage["kind"]);
        Assert.Equal("TLS1_2", (string?)storage["properties"]!["minimumTlsVersion"]);
        Assert.True((bool)storage["properties"]!["supportsHttpsTrafficOnly"]!);
        Assert.False((bool)storage["properties"]!["allowBlobPublicAccess"]!);
        Single(template, "Microsoft.Storage/storageAccounts/tableServices");
    }

    [Fact]
    public async Task Secret_parameters_are_secure_and_have_no_default_value()
    {
        var template = await CompileAsync();

        var secrets = Parameters(template)
            .Where(p => SecretName().IsMatch(p.Name) || (string?)p.Definition["type"] == "securestring")
            .ToList();
        Assert.Contains(secrets, p => p.Name == "botAppPassword");
        Assert.Contains(secrets, p => p.Name == "graphClientSecret");
        Assert.All(secrets, p =>
        {
            Assert.Equal("securestring", (string?)p.Definition["type"]);
            Assert.Null(p.Definition["defaultValue"]);
        });
    }

    [Fact]
    public async Task Outputs_give_the_bot_endpoint_and_host_name_and_no_secret()
    {
        var template = await CompileAsync();

        var outputs = template["outputs"]!.AsObject();
        Assert.Contains("/api/messages", (string?)outputs["botEndpoint"]!["value"], StringComparison.Ordinal);
        Assert.NotNull(outputs["appHostName"]);
        Assert.All(outputs, o =>
        {
            Assert.NotEqual("securestring", (string?)o.Value!["type"]);
            Assert.DoesNotContain("listKeys", o.Value!.ToJsonString(), StringComparison.Ordinal);
            Assert.DoesNotContain("Password", o.Value!.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        });
    }

    [GeneratedRegex("(?i)password|secret|key$")]
    private static partial Regex SecretName();
}
