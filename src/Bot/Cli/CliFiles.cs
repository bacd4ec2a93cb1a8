using CchcBot.Plan.Files;

namespace CchcBot.Cli;

internal static class CliFiles
{
    public static async Task<string> ReadAsync(string path, CancellationToken ct)
    {
        try
        {
            return await File.ReadAllTextAsync(path, ct);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            throw new CliFailureException($"Cannot read '{path}': {e.Message}");
        }
    }

    public static string Describe(string headline, IReadOnlyList<ImportProblem> problems) =>
        headline + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => $"  {p.Path}: {p.Message}")) +
        Environment.NewLine + $"{problems.Count} problem(s).";
}
