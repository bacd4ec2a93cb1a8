using System.Reflection;

namespace CchcBot.Plan.Files;

/// <summary>The 2024 plan of the provincial Inspectorate and a sample directory, embedded in the executable.</summary>
public static class BundledData
{
    public static string PlanJson => Read("plan-2024.json");

    public static string DirectoryJson => Read("directory.sample.json");

    private static string Read(string name)
    {
        var assembly = typeof(BundledData).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + name, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
