using System.Text;
using System.Text.Json.Nodes;
using CchcBot.Bot.Tests.Cli;
using CchcBot.Plan.Files;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Staff;

/// <summary>`directory --export &lt;file&gt;`: the stored directory in the file format, edited and loaded back.</summary>
public sealed class DirectoryExportTests : IDisposable
{
    private const string Agency = "thanh-tra-soc-trang";
    private readonly CliSandbox _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task The_exported_directory_loads_back_unchanged_and_an_edited_one_is_stored()
    {
        var seeded = await _cli.RunAsync("seed");
        Assert.True(seeded.Code == 0, seeded.Error);
        var file = Path.Combine(_cli.Folder, "exported.json");

        var exported = await _cli.RunAsync("directory", "--export", file);

        Assert.True(exported.Code == 0, exported.Error);
        Assert.Contains($"Directory of '{Agency}' written to {file}: 5 departments, 10 staff.", exported.Output, StringComparison.Ordinal);
        var read = DirectoryFileReader.Read(await File.ReadAllBytesAsync(file));
        Assert.True(read.Ok, string.Join("\n", read.Problems));
        Assert.Equal(DirectoryFileWriter.Write(DirectoryFileReader.Read(BundledData.DirectoryJson).Value!), DirectoryFileWriter.Write(read.Value!));

        var again = await _cli.RunAsync("directory", file);
        Assert.True(again.Code == 0, again.Error);
        Assert.Contains("already up to date, nothing changed", again.Output, StringComparison.Ordinal);

        var root = JsonNode.Parse(await File.ReadAllTextAsync(file))!.AsObject();
        root["departments"]![1]!["staff"]!.AsArray().Add("canbo3.nv1@example.gov.vn");
        var edited = _cli.Write("edited.json", Encoding.UTF8.GetBytes(root.ToJsonString()));
        var loaded = await _cli.RunAsync("directory", edited);

        Assert.True(loaded.Code == 0, loaded.Error);
        Assert.True(loaded.Output.Contains("5 departments, 8 heads and deputies, 11 staff — stored.", StringComparison.Ordinal), loaded.Output);
        var stored = await new DirectoryRepository(new CchcTables(AzuriteServer.Shared.ConnectionString, _cli.Prefix)).GetAsync(Agency);
        Assert.Contains("canbo3.nv1@example.gov.vn", stored!.Find("NV1")!.Staff);
    }

    [Fact]
    public async Task Export_without_a_stored_directory_fails_and_bad_usage_is_refused()
    {
        var missing = await _cli.RunAsync("directory", "--export", Path.Combine(_cli.Folder, "x.json"), "--agency", "khong-co");
        Assert.Equal(1, missing.Code);
        Assert.Contains("Agency 'khong-co' has no directory stored.", missing.Error + missing.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_cli.Folder, "x.json")));

        var both = await _cli.RunAsync("directory", "--export", "--move-people", Path.Combine(_cli.Folder, "y.json"));
        Assert.Equal(2, both.Code);
    }
}
