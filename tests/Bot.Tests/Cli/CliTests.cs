using CchcBot.Bot.Tests.Storage;
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

    [Fact]
    public async Task A_plan_too_big_for_storage_is_refused_before_any_write_and_the_seeded_plan_stays()
    {
        await RunAsync("seed", "--year", "2026");
        var root = System.Text.Json.Nodes.JsonNode.Parse(BundledData.PlanJson)!.AsObject();
        var template = root["tasks"]![0]!.ToJsonString();
        var tasks = new System.Text.Json.Nodes.JsonArray();
        for (var i = 0; i < 100; i++)
        {
            var task = System.Text.Json.Nodes.JsonNode.Parse(template)!.AsObject();
            task["id"] = $"BIG-{i}";
            task["title"] = new string('x', 9_000);
            tasks.Add(task);
        }

        root["tasks"] = tasks;

        var result = await RunAsync("import", Write("big.json", root.ToJsonString()), "--year", "2026");

        Assert.Equal(1, result.Code);
        Assert.Contains("$.tasks[0].title", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("not reachable", result.Error, StringComparison.Ordinal);
        Assert.Equal(22, (await new PlanRepository(Tables()).GetAsync("thanh-tra-soc-trang"))!.Tasks.Count);
    }

    [Fact]
    public async Task A_plan_of_100000_tasks_is_a_clean_limit_problem()
    {
        await RunAsync("directory", Write("d.json", BundledData.DirectoryJson));
        var tasks = string.Join(",", Enumerable.Range(0, 100_000).Select(i => $"{{\"id\":\"T{i}\",\"area\":\"a\",\"title\":\"t\",\"deliverables\":[\"d\"],\"lead\":[\"VP\"],\"timeframe\":\"Năm 2024\"}}"));
        var json = $"{{\"agency\":\"thanh-tra-soc-trang\",\"year\":2024,\"title\":\"K\",\"areas\":[{{\"id\":\"a\",\"name\":\"A\"}}],\"tasks\":[{tasks}]}}";

        var result = await RunAsync("import", Write("huge.json", json));

        Assert.Equal(1, result.Code);
        Assert.Contains("at most", result.Error, StringComparison.Ordinal);
        Assert.Null(await new PlanRepository(Tables()).GetAsync("thanh-tra-soc-trang"));
    }

    [Fact]
    public async Task A_file_over_10_MB_is_refused_without_reading_it()
    {
        var path = Path.Combine(_folder, "big.json");
        using (var file = File.Create(path))
        {
            file.SetLength(ImportLimits.MaxFileBytes + 1);
        }

        var result = await RunAsync("import", path);

        Assert.Equal(1, result.Code);
        Assert.Contains("at most 10,485,760 bytes (10 MB)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_write_refused_by_storage_in_the_middle_of_an_import_is_reported_as_such_and_the_plan_stays()
    {
        await RunAsync("seed", "--year", "2026");
        await using var proxy = await FaultyStorageProxy.StartAsync();
        proxy.Failure = (413, "RequestBodyTooLarge");
        proxy.WritesBeforeFailure = 1;
        var changed = BundledData.PlanJson.Replace("Xây dựng", "Soạn thảo", StringComparison.Ordinal);

        var result = await RunAsync(["import", Write("p.json", changed), "--year", "2026"], new Dictionary<string, string?> { ["Storage:ConnectionString"] = proxy.ConnectionString });

        Assert.Equal(1, result.Code);
        Assert.Contains("Storage refused the request (413 RequestBodyTooLarge)", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("not reachable", result.Error, StringComparison.Ordinal);
        var plan = await new PlanRepository(Tables()).GetAsync("thanh-tra-soc-trang");
        Assert.Equal(22, plan!.Tasks.Count);
        Assert.DoesNotContain(plan.Tasks, t => t.Title.Contains("Soạn thảo", StringComparison.Ordinal));

        var rerun = await RunAsync("import", Write("p.json", changed), "--year", "2026");
        Assert.Equal(0, rerun.Code);
        Assert.Contains("Removed", rerun.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_storage_refusal_is_reported_as_what_it_is()
    {
        Assert.Equal(
            "Storage refused the request (413 RequestBodyTooLarge): The request body is too large.",
            CliApp.DescribeFailure(new AggregateException(new Azure.RequestFailedException(413, "The request body is too large.\nRequestId:1", "RequestBodyTooLarge", null))));
        Assert.StartsWith("Storage is not reachable", CliApp.DescribeFailure(new Azure.RequestFailedException(503, "Service unavailable")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_directory_naming_the_chief_of_office_of_another_agency_is_refused_unless_people_are_moved()
    {
        await RunAsync("seed", "--year", "2026");
        var other = BundledData.DirectoryJson.Replace("\"thanh-tra-soc-trang\"", "\"so-noi-vu\"", StringComparison.Ordinal);
        var sample = DirectoryFileReader.Read(BundledData.DirectoryJson).Value!;

        var refused = await RunAsync("directory", Write("other.json", other));

        Assert.Equal(1, refused.Code);
        Assert.Contains($"{sample.ChiefOfOffice} is in the directory of 'thanh-tra-soc-trang'; the file names them for 'so-noi-vu'", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--move-people", refused.Error, StringComparison.Ordinal);
        Assert.Null(await new DirectoryRepository(Tables()).GetAsync("so-noi-vu"));

        var moved = await RunAsync("directory", Write("other.json", other), "--move-people");

        Assert.Equal(0, moved.Code);
        Assert.Contains("Moved", moved.Output, StringComparison.Ordinal);
        Assert.Equal(["so-noi-vu"], await new DirectoryRepository(Tables()).AgenciesOfAsync(sample.ChiefOfOffice));
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
