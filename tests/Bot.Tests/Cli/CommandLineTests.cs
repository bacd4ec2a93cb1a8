using System.Diagnostics;
using System.Text;
using CchcBot.Bot.Tests.Storage;
using CchcBot.Cli;
using CchcBot.Plan.Files;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Cli;

/// <summary>The command line on System.CommandLine: help, usage errors, which arguments start the web host, and Ctrl+C.</summary>
public sealed class CommandLineTests : IDisposable
{
    private const string Agency = "thanh-tra-soc-trang";
    private readonly CliSandbox _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>Each sub-command README documents, with every option README gives it.</summary>
    public static TheoryData<string, string[]> Documented() => new()
    {
        { "import", ["--year", "--agency", "--dry-run", "--write-json"] },
        { "directory", ["--move-people", "--export", "--agency"] },
        { "seed", ["--year"] },
        { "remind", ["--at", "--dry-run"] },
        { "digest", ["--at", "--force"] },
        { "report", ["--quarter", "--half", "--year", "--out", "--agency", "--plan-year"] },
        { "plan-history", ["--agency", "--limit"] },
    };

    [Theory]
    [MemberData(nameof(Documented))]
    public async Task Help_of_every_sub_command_lists_its_options_and_exits_0_without_building_the_host(string command, string[] options)
    {
        foreach (var help in new[] { "--help", "-h" })
        {
            var (code, output, error, hostBuilt) = await RunWithoutStorageAsync(command, help);

            Assert.True(code == 0, error);
            Assert.False(hostBuilt, "--help built the services (settings, storage)");
            Assert.Contains($"Usage:{Environment.NewLine}  CchcBot {command}", output, StringComparison.Ordinal);
            foreach (var option in options)
            {
                Assert.Contains("  " + option + " ", output, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Root_help_lists_every_command_and_the_exit_codes_without_starting_the_web_host()
    {
        var (code, output, error, hostBuilt) = await RunWithoutStorageAsync("--help").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(code == 0, error);
        Assert.False(hostBuilt);
        Assert.Equal(Documented().Select(row => (string)row[0]).Order(), CliCommands.Create().Select(c => c.Definition.Name).Order());
        foreach (var command in CliCommands.Create())
        {
            Assert.Contains("  " + command.Definition.Name + " ", output, StringComparison.Ordinal);
        }

        Assert.Contains("130 cancelled (Ctrl+C)", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "seed", "--colour", "red" }, "Unrecognized command or argument '--colour'.")]
    [InlineData(new[] { "import", "p.json", "--dryrun" }, "Unrecognized command or argument '--dryrun'.")]
    [InlineData(new[] { "remind", "--at" }, "--at")]
    [InlineData(new[] { "remind" }, "Option '--at' is required.")]
    [InlineData(new[] { "digest", "--at", "2026-07-03T10:00:00" }, "--at must be an ISO-8601 instant with an offset")]
    [InlineData(new[] { "report", "--quarter", "2026-Q1", "--half", "2026-H1", "--out", "r.docx" }, "Give exactly one of --quarter YYYY-Qn, --half YYYY-H1 or --year YYYY.")]
    [InlineData(new[] { "directory", "d.json", "--agency", "x" }, "--agency goes with --export")]
    [InlineData(new[] { "frobnicate" }, "Unknown command 'frobnicate'. The commands: import, directory, seed, remind, digest, report, plan-history.")]
    [InlineData(new[] { "-x" }, "Unknown command '-x'.")]
    public async Task An_unknown_or_malformed_argument_exits_2_with_a_message_and_the_way_to_help_before_touching_storage(string[] args, string message)
    {
        var (code, output, error, hostBuilt) = await RunWithoutStorageAsync(args);

        Assert.Equal(CliExitCodes.Usage, code);
        Assert.Empty(output);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Contains("--help", error, StringComparison.Ordinal);
        Assert.False(hostBuilt);
    }

    [Fact]
    public async Task Usage_errors_are_in_English_whatever_the_machine_language()
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var (code, _, error, _) = await RunWithoutStorageAsync("seed", "--colour");

            Assert.Equal(CliExitCodes.Usage, code);
            Assert.Contains("Unrecognized command or argument '--colour'.", error, StringComparison.Ordinal);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(true, "--urls", "http://127.0.0.1:3978")]
    [InlineData(true, "--environment", "Production", "seed")]
    [InlineData(false, "--help")]
    [InlineData(false, "-h")]
    [InlineData(false, "seed")]
    [InlineData(false, "frobnicate", "--urls", "x")]
    public void The_web_host_runs_with_no_arguments_or_only_its_own_options(bool webHost, params string[] args) =>
        Assert.Equal(webHost, CliApp.RunsWebHost(args));

    [Fact]
    public async Task A_command_cancelled_before_it_starts_exits_130_and_stores_nothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var result = await _cli.RunAsync(["seed", "--year", "2026"], cancelled.Token);

        Assert.Equal(CliExitCodes.Cancelled, result.Code);
        Assert.Contains("Cancelled: 'seed' stopped before it finished;", result.Error, StringComparison.Ordinal);
        Assert.Null(await new DirectoryRepository(Tables()).GetAsync(Agency));
        Assert.Null(await new PlanRepository(Tables()).GetAsync(Agency));
    }

    [Fact]
    public async Task An_import_cancelled_during_a_storage_write_exits_130_and_the_stored_plan_stays_whole()
    {
        Assert.Equal(0, (await _cli.RunAsync("seed", "--year", "2026")).Code);
        await using var proxy = await FaultyStorageProxy.StartAsync();
        proxy.PauseAtWrite = 2;
        var changed = BundledData.PlanJson.Replace("Xây dựng", "Soạn thảo", StringComparison.Ordinal);
        var file = _cli.Write("p.json", Encoding.UTF8.GetBytes(changed));
        using var ctrlC = new CancellationTokenSource();

        var run = _cli.RunAsync(["import", file, "--year", "2026"], ctrlC.Token, proxy.ConnectionString);
        await proxy.Paused.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await ctrlC.CancelAsync();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(60));
        proxy.Resume.TrySetResult();

        Assert.Equal(CliExitCodes.Cancelled, result.Code);
        Assert.Contains("Cancelled: 'import' stopped before it finished;", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("imported", result.Output, StringComparison.Ordinal);
        var plan = await new PlanRepository(Tables()).GetAsync(Agency);
        Assert.Equal(22, plan!.Tasks.Count);
        Assert.DoesNotContain(plan.Tasks, t => t.Title.Contains("Soạn thảo", StringComparison.Ordinal));

        var rerun = await _cli.RunAsync("import", file, "--year", "2026");
        Assert.True(rerun.Code == 0, rerun.Error);
        Assert.Contains("— imported:", rerun.Output, StringComparison.Ordinal);
        Assert.Contains((await new PlanRepository(Tables()).GetAsync(Agency))!.Tasks, t => t.Title.Contains("Soạn thảo", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("switch")]
    [InlineData("clean-up")]
    [InlineData("record")]
    public async Task Ctrl_C_once_the_import_switches_to_the_new_plan_lets_it_finish_with_its_record(string step)
    {
        Assert.Equal(0, (await _cli.RunAsync("seed", "--year", "2026")).Code);
        await using var proxy = await FaultyStorageProxy.StartAsync();
        using var ctrlC = new CancellationTokenSource();
        var switched = false;
        PressCtrlC(proxy, ctrlC, (method, path, body) =>
        {
            var isSwitch = body.Contains("Committed", StringComparison.Ordinal);
            var pressed = step switch
            {
                "switch" => isSwitch,
                "clean-up" => switched && body.Contains("DELETE ", StringComparison.Ordinal),
                _ => method == "POST" && path.EndsWith(CchcTables.Imports, StringComparison.Ordinal),
            };
            switched |= isSwitch;
            return pressed;
        });
        var changed = BundledData.PlanJson.Replace("Xây dựng", "Soạn thảo", StringComparison.Ordinal);

        var result = await _cli.RunAsync(["import", _cli.Write("p.json", Encoding.UTF8.GetBytes(changed)), "--year", "2026"], ctrlC.Token, proxy.ConnectionString);

        Assert.True(ctrlC.IsCancellationRequested, $"no request of the step '{step}' was seen");
        Assert.True(result.Code == 0, $"exit {result.Code}: {result.Error}");
        Assert.Contains("— imported:", result.Output, StringComparison.Ordinal);
        Assert.Contains((await new PlanRepository(Tables()).GetAsync(Agency))!.Tasks, t => t.Title.Contains("Soạn thảo", StringComparison.Ordinal));
        var history = await _cli.RunAsync("plan-history");
        Assert.Contains("2 import(s), newest first:", history.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Removed", (await _cli.RunAsync("import", _cli.Write("p.json", Encoding.UTF8.GetBytes(changed)), "--year", "2026")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ctrl_C_during_a_directory_load_lets_its_writes_finish_together()
    {
        Assert.Equal(0, (await _cli.RunAsync("seed", "--year", "2026")).Code);
        await using var proxy = await FaultyStorageProxy.StartAsync();
        using var ctrlC = new CancellationTokenSource();
        PressCtrlC(proxy, ctrlC, (method, path, _) => method != "GET" && !path.EndsWith("/Tables", StringComparison.Ordinal));
        var edited = System.Text.Json.Nodes.JsonNode.Parse(BundledData.DirectoryJson)!;
        edited["departments"]![1]!["staff"]!.AsArray().Add("canbo9.nv1@example.gov.vn");

        var result = await _cli.RunAsync(["directory", _cli.Write("d.json", Encoding.UTF8.GetBytes(edited.ToJsonString()))], ctrlC.Token, proxy.ConnectionString);

        Assert.True(ctrlC.IsCancellationRequested);
        Assert.True(result.Code == 0, $"exit {result.Code}: {result.Error}");
        Assert.Contains("— stored.", result.Output, StringComparison.Ordinal);
        var stored = await new DirectoryRepository(Tables()).GetAsync(Agency);
        Assert.Contains(stored!.Departments, d => d.Staff.Contains("canbo9.nv1@example.gov.vn"));
    }

    [Fact]
    public async Task A_file_write_cancelled_leaves_the_old_file_and_no_partial_copy()
    {
        var path = _cli.Write("report.docx", Encoding.UTF8.GetBytes("old"));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CliFiles.WriteAtomicallyAsync(path, new byte[1 << 20], "Cannot write", cancelled.Token));

        Assert.Equal("old", await File.ReadAllTextAsync(path));
        Assert.Equal([path], Directory.GetFiles(_cli.Folder));
    }

    [Fact]
    public async Task Ctrl_C_on_the_executable_cancels_a_running_import_with_exit_code_130()
    {
        Assert.Equal(0, (await _cli.RunAsync("seed", "--year", "2026")).Code);
        await using var proxy = await FaultyStorageProxy.StartAsync();
        proxy.PauseAtWrite = 2;
        var file = _cli.Write("p.json", Encoding.UTF8.GetBytes(BundledData.PlanJson.Replace("Xây dựng", "Soạn thảo", StringComparison.Ordinal)));
        var psi = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { typeof(CliApp).Assembly.Location, "import", file, "--year", "2026" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        psi.Environment["Storage__ConnectionString"] = proxy.ConnectionString;
        psi.Environment["Storage__TablePrefix"] = _cli.Prefix;
        // The paused write must wait for Ctrl+C however late it comes on a loaded machine: with the default 10 s network
        // timeout the client gave up on it, retried, and the import finished before the signal arrived.
        psi.Environment["Storage__Retry__NetworkTimeout"] = "00:05:00";
        using var process = Process.Start(psi)!;
        try
        {
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEndAsync();
            await proxy.Paused.Task.WaitAsync(TimeSpan.FromSeconds(60));

            ChildProcess.Signal(process, "INT");
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            proxy.Resume.TrySetResult();

            Assert.True(process.ExitCode == CliExitCodes.Cancelled, $"exit {process.ExitCode}: {await error}{await output}");
            Assert.Contains("Cancelled: 'import' stopped before it finished;", await error, StringComparison.Ordinal);
            var plan = await new PlanRepository(Tables()).GetAsync(Agency);
            Assert.DoesNotContain(plan!.Tasks, t => t.Title.Contains("Soạn thảo", StringComparison.Ordinal));
        }
        finally
        {
            proxy.Resume.TrySetResult();
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>"Presses Ctrl+C" (cancels <paramref name="ctrlC"/>) when the first request <paramref name="when"/> picks
    /// (method, path, body) reaches storage, then lets it through as storage would get it: the command's token is
    /// cancelled while that call is in flight.</summary>
    private static void PressCtrlC(FaultyStorageProxy proxy, CancellationTokenSource ctrlC, Func<string, string, string, bool> when) =>
        proxy.BeforeForward = async (method, path, body) =>
        {
            if (!ctrlC.IsCancellationRequested && when(method, path, body))
            {
                await ctrlC.CancelAsync();
                await Task.Delay(200);
            }
        };

    /// <summary>Runs the entry point with settings that would stop any start (an unknown time zone, storage that does not
    /// answer), and records whether the services were built at all.</summary>
    private static async Task<(int Code, string Output, string Error, bool HostBuilt)> RunWithoutStorageAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var hostBuilt = false;
        var code = await CliApp.RunAsync(args, output, error, b =>
        {
            hostBuilt = true;
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = AzuriteServer.UnreachableConnectionString,
                ["Bot:TimeZone"] = "Sao/Hoa",
            });
        });
        return (code, output.ToString(), error.ToString(), hostBuilt);
    }

    private CchcTables Tables() => new(AzuriteServer.Shared.ConnectionString, _cli.Prefix);
}
