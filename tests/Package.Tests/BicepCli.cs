using System.Reflection;
using System.Text.Json.Nodes;

namespace CchcBot.Package.Tests;

/// <summary>The Bicep CLI from the NuGet package Azure.Bicep.CommandLine.linux-x64 (PackageDownload in the project).</summary>
internal static class BicepCli
{
    private static readonly Lazy<string> Executable = new(Locate);

    public static Task<ProcessResult> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var env = new Dictionary<string, string?>
        {
            // Offline and quiet: no telemetry, no update check.
            ["BICEP_TELEMETRY_ENABLED"] = "false",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            env[name] = value;
        }

        return ProcessRunner.RunAsync(Executable.Value, arguments, env);
    }

    private static string Locate()
    {
        var metadata = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
        var version = metadata["BicepVersion"]!;
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string?[] roots = [metadata.GetValueOrDefault("NuGetPackageRoot"), Environment.GetEnvironmentVariable("NUGET_PACKAGES"), Path.Combine(home, ".nuget", "packages")];
        var candidates = roots
            .Where(root => !string.IsNullOrEmpty(root))
            .Select(root => Path.Combine(root!, "azure.bicep.commandline.linux-x64", version, "tools", "bicep"))
            .ToList();
        var bicep = candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"Bicep CLI {version} not found; restore tests/Package.Tests. Looked at: {string.Join(", ", candidates)}");
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("the Bicep CLI package pinned here is linux-x64");
        }

        // NuGet extracts files without their executable bit.
        var mode = File.GetUnixFileMode(bicep);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(bicep, mode | UnixFileMode.UserExecute);
        }

        return bicep;
    }
}

/// <summary>
/// infra/main.bicep built and linted once for a whole test class (an xunit class fixture), both at the same time:
/// a Bicep run costs seconds, and every template test reads the same compiled JSON.
/// </summary>
public sealed class CompiledMainTemplate : IAsyncLifetime
{
    public static readonly string MainBicep = Path.Combine(RepositoryPaths.Infra, "main.bicep");

    private ProcessResult? _build;
    private ProcessResult? _lint;

    /// <summary><c>bicep build main.bicep --stdout</c>.</summary>
    internal ProcessResult Build => _build ?? throw new InvalidOperationException("not built yet");

    /// <summary><c>bicep lint main.bicep</c>.</summary>
    internal ProcessResult Lint => _lint ?? throw new InvalidOperationException("not linted yet");

    /// <summary>The compiled ARM template, parsed anew for each caller so no test sees another's changes.</summary>
    public JsonObject Template()
    {
        Assert.True(Build.ExitCode == 0 && Build.StandardError.Length == 0, Build.ToString());
        return JsonNode.Parse(Build.StandardOutput)!.AsObject();
    }

    public async Task InitializeAsync()
    {
        var build = BicepCli.RunAsync(["build", MainBicep, "--stdout"]);
        var lint = BicepCli.RunAsync(["lint", MainBicep]);
        _build = await build;
        _lint = await lint;
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
