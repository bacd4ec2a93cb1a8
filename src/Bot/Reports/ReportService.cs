using CchcBot.Digest;
using CchcBot.Hosting;
using CchcBot.Progress;
using CchcBot.Reports.Word;
using CchcBot.Storage;
using Microsoft.Extensions.Options;

namespace CchcBot.Reports;

/// <summary>The two files a periodic report comes as.</summary>
public enum ReportFormat
{
    Workbook,
    Document,
}

/// <summary>
/// Builds an agency's periodic report — the workbook (.xlsx) or the Word document (.docx) — as of the period's cut-off
/// (<see cref="ReportOptions.CutOffDay"/> of its last month, end of that day; or now, if earlier). Both come from one
/// snapshot and one set of digest figures, so they agree on every figure.
/// </summary>
public sealed class ReportService(
    ISnapshotLoader snapshots, DigestFiguresService digest, IProgressRepository progress, BotClock clock, IOptions<ReportOptions> options, Evidence.EvidenceStore evidence)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <returns>The .xlsx bytes, or null when the agency has no plan or directory.</returns>
    public Task<byte[]?> BuildAsync(string agency, ReportPeriod period, CancellationToken ct) => BuildAsync(agency, period, ReportFormat.Workbook, ct);

    /// <returns>The file's bytes, or null when the agency has no plan or directory.</returns>
    public async Task<byte[]?> BuildAsync(string agency, ReportPeriod period, ReportFormat format, CancellationToken ct, int? planYear = null)
    {
        var files = await BuildAllAsync(agency, period, [format], ct, planYear);
        return files?[format];
    }

    /// <summary>Both files (or those asked for) from one snapshot; null when the agency has no plan or directory.</summary>
    /// <param name="planYear">The stored plan to report on; null: the plan of the period's year when one is stored, else the latest.</param>
    public async Task<IReadOnlyDictionary<ReportFormat, byte[]>?> BuildAllAsync(
        string agency, ReportPeriod period, IReadOnlyCollection<ReportFormat> formats, CancellationToken ct, int? planYear = null)
    {
        var settings = options.Value;
        var cutOff = period.CutOff(settings.CutOffDay);
        var endOfCutOff = new DateTimeOffset(cutOff.ToDateTime(new TimeOnly(23, 59)), clock.Zone.GetUtcOffset(cutOff.ToDateTime(TimeOnly.MinValue)));
        var at = endOfCutOff < clock.Now ? endOfCutOff : clock.Now;
        var asOf = clock.LocalDate(at);
        var snapshot = await snapshots.LoadAsync(agency, planYear ?? period.Start.Year, asOf, ct)
            ?? (planYear is null ? await snapshots.LoadAsync(agency, asOf, ct) : null);
        if (snapshot is null)
        {
            return null;
        }

        var history = await progress.GetHistorySinceAsync(snapshot.Plan.ProgressScope, DateTimeOffset.MinValue, ct);
        DigestFigures figures = await digest.FiguresAsync(snapshot, history, at, null, ct);
        var upToNow = history.Where(h => h.At <= at).ToList();
        var files = (await evidence.FilesAsync(snapshot.Plan.Agency, snapshot.Plan.ProgressScope, ct))
            .Where(f => f.At <= at)
            .GroupBy(f => f.MilestoneId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(f => f.FileName).ToList(), StringComparer.Ordinal);

        var output = new Dictionary<ReportFormat, byte[]>();
        foreach (var format in formats.Distinct())
        {
            using var stream = new MemoryStream();
            if (format == ReportFormat.Workbook)
            {
                WorkbookWriter.Write(stream, QuarterReport.Build(snapshot, figures, upToNow, period, files));
            }
            else
            {
                ReportDocument.Write(stream, new ReportInput(
                    snapshot, figures, upToNow, period, asOf, LetterheadFor(snapshot), settings.EffectiveRecipients, settings.SignerTitle, files));
            }

            output[format] = stream.ToArray();
        }

        return output;
    }

    /// <summary>
    /// The letterhead of the agency's report: each of the directory's agencyName / parentAgencyName / place /
    /// documentCode where given, else the <c>Reports:*</c> setting, else the sample agency's.
    /// </summary>
    public ReportLetterhead LetterheadFor(PlanSnapshot snapshot)
    {
        var settings = options.Value.Letterhead;
        var directory = snapshot.Directory.Letterhead;
        return directory is null ? settings : new ReportLetterhead(
            directory.ParentAgencyName ?? settings.ParentAgency,
            directory.AgencyName ?? settings.Agency,
            directory.Place ?? settings.Place,
            directory.DocumentCode ?? settings.DocumentCode);
    }

    public static string FileName(string agency, ReportPeriod period) => FileName(agency, period, ReportFormat.Workbook);

    public static string FileName(string agency, ReportPeriod period, ReportFormat format) =>
        $"bao-cao-cchc-{agency}-{period.Key}{Extension(format)}";

    public static string Extension(ReportFormat format) => format == ReportFormat.Document ? ".docx" : ".xlsx";

    /// <summary>The media type of a report file by its name's extension (.docx or .xlsx).</summary>
    public static string ContentTypeOf(string fileName) =>
        fileName.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) ? ReportDocument.ContentType : ContentType;

    /// <summary>The format a file name asks for by its extension; null for anything but .docx and .xlsx.</summary>
    public static ReportFormat? FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".docx" => ReportFormat.Document,
        ".xlsx" => ReportFormat.Workbook,
        _ => null,
    };
}
