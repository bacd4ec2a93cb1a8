using System.Text.Json.Nodes;

namespace CchcBot.Package.Tests;

/// <summary>The Blob lifecycle rule: report files (the "{prefix}-reports" container) are deleted a day after they were made.</summary>
public sealed class StorageLifecycleTests(CompiledMainTemplate compiled) : IClassFixture<CompiledMainTemplate>
{
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

    [Fact]
    public void Report_blobs_are_deleted_by_a_lifecycle_rule_a_day_after_creation_and_nothing_else_is()
    {
        var template = compiled.Template();

        var policy = Assert.Single(Resources(template), r => (string?)r["type"] == "Microsoft.Storage/storageAccounts/managementPolicies");
        Assert.Contains("storageAccountName", (string?)policy["name"], StringComparison.Ordinal);
        var rule = Assert.Single(policy["properties"]!["policy"]!["rules"]!.AsArray())!;
        Assert.True((bool)rule["enabled"]!);
        var filters = rule["definition"]!["filters"]!;
        var prefix = (string?)Assert.Single(filters["prefixMatch"]!.AsArray());
        Assert.Equal("[format('{0}-reports/', toLower(parameters('tablePrefix')))]", prefix);
        Assert.Equal(["blockBlob"], filters["blobTypes"]!.AsArray().Select(b => (string?)b));
        Assert.Equal(1, (int)rule["definition"]!["actions"]!["baseBlob"]!["delete"]!["daysAfterCreationGreaterThan"]!);

        var module = Assert.Single(Resources(template), r => (string?)r["name"] == "storage-lifecycle");
        Assert.Equal("[parameters('tablePrefix')]", (string?)module["properties"]!["parameters"]!["tablePrefix"]!["value"]);
    }
}
