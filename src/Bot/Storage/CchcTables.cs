using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace CchcBot.Storage;

/// <summary>The bot's tables, each named "{TablePrefix}{Name}" and created on first use.</summary>
public sealed class CchcTables
{
    public const string Plans = "Plans";
    public const string Tasks = "Tasks";
    public const string Progress = "Progress";
    public const string DueIndex = "DueIndex";
    public const string Directory = "Directory";
    public const string People = "People";
    public const string Conversations = "Conversations";
    public const string Ledger = "Ledger";

    private readonly TableServiceClient _service;
    private readonly string _prefix;
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new();

    public CchcTables(IOptions<StorageOptions> options)
        : this(options.Value.ConnectionString, options.Value.TablePrefix)
    {
    }

    public CchcTables(string connectionString, string prefix)
    {
        var clientOptions = new TableClientOptions();
        clientOptions.Retry.MaxRetries = 2;
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        _service = new TableServiceClient(connectionString, clientOptions);
        _prefix = prefix;
    }

    public string NameOf(string table) => _prefix + table;

    public Task<TableClient> GetAsync(string table, CancellationToken ct = default) =>
        _tables.GetOrAdd(table, t => new Lazy<Task<TableClient>>(() => CreateAsync(t))).Value
            .ContinueWith(
                task =>
                {
                    if (task.IsFaulted || task.IsCanceled)
                    {
                        // A failed creation (storage down) must not be cached forever.
                        _tables.TryRemove(table, out _);
                    }

                    return task;
                },
                ct,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default)
            .Unwrap();

    /// <summary>A cheap round trip that proves the account answers (used by /healthz).</summary>
    public async Task PingAsync(CancellationToken ct)
    {
        await foreach (var _ in _service.QueryAsync(maxPerPage: 1, cancellationToken: ct).AsPages(pageSizeHint: 1).WithCancellation(ct))
        {
            break;
        }
    }

    private async Task<TableClient> CreateAsync(string table)
    {
        var client = _service.GetTableClient(NameOf(table));
        try
        {
            await client.CreateIfNotExistsAsync();
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Created concurrently by another instance: fine.
        }

        return client;
    }
}
