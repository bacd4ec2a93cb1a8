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

    /// <summary>
    /// Writes the file next to its final name first, then moves it there: never a half-written file, also when the write
    /// fails or Ctrl+C cancels it (the partial copy is deleted and <paramref name="path"/> is left as it was).
    /// </summary>
    /// <param name="failure">The start of the message when the file cannot be written, e.g. "Cannot write 'x.docx'".</param>
    /// <returns>The full path written.</returns>
    public static async Task<string> WriteAtomicallyAsync(string path, byte[] content, string failure, CancellationToken ct)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
        {
            throw new CliFailureException($"{failure}: {e.Message}");
        }

        var temporary = full + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            await File.WriteAllBytesAsync(temporary, content, ct);
            ct.ThrowIfCancellationRequested();
            File.Move(temporary, full, overwrite: true);
            return full;
        }
        catch (Exception e)
        {
            TryDelete(temporary);
            if (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new CliFailureException($"{failure}: {e.Message}");
            }

            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the message about the failure is what the operator needs.
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
