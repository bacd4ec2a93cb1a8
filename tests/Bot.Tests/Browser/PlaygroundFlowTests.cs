using System.Diagnostics;
using CchcBot.Bot.Tests.Support;
using CchcBot.Plan.Files;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Browser;

/// <summary>
/// The local Teams experience end to end: the bot (real host, Azurite), the Microsoft 365 Agents Playground and headless
/// Chromium driven by playwright-core. Screenshots of every step go to artifacts/browser/.
/// </summary>
public sealed class PlaygroundFlowTests
{
    private const string Chromium = "/usr/bin/chromium";
    private const string Note = "Đã ban hành kế hoạch, số 15/KH-TTr";

    [Fact]
    public async Task A_head_marks_a_task_done_from_the_card_in_the_Playground()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: scripts/install-tools.sh installs Debian's chromium (apt-get install chromium) when run as root.");
        await using var bot = await BotHarness.StartAsync(BotHarness.DefaultNow);
        await new DirectoryRepository(bot.Tables).ReplaceAsync(DirectoryFileReader.Read(BundledData.DirectoryJson).Value!);
        await new PlanRepository(bot.Tables).SaveAsync(new PlanFileReader().Read(BundledData.PlanJson, rebaseYear: 2026).Value!);
        using var playground = await PlaygroundProcess.StartAsync(new Uri(bot.Http.BaseAddress!, "/api/messages").ToString());

        var shots = RepoPaths.Of("artifacts", "browser");
        var (code, output) = await RunNodeAsync(RepoPaths.Of("tests", "Bot.Tests", "Browser", "playground-flow.mjs"), playground.Url, shots, Note);

        Assert.True(code == 0, $"The browser flow failed (screenshots in {shots}):\n{output}\n--- Playground log ---\n{playground.Log}");
        var history = await new ProgressRepository(bot.Tables).GetHistorySinceAsync("thanh-tra-soc-trang", DateTimeOffset.MinValue);
        var entry = Assert.Single(history);
        Assert.Equal((CchcBot.Plan.MilestoneStatus.Done, "chanhvanphong@example.gov.vn", Note), (entry.To, entry.By, entry.Note));
    }

    private static async Task<(int Code, string Output)> RunNodeAsync(params string[] args)
    {
        var psi = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true); // node and the Chromium it launched
            await process.WaitForExitAsync();
            return (-1, $"the browser flow did not finish within 90 s (killed):\n{await stdout}{await stderr}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
