using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CchcBot.Package.Tests;

public sealed partial class BicepTests(CompiledMainTemplate compiled) : IClassFixture<CompiledMainTemplate>
{
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string StorageAccountOfTheModule = "resourceId('Microsoft.Storage/storageAccounts', parameters('storageAccountName'))";

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
        "Storage__AccountUrl", "Storage__TablePrefix", "Bot__TimeZone", "Bot__PublicBaseUrl", "MicrosoftAppType", "MicrosoftAppId",
        "MicrosoftAppPassword", "MicrosoftAppTenantId", "Graph__TenantId", "Graph__ClientId", "Graph__ClientSecret",
        "Graph__TeamsAppId",
    ];

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

    private static JsonObject Single(JsonObject template, string type, string name) =>
        Assert.Single(Resources(template), r => (string?)r["type"] == type && (string?)r["name"] == name);

    /// <summary>The role definition GUID of <c>subscriptionResourceId('…/roleDefinitions', X)</c>, X a literal or a template variable.</summary>
    private static string RoleDefinition(JsonObject template, string expression)
    {
        var match = RoleDefinitionId().Match(expression);
        Assert.True(match.Success, expression);
        var argument = match.Groups["arg"].Value;
        if (argument.StartsWith('\''))
        {
            return argument.Trim('\'');
        }

        var variable = VariableReference().Match(argument);
        Assert.True(variable.Success, expression);
        JsonNode? value = template["variables"]![variable.Groups["name"].Value];
        if (variable.Groups["member"].Success)
        {
            value = value![variable.Groups["member"].Value];
        }

        return (string)value!;
    }

    [Fact]
    public void Main_template_builds_without_warnings()
    {
        var result = compiled.Build;

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("Warning", result.StandardError, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Error", result.StandardError, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(Resources(compiled.Template()));
    }

    [Fact]
    public void Main_template_and_its_modules_lint_without_warnings()
    {
        var result = compiled.Lint;

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.AllOutput.Trim());
    }

    [Fact]
    public async Task Example_parameters_lint_and_build_with_values_from_the_environment()
    {
        var linting = BicepCli.RunAsync(["lint", MainParams], ParamEnvironment);
        var building = BicepCli.RunAsync(["build-params", MainParams, "--stdout"], ParamEnvironment);
        var (lint, build) = (await linting, await building);

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
    public void Azure_bot_is_single_tenant_with_the_Teams_channel_on_the_app_endpoint()
    {
        var template = compiled.Template();

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
    public void Web_app_runs_dotnet_10_on_linux_always_on_https_only_with_a_managed_identity()
    {
        var template = compiled.Template();

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
    public void Web_app_settings_carry_every_bot_setting_and_reach_storage_by_its_table_endpoint()
    {
        var template = compiled.Template();

        var settings = Single(template, "Microsoft.Web/sites")["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
            .ToDictionary(s => (string)s!["name"]!, s => (string)s!["value"]!);
        Assert.Equal(ExpectedAppSettings.Order(), settings.Keys.Order());
        Assert.Equal("SingleTenant", settings["MicrosoftAppType"]);
        Assert.Equal("[parameters('botAppPassword')]", settings["MicrosoftAppPassword"]);
        Assert.Equal("[parameters('graphClientSecret')]", settings["Graph__ClientSecret"]);
        Assert.Contains("azurewebsites.net", settings["Bot__PublicBaseUrl"], StringComparison.Ordinal); // links never come from a Host header
        Assert.Equal(
            $"[reference({StorageAccountOfTheModule}, '2024-01-01').primaryEndpoints.table]",
            settings["Storage__AccountUrl"]);
        // ...and that account is the one the storage module created.
        var appModule = Assert.Single(Resources(template), r => (string?)r["name"] == "app");
        Assert.Contains(
            "resourceId('Microsoft.Resources/deployments', 'storage')",
            (string?)appModule["properties"]!["parameters"]!["storageAccountName"]!["value"],
            StringComparison.Ordinal);
    }

    [Fact]
    public void No_account_key_or_connection_string_anywhere_in_the_deployment()
    {
        var template = compiled.Template();
        var text = template.ToJsonString();

        Assert.DoesNotContain("listKeys", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listAccountSas", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ConnectionString", text, StringComparison.OrdinalIgnoreCase);
        var storage = Single(template, "Microsoft.Storage/storageAccounts");
        Assert.False((bool)storage["properties"]!["allowSharedKeyAccess"]!);
        Assert.True((bool)storage["properties"]!["defaultToOAuthAuthentication"]!);
    }

    [Fact]
    public void Web_app_identity_gets_the_table_and_blob_data_roles_on_the_storage_account_by_default()
    {
        var template = compiled.Template();

        var roleModule = Assert.Single(Resources(template), r => (string?)r["name"] == "storage-role");
        Assert.Equal("[parameters('assignStorageRole')]", (string?)roleModule["condition"]);
        Assert.True((bool)template["parameters"]!["assignStorageRole"]!["defaultValue"]!);
        var parameters = roleModule["properties"]!["parameters"]!;
        Assert.Equal(
            "[reference(resourceId('Microsoft.Resources/deployments', 'app'), '2025-04-01').outputs.principalId.value]",
            (string?)parameters["principalId"]!["value"]);
        Assert.Contains(
            "resourceId('Microsoft.Resources/deployments', 'storage')",
            (string?)parameters["storageAccountName"]!["value"],
            StringComparison.Ordinal);
        Assert.Equal("[reference(resourceId('Microsoft.Web/sites', parameters('appName')), '2024-04-01', 'full').identity.principalId]",
            (string?)Single(template, "Microsoft.Resources/deployments", "app")["properties"]!["template"]!["outputs"]!["principalId"]!["value"]);

        var moduleTemplate = roleModule["properties"]!["template"]!.AsObject();
        var assignments = Resources(moduleTemplate).Where(r => (string?)r["type"] == "Microsoft.Authorization/roleAssignments").ToList();
        Assert.All(assignments, a =>
        {
            Assert.Equal($"[{StorageAccountOfTheModule}]", (string?)a["scope"]);
            Assert.Equal("[parameters('principalId')]", (string?)a["properties"]!["principalId"]);
            Assert.Equal("ServicePrincipal", (string?)a["properties"]!["principalType"]);
        });
        Assert.Equal(
            new[] { StorageTableDataContributor, StorageBlobDataContributor }.Order(),
            assignments.Select(a => RoleDefinition(moduleTemplate, (string)a["properties"]!["roleDefinitionId"]!)).Order());
        Assert.Equal(2, assignments.Select(a => (string?)a["name"]).Distinct().Count());
    }

    [Fact]
    public void Storage_account_is_v2_with_tls_1_2_https_only_and_no_public_blobs_and_a_table_service()
    {
        var template = compiled.Template();

        var storage = Single(template, "Microsoft.Storage/storageAccounts");
        Assert.Equal("StorageV2", (string?)storage["kind"]);
        Assert.Equal("TLS1_2", (string?)storage["properties"]!["minimumTlsVersion"]);
        Assert.True((bool)storage["properties"]!["supportsHttpsTrafficOnly"]!);
        Assert.False((bool)storage["properties"]!["allowBlobPublicAccess"]!);
        Single(template, "Microsoft.Storage/storageAccounts/tableServices");
    }

    [Fact]
    public void Secret_parameters_are_secure_and_have_no_default_value()
    {
        var template = compiled.Template();

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
    public void Outputs_give_the_bot_endpoint_and_host_name_and_no_secret()
    {
        var template = compiled.Template();

        var outputs = template["outputs"]!.AsObject();
        Assert.Contains("/api/messages", (string?)outputs["botEndpoint"]!["value"], StringComparison.Ordinal);
        Assert.NotNull(outputs["appHostName"]);
        Assert.Equal("[reference(resourceId('Microsoft.Resources/deployments', 'storage'), '2025-04-01').outputs.tableEndpoint.value]", (string?)outputs["storageTableEndpoint"]!["value"]);
        Assert.All(outputs, o =>
        {
            Assert.NotEqual("securestring", (string?)o.Value!["type"]);
            Assert.DoesNotContain("listKeys", o.Value!.ToJsonString(), StringComparison.Ordinal);
            Assert.DoesNotContain("Password", o.Value!.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        });
    }

    [GeneratedRegex("(?i)password|secret|key$")]
    private static partial Regex SecretName();

    [GeneratedRegex(@"^\[subscriptionResourceId\('Microsoft\.Authorization/roleDefinitions', (?<arg>.+)\)\]$")]
    private static partial Regex RoleDefinitionId();

    [GeneratedRegex(@"^variables\('(?<name>\w+)'\)(\.(?<member>\w+))?$")]
    private static partial Regex VariableReference();
}
