namespace CchcBot.Package.Tests;

/// <summary>Runs manifest/validate.js (schema from @microsoft/app-manifest, offline, plus the package's own rules).</summary>
internal static class ManifestValidator
{
    public static Task<ProcessResult> ValidateAsync(string target) =>
        ProcessRunner.RunAsync("node", [RepositoryPaths.Validator, target]);

    public static async Task AssertValidAsync(string target)
    {
        var result = await ValidateAsync(target);
        Assert.True(result.ExitCode == 0, $"validate.js rejected {target}:\n{result}");
    }

    /// <summary>Asserts the validator rejects the package with a message containing every given fragment.</summary>
    public static async Task AssertRejectedAsync(string target, params string[] fragments)
    {
        var result = await ValidateAsync(target);
        Assert.True(result.ExitCode == 1, $"validate.js should have rejected {target}:\n{result}");
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, result.StandardError, StringComparison.Ordinal);
        }
    }
}
