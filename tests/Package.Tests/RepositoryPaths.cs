namespace CchcBot.Package.Tests;

/// <summary>Folders and files of the repository the tests run in, found from the test assembly's folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Manifest => Path.Combine(Root, "manifest");

    public static string ManifestTemplate => Path.Combine(Manifest, "manifest.json");

    public static string Validator => Path.Combine(Manifest, "validate.js");

    public static string PackScript => Path.Combine(Root, "scripts", "pack-manifest.sh");

    public static string Infra => Path.Combine(Root, "infra");

    public static string TeamsSchemas =>
        Path.Combine(Root, "node_modules", "@microsoft", "app-manifest", "build", "json-schemas", "teams");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CchcBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"CchcBot.sln not found above {AppContext.BaseDirectory}");
    }
}
