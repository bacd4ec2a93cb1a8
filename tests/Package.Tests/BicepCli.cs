using System.Reflection;

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
