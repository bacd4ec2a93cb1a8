using System.Text.Json.Nodes;

namespace CchcBot.Package.Tests;

/// <summary>The Blob lifecycle rules: report files (the "{prefix}-reports" container) are deleted a day after they were made,
/// evidence uploads never attached (the "{prefix}-uploads" container) a day after they were received; nothing else.</summary>
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

    private static JsonArray Rules(JsonObject template)
    {
        var policy = Assert.Single(Resources(template), r => (string?)r["type"] == "Microsoft.Storage/storageAccounts/managementPolicies");
        Assert.Contains("storageAccountName", (string?)policy["name"], StringComparison.Ordinal);
        return policy["properties"]!["policy"]!["rules"]!.AsArray();
    }

    /// <summary>The rule's one prefix, after checking it deletes block blobs a day after their creation.</summary>
    private static string DeletesADayAfterCreation(JsonNode rule)
    {
        Assert.True((bool)rule["enabled"]!);
        Assert.Equal("Lifecycle", (string?)rule["type"]);
        var filters = rule["definition"]!["filters"]!;
        Assert.Equal(["blockBlob"], filters["blobTypes"]!.AsArray().Select(b => (string?)b));
        Assert.Equal(1, (int)rule["definition"]!["actions"]!["baseBlob"]!["delete"]!["daysAfterCreationGreaterThan"]!);
        Assert.Null(rule["definition"]!["filters"]!["blobIndexMatch"]);
        return (string)Assert.Single(filters["prefixMatch"]!.AsArray())!;
    }

    [Fact]
    public void Report_blobs_are_deleted_by_a_lifecycle_rule_a_day_after_creation()
    {
        var rule = Assert.Single(Rules(compiled.Template()), r => (string?)r!["name"] == "delete-report-files")!;

        Assert.Equal("[format('{0}-reports/', toLower(parameters('tablePrefix')))]", DeletesADayAfterCreation(rule));
        var module = Assert.Single(Resources(compiled.Template()), r => (string?)r["name"] == "storage-lifecycle");
        Assert.Equal("[parameters('tablePrefix')]", (string?)module["properties"]!["parameters"]!["tablePrefix"]!["value"]);
    }

    [Fact]
    public void Unattached_evidence_uploads_are_deleted_by_a_lifecycle_rule_a_day_after_they_were_received()
    {
        // The bot keeps unattached uploads in "{prefix}-uploads" (EvidenceStore.UploadsSuffix) for 24 hours.
        var rule = Assert.Single(Rules(compiled.Template()), r => (string?)r!["name"] == "delete-unattached-evidence-uploads")!;

        Assert.Equal("[format('{0}-uploads/', toLower(parameters('tablePrefix')))]", DeletesADayAfterCreation(rule));
    }

    [Fact]
    public void No_rule_deletes_anything_else_attached_evidence_files_stay()
    {
        var rules = Rules(compiled.Template());

        Assert.Equal(["delete-report-files", "delete-unattached-evidence-uploads"], rules.Select(r => (string?)r!["name"]).Order());
        Assert.All(rules, r => Assert.DoesNotContain("-a-", DeletesADayAfterCreation(r!), StringComparison.Ordinal));
    }
}
