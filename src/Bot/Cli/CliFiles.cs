using CchcBot.Plan.Files;

namespace CchcBot.Cli;

internal static class CliFiles
{
    /// <summary>Problems listed in full; the rest are counted (a broken 2,000-task file must stay readable).</summary>
    private const int MaxListed = 100;

    /// <summary>The file's bytes (decoded strictly by the readers); a file over 10 MB is refused without reading it.</summary>
    public static async Task<byte[]> ReadAsync(string path, CancellationToken ct)
    {
        try
        {
            var length = new FileInfo(path).Length;
            if (length > ImportLimits.MaxFileBytes)
            {
                throw new CliFailureException($"'{path}' is {length:N0} bytes; a file may be at most {ImportLimits.MaxFileBytes:N0} bytes (10 MB). Nothing was stored.");
            }

            return await File.ReadAllBytesAsync(path, ct);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            throw new CliFailureException($"Cannot read '{path}': {e.Message}");
        }
    }

    public static string Describe(string headline, IReadOnlyList<ImportProblem> problems)
    {
        var listed = problems.Take(MaxListed).Select(p => $"  {p.Path}: {p.Message}");
        var more = problems.Count > MaxListed ? Environment.NewLine + $"  … and {problems.Count - MaxListed} more." : string.Empty;
        return headline + Environment.NewLine + string.Join(Environment.NewLine, listed) + more +
            Environment.NewLine + $"{problems.Count} problem(s).";
    }
}
