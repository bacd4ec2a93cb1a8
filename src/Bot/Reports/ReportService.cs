using CchcBot.Digest;
using CchcBot.Hosting;
using CchcBot.Progress;
using CchcBot.Storage;

namespace CchcBot.Reports;

/// <summary>Builds the periodic report workbook of an agency: figures as of the period's end (or now, if earlier).</summary>
public sealed class ReportService(ISnapshotLoader snapshots, DigestService digest, IProgressRepository progress, BotClock clock)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <returns>The .xlsx bytes, or null when the agency has no plan or directory.</returns>
    public async Task<byte[]?> BuildAsync(string agency, ReportPeriod period, CancellationToken ct)
    {
        var endOfPeriod = new DateTimeOffset(period.End.ToDateTime(new TimeOnly(23, 59)), clock.Zone.GetUtcOffset(period.End.ToDateTime(TimeOnly.MinValue)));
        var at = endOfPeriod < clock.Now ? endOfPeriod : clock.Now;
        var snapshot = await snapshots.LoadAsync(agency, DateOnly.FromDateTime(clock.ToLocal(at)), ct);
        if (snapshot is null)
        {
            return null;
        }

        var history = await progress.GetHistorySinceAsync(agency, DateTimeOffset.MinValue, ct);
        var figures = await digest.FiguresAsync(snapshot, history, at, null, ct);

        using var stream = new MemoryStream();
        WorkbookWriter.Write(stream, QuarterReport.Build(snapshot, figures, history.Where(h => h.At <= at).ToList(), period));
        return stream.ToArray();
    }

    public static string FileName(string agency, ReportPeriod period) => $"bao-cao-cchc-{agency}-{period.Key}.xlsx";
}
