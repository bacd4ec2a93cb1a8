using CchcBot.Cli;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Cli;

/// <summary>Runs the executable's entry point in-process against its own tables on Azurite, with a folder for files.</summary>
public sealed class CliSandbox : IDisposable
{
    public string Prefix { get; } = AzuriteServer.NewPrefix();

    public string Folder { get; } = Directory.CreateTempSubdirectory("cchc-cli").FullName;

    public string Write(string name, byte[] content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public Task<(int Code, string Output, string Error)> RunAsync(params string[] args) => RunAsync(args, CancellationToken.None);

    /// <param name="ct">Cancels the command as Ctrl+C does.</param>
    /// <param name="connectionString">Storage other than the shared Azurite (e.g. a proxy in front of it).</param>
    public async Task<(int Code, string Output, string Error)> RunAsync(string[] args, CancellationToken ct, string? connectionString = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(
            args,
            output,
            error,
            b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = connectionString ?? AzuriteServer.Shared.ConnectionString,
                ["Storage:TablePrefix"] = Prefix,
            }),
            ct);
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
