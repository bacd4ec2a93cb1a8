using CchcBot.Cli;
using CchcBot.Plan.Files;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Cli;

/// <summary>The operator commands, run in-process with the executable's own entry point, against Azurite.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _prefix = AzuriteServer.NewPrefix();
    private readonly string _folder = Directory.CreateTempSubdirectory("cchc-cli").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Seed_loads_directory_and_plan_and_is_idempotent()
    {
        var first = await RunAsync("seed", "--year", "2026");
        var second = await RunAsync("seed", "--year", "2026");

        Assert.Equal(0, first.Code);
        Assert.Contains("22 tasks, 42 milestones — imported: 22 added", first.Output, StringComparison.Ordinal);
        Assert.Equal(0, second.Code);
        Assert.Contains("already up to date", second.Output, StringComparison.Ordinal);
        var plan = await new PlanRepository(Tables()).GetAsync("thanh-tra-soc-trang");
        Assert.Equal(2026, plan!.Year);
    }

    [Fact]
    public async Task Import_of_a_valid_plan_prints_a_summary()
    {
        await RunAsync("directory", Write("d.json", BundledData.DirectoryJson));

        var result = await RunAsync("import", Write("p.json", BundledData.PlanJson), "--year", "2027");

        Assert.Equal(0, result.Code);
        Assert.Contains("(thanh-tra-soc-trang, 2027): 7 areas, 22 tasks", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_before_the_directory_is_refused_with_the_next_step()
    {
        var result = await RunAsync("import", Write("p.json", BundledData.PlanJson));

        Assert.Equal(1, result.Code);
        Assert.Contains("directory <directory.json>", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_plan_lists_every_problem_with_its_path_and_stores_nothing()
    {
        await RunAsync("directory", Write("d.json", BundledData.DirectoryJson));
        var broken = BundledData.PlanJson.Replace("\"Năm 2024\"", "\"Năm hai nghìn\"", StringComparison.Ordinal).Replace("\"lead\": [\n        \"VP\"", "\"lead\": [\n        \"XX\"", StringComparison.Ordinal);

        var result = await RunAsync("import", Write("p.json", broken));

        Assert.Equal(1, result.Code);
        Assert.Contains("$.tasks[0].timeframe: task TC-1: unknown timeframe phrase 'Năm hai nghìn'", result.Error, StringComparison.Ordinal);
        Assert.Contains("$.tasks[0].lead[0]: unknown department or group 'XX'", result.Error, StringComparison.Ordinal);
        Assert.Null(await new PlanRepository(Tables()).GetAsync("thanh-tra-soc-trang"));
    }

    [Fact]
    public async Task Invalid_directory_is_refused()
    {
        var result = await RunAsync("directory", Write("d.json", "{\"agency\": \"x\", \"departments\": 5}"));

        Assert.Equal(1, result.Code);
        Assert.Contains("$.departments: must be an array", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, "frobnicate")]
    [InlineData(2, "import")]
    [InlineData(2, "import", "a.json", "b.json")]
    [InlineData(2, "seed", "--year", "twenty")]
    [InlineData(2, "seed", "--colour", "red")]
    [InlineData(1, "import", "/no/such/file.json")]
    public async Task Bad_usage_exits_non_zero_with_a_message(int code, params string[] args)
    {
        var result = await RunAsync(args);

        Assert.Equal(code, result.Code);
        Assert.NotEmpty(result.Error);
    }

    [Fact]
    public async Task Invalid_settings_stop_the_command_naming_the_setting()
    {
        var result = await RunAsync(["seed"], new Dictionary<string, string?> { ["Bot:TimeZone"] = "Sao/Hoa" });

        Assert.Equal(2, result.Code);
        Assert.Contains("Bot:TimeZone", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Storage_down_is_a_clear_error_not_a_crash()
    {
        var result = await RunAsync(["seed"], new Dictionary<string, string?> { ["Storage:ConnectionString"] = AzuriteServer.UnreachableConnectionString });

        Assert.Equal(1, result.Code);
        Assert.Contains("Storage is not reachable", result.Error, StringComparison.Ordinal);
    }

    private CchcTables Tables() => new(AzuriteServer.Shared.ConnectionString, _prefix);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private Task<(int Code, string Output, string Error)> RunAsync(params string[] args) => RunAsync(args, null);

    private async Task<(int Code, string Output, string Error)> RunAsync(string[] args, Dictionary<string, string?>? settings)
    {
        var config = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = AzuriteServer.Shared.ConnectionString,
            ["Storage:TablePrefix"] = _prefix,
        };
        foreach (var (k, v) in settings ?? [])
        {
            config[k] = v;
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error, b => b.Configuration.AddInMemoryCollection(config));
        return (code, output.ToString(), error.ToString());
    }
}
