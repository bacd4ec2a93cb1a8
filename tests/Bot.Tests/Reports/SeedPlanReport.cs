using System.Diagnostics;
using CchcBot.Bot.Tests.Support;
using CchcBot.Plan;
using CchcBot.Plan.Files;
using CchcBot.Reports;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Reports;

/// <summary>
/// The bundled 2024 plan (moved to 2026) with the sample directory, as the seed loads them, and a few recorded states:
/// one milestone done on time with its document number, one done late, one blocked with a note, and a cooperating
/// unit's opinion. Holds the bot, the 6-month report built from it and — once per run, it is slow — that report rendered
/// to PDF by LibreOffice, its first page as a PNG in artifacts/report/.
/// </summary>
public sealed class SeedPlanReport : IAsyncLifetime
{
    public static readonly TimeSpan Vn = TimeSpan.FromHours(7);
    public static readonly DateTimeOffset Now = new(2026, 7, 3, 10, 0, 0, Vn);

    private readonly SemaphoreSlim _render = new(1, 1);
    private Rendered? _rendered;

    public BotHarness Bot { get; private set; } = null!;

    public CchcPlan Plan { get; private set; } = null!;

    public AgencyDirectory Directory { get; private set; } = null!;

    public ReportPeriod Period { get; } = ReportPeriod.FirstHalf(2026);

    public byte[] Document { get; private set; } = [];

    public List<Milestone> Dated => Plan.Tasks.SelectMany(t => t.Milestones).Where(m => !m.IsOngoing).ToList();

    public Milestone OnTime { get; private set; } = null!;

    public Milestone Late { get; private set; } = null!;

    public Milestone Blocked { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Bot = await BotHarness.StartAsync(Now);
        Directory = DirectoryFileReader.Read(BundledData.DirectoryJson).Value!;
        Plan = new PlanFileReader().Read(BundledData.PlanJson, Directory, 2026).Value!;
        await Bot.SeedAsync(Plan, Directory);

        var january = Dated.Where(m => m.Due == new DateOnly(2026, 1, 31)).ToList();
        OnTime = january[0];
        Late = january[1];
        Blocked = Dated.First(m => m.Due == new DateOnly(2026, 3, 31));
        await RecordAsync(OnTime, MilestoneStatus.Done, new DateTimeOffset(2026, 1, 20, 9, 0, 0, Vn), "Đã ban hành", "15/KH-TTr");
        await RecordAsync(Late, MilestoneStatus.Done, new DateTimeOffset(2026, 2, 10, 9, 0, 0, Vn), null, "20/BC-TTr");
        await RecordAsync(Blocked, MilestoneStatus.Blocked, new DateTimeOffset(2026, 3, 20, 9, 0, 0, Vn), "Chờ hướng dẫn của Sở Nội vụ", null);
        await new ProgressRepository(Bot.Tables).RecordAsync(new ProgressUpdate(
            Plan.Agency, OnTime.TaskId, OnTime.Id, "op-comment", "truongphong.nv1@example.gov.vn", "Trần Thị Bình",
            new DateTimeOffset(2026, 1, 18, 9, 0, 0, Vn), null, "Đã rà soát 12 văn bản", null));

        Document = (await Bot.Services.GetRequiredService<ReportService>().BuildAsync(Plan.Agency, Period, ReportFormat.Document, default))!;
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        _render.Dispose();
    }

    /// <summary>The document converted to PDF by LibreOffice (once), its page count and size, the first page as PNG.</summary>
    public async Task<Rendered> RenderAsync()
    {
        await _render.WaitAsync();
        try
        {
            return _rendered ??= await ConvertAsync();
        }
        finally
        {
            _render.Release();
        }
    }

    private async Task<Rendered> ConvertAsync()
    {
        var dir = RepoPaths.Of("artifacts", "report");
        System.IO.Directory.CreateDirectory(dir);
        var docx = Path.Combine(dir, "bao-cao-6-thang-2026.docx");
        await File.WriteAllBytesAsync(docx, Document);
        var profile = Path.Combine(Path.GetTempPath(), $"cchc-lo-{Guid.NewGuid():N}");
        try
        {
            await RunAsync("soffice", ["-env:UserInstallation=file://" + profile, "--headless", "--convert-to", "pdf", "--outdir", dir, docx]);
        }
        finally
        {
            if (System.IO.Directory.Exists(profile))
            {
                System.IO.Directory.Delete(profile, recursive: true);
            }
        }

        var pdf = Path.ChangeExtension(docx, ".pdf");
        var info = await RunAsync("pdfinfo", [pdf]);
        var png = Path.Combine(dir, "first-page");
        await RunAsync("pdftoppm", ["-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile", pdf, png]);
        return new Rendered(pdf, info, png + ".png");
    }

    private static async Task<string> RunAsync(string program, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} exited {process.ExitCode}: {await error}");
        }

        return await output;
    }

    private async Task RecordAsync(Milestone m, MilestoneStatus status, DateTimeOffset at, string? note, string? evidence) =>
        await new ProgressRepository(Bot.Tables).RecordAsync(new ProgressUpdate(
            Plan.Agency, m.TaskId, m.Id, $"op-{m.Id}", Directory.ChiefOfOffice, "Nguyễn Văn An", at, status, note, evidence));

    /// <param name="Info">pdfinfo's output.</param>
    public sealed record Rendered(string Pdf, string Info, string FirstPagePng);
}
