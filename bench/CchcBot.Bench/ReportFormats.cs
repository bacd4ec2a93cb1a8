using System.Diagnostics;
using CchcBot.Digest;
using CchcBot.Plan.Files;
using CchcBot.Plan.Files.Word;
using CchcBot.Progress;
using CchcBot.Reports;
using CchcBot.Reports.Word;
using CchcBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CchcBot.Bench;

/// <summary>
/// P5 (issue 16): the period report of a generated 500-task plan (P4's) as the Word document against the workbook.
/// The snapshot, history and digest figures are loaded once (the same for both, as ReportService does); each run
/// times writing the file.
/// </summary>
public static class ReportFormats
{
    public static async Task<IReadOnlyList<BenchRow>> RunAsync(bool quick)
    {
        var now = new DateTimeOffset(2024, 6, 20, 9, 0, 0, TimeSpan.FromHours(7));
        await using var bot = await BenchBot.StartAsync(now);
        var directory = DirectoryFileReader.Read(BundledData.DirectoryJson).Value!;
        var plan = new WordPlanReader().Read(PlanImport.GeneratedDocx(), directory).Value!;
        await new DirectoryRepository(bot.Tables).ReplaceAsync(directory);
        await new PlanRepository(bot.Tables).SaveAsync(plan);

        var services = bot.App.Services;
        var period = ReportPeriod.ParseHalf("2024-H1");
        var options = services.GetRequiredService<IOptions<ReportOptions>>().Value;
        var asOf = new DateOnly(2024, 6, 14);
        var snapshot = (await services.GetRequiredService<ISnapshotLoader>().LoadAsync(plan.Agency, asOf, default))!;
        var history = await services.GetRequiredService<IProgressRepository>().GetHistorySinceAsync(plan.Agency, DateTimeOffset.MinValue);
        var figures = await services.GetRequiredService<DigestFiguresService>().FiguresAsync(snapshot, history, now, null, default);
        var letterhead = services.GetRequiredService<ReportService>().LetterheadFor(snapshot);
        long docxBytes = 0, xlsxBytes = 0;
        var repeat = quick ? 2 : 5;
        var runs = await Repeated.AlternateAsync("P5 report ms (xlsx | docx)",
            _ => Task.FromResult(Time(repeat, stream => WorkbookWriter.Write(stream, QuarterReport.Build(snapshot, figures, history, period)), ref xlsxBytes)),
            _ => Task.FromResult(Time(repeat, stream => ReportDocument.Write(stream, new ReportInput(snapshot, figures, history, period, asOf, letterhead, options.EffectiveRecipients, options.SignerTitle)), ref docxBytes)));
        var ratio = Samples.Ratios(runs[1], runs[0]);
        return
        [
            new BenchRow("P5", $"report of a {plan.Tasks.Count}-task plan as .xlsx ({xlsxBytes / 1024} KB)", runs[0].Show("0.0", " ms"), "—", true),
            new BenchRow("P5", $"the same report as .docx ({docxBytes / 1024} KB)", runs[1].Show("0.0", " ms"), "—", true),
            new BenchRow("P5", "ratio .docx / .xlsx", ratio.Show("0.00"), "≤ 2", ratio.Median <= 2),
        ];
    }

    private static double Time(int repeat, Action<Stream> write, ref long bytes)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < repeat; i++)
        {
            using var stream = new MemoryStream();
            write(stream);
            bytes = stream.Length;
        }

        return watch.Elapsed.TotalMilliseconds / repeat;
    }
}
