using System.Collections.Concurrent;
using Azure;
using Azure.Core;
using Azure.Data.Tables;

namespace CchcBot.Storage;

/// <summary>
/// The bot's tables, each named "{TablePrefix}{Name}" and created on first use. The account is reached either with a
/// connection string (Azurite, an account key) or with Storage:AccountUrl and a token credential (the App Service's
/// managed identity). Every table client shares the pipeline of one <see cref="TableServiceClient"/> (registered once,
/// with the retries of Storage:Retry: <see cref="StorageClients"/>). A table that disappears later (storage restored
/// from an older state, deleted by hand) is created again: any operation answered 404 TableNotFound recreates the
/// table and is sent once more.
/// </summary>
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
    public const string Imports = "Imports";
    public const string TeamInstalls = "TeamInstalls";

    private readonly TableServiceClient _service;
    private readonly string _prefix;
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new();

    /// <param name="service">A service client whose pipeline recreates missing tables (<see cref="StorageClients.NewTableService"/>).</param>
    public CchcTables(TableServiceClient service, string prefix)
    {
        _service = service;
        _prefix = prefix;
    }

    /// <summary>Tables reached with a connection string (Azurite, an account key).</summary>
    public CchcTables(string connectionString, string prefix, StorageRetryOptions? retry = null)
        : this(StorageClients.NewTableService(new StorageOptions { ConnectionString = connectionString, Retry = retry ?? new() }, () => throw new InvalidOperationException("no credential needed")), prefix)
    {
    }

    /// <summary>Tables reached with a token credential (Storage:AccountUrl and the managed identity).</summary>
    public CchcTables(Uri accountUrl, TokenCredential credential, string prefix)
        : this(StorageClients.NewTableService(new StorageOptions { AccountUrl = accountUrl.ToString() }, () => credential), prefix)
    {
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
        await CreateTableIfNotExistsAsync(_service, NameOf(table), CancellationToken.None);
        return _service.GetTableClient(NameOf(table));
    }

    internal static async Task CreateTableIfNotExistsAsync(TableServiceClient service, string name, CancellationToken ct)
    {
        try
        {
            await service.CreateTableIfNotExistsAsync(name, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Created concurrently by another instance: fine.
        }
    }

    internal static void CreateTableIfNotExists(TableServiceClient service, string name, CancellationToken ct)
    {
        try
        {
            service.CreateTableIfNotExists(name, ct);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Created concurrently by another instance: fine.
        }
    }
}
