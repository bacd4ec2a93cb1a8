using System.Globalization;
using Azure.Data.Tables;

namespace CchcBot.Storage;

/// <summary>One import of a plan, as <c>plan-history</c> lists it.</summary>
/// <param name="By">"CLI", or the Teams user who confirmed ("Nguyễn Văn An (chanhvanphong@…)").</param>
/// <param name="Changed">False when the file held the plan already stored (nothing was written).</param>
public sealed record ImportRecord(
    DateTimeOffset At,
    string Agency,
    int Year,
    string By,
    string FileName,
    int Tasks,
    int Milestones,
    int Added,
    int ChangedTasks,
    int Removed,
    int Archived,
    bool Changed);

public interface IImportRecordRepository
{
    Task AddAsync(ImportRecord record, CancellationToken ct = default);

    /// <summary>The imports of one agency (null: of every agency), newest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<ImportRecord>> ListAsync(string? agency, int max, CancellationToken ct = default);
}

/// <summary>Table Imports, partition = agency, one row per import ("record|{inverted ticks}|{random}"): newest first by key.</summary>
public sealed class ImportRecordRepository(CchcTables tables) : IImportRecordRepository
{
    private const string Prefix = "record|";

    public async Task AddAsync(ImportRecord record, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Imports, ct);
        var inverted = (DateTimeOffset.MaxValue.UtcTicks - record.At.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        await table.AddEntityAsync(
            new ImportRecordEntity
            {
                PartitionKey = TableKeys.Encode(record.Agency),
                RowKey = $"{Prefix}{inverted}{TableKeys.Separator}{Guid.NewGuid():N}",
                At = record.At,
                Year = record.Year,
                By = record.By,
                FileName = record.FileName,
                TaskCount = record.Tasks,
                Milestones = record.Milestones,
                Added = record.Added,
                ChangedTasks = record.ChangedTasks,
                Removed = record.Removed,
                Archived = record.Archived,
                Changed = record.Changed,
            },
            ct);
    }

    public async Task<IReadOnlyList<ImportRecord>> ListAsync(string? agency, int max, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(CchcTables.Imports, ct);
        var filter = TableFilter.RowStartsWith(Prefix);
        if (agency is not null)
        {
            filter = TableFilter.And(TableFilter.PartitionIs(TableKeys.Encode(agency)), filter);
        }

        var result = new List<ImportRecord>();
        await foreach (var row in table.QueryAsync<ImportRecordEntity>(filter, cancellationToken: ct))
        {
            result.Add(new ImportRecord(
                row.At ?? DateTimeOffset.MinValue,
                TableKeys.Decode(row.PartitionKey),
                row.Year ?? 0,
                row.By ?? string.Empty,
                row.FileName ?? string.Empty,
                row.TaskCount ?? 0,
                row.Milestones ?? 0,
                row.Added ?? 0,
                row.ChangedTasks ?? 0,
                row.Removed ?? 0,
                row.Archived ?? 0,
                row.Changed ?? true));
            if (agency is not null && result.Count >= max)
            {
                break;
            }
        }

        return result.OrderByDescending(r => r.At).Take(max).ToList();
    }
}

/// <summary>An import record row (its property names are the stored format; the task count is "TaskCount").</summary>
internal sealed class ImportRecordEntity : StoredRow
{
    public DateTimeOffset? At { get; set; }

    public int? Year { get; set; }

    public string? By { get; set; }

    public string? FileName { get; set; }

    public int? TaskCount { get; set; }

    public int? Milestones { get; set; }

    public int? Added { get; set; }

    public int? ChangedTasks { get; set; }

    public int? Removed { get; set; }

    public int? Archived { get; set; }

    public bool? Changed { get; set; }
}
