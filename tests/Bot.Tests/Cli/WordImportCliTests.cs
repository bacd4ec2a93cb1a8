using CchcBot.Bot.Tests.Plan.Word;
using CchcBot.Cli;
using CchcBot.Plan.Files;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Cli;

/// <summary>`import` takes the agency's own Word document, recognised by its content, through the same checks and save.</summary>
public sealed class WordImportCliTests : IDisposable
{
    private readonly CliSandbox _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task The_seed_plan_as_a_Word_document_imports_like_the_bundled_plan_whatever_the_file_is_called()
    {
        await _cli.RunAsync("directory", _cli.Write("d.json", System.Text.Encoding.UTF8.GetBytes(BundledData.DirectoryJson)));

        var result = await _cli.RunAsync("import", _cli.Write("ke-hoach.bin", SeedPlanDocx.Build()), "--agency", "thanh-tra-soc-trang");

        Assert.True(result.Code == 0, result.Error);
        Assert.Contains("(thanh-tra-soc-trang, 2024): 7 areas, 22 tasks, 42 milestones — imported: 22 added", result.Output, StringComparison.Ordinal);
        var plan = await new PlanRepository(new CchcTables(AzuriteServer.Shared.ConnectionString, _cli.Prefix)).GetAsync("thanh-tra-soc-trang");
        Assert.Equal(22, plan!.Tasks.Count);
    }

    [Fact]
    public async Task A_Word_plan_with_no_stored_agency_asks_for_one()
    {
        var result = await _cli.RunAsync("import", _cli.Write("p.docx", SeedPlanDocx.Build()));

        Assert.Equal(2, result.Code);
        Assert.Contains("--agency", result.Error, StringComparison.Ordinal);
    }


}
