using System.Collections.Concurrent;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Options;

namespace CchcBot.Storage;

/// <summary>
/// The bot's tables, each named "{TablePrefix}{Name}" and created on first use. The account is reached either with a
/// connection string (Azurite, an account key) or with Storage:AccountUrl and a token credential (the App Service's
/// managed identity). A table that disappears later (storage restored from an older state, deleted by hand) is created
/// again: any operation answered 404 TableNotFound recreates the table and is sent once more.
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

    private readonly TableServiceClient _service;
    private readonly Func<string, TableClientOptions, TableClient> _newTable;
    private readonly string _prefix;
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new();

    public CchcTables(IOptions<StorageOptions> options)
        : this(Create(options.Value, () => new DefaultAzureCredential()))
    {
    }

    /// <summary>Tables reached with a connection string (Azurite, an account key).</summary>
    public CchcTables(string connectionString, string prefix)
        : this(new TableServiceClient(connectionString, NewOptions()), (name, o) => new TableClient(connectionString, name, o), prefix)
    {
    }

    /// <summary>Tables reached with a token credential (Storage:AccountUrl and the managed identity).</summary>
    public CchcTables(Uri accountUrl, TokenCredential credential, string prefix)
        : this(new TableServiceClient(accountUrl, credential, NewOptions()), (name, o) => new TableClient(accountUrl, name, credential, o), prefix)
    {
    }

    private CchcTables(CchcTables other)
        : this(other._service, other._newTable, other._prefix)
    {
    }

    private CchcTables(TableServiceClient service, Func<string, TableClientOptions, TableClient> newTable, string prefix)
    {
        _service = service;
        _newTable = newTable;
        _prefix = prefix;
    }

    /// <summary>Storage:AccountUrl wins over Storage:ConnectionString (which has a default for Azurite).</summary>
    public static CchcTables Create(StorageOptions options, Func<TokenCredential> credential) =>
        options.UsesAccountUrl
            ? new CchcTables(new Uri(options.AccountUrl!), credential(), options.TablePrefix)
            : new CchcTables(options.ConnectionString, options.TablePrefix);

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

    private static TableClientOptions NewOptions()
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 2;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        return options;
    }

    private async Task<TableClient> CreateAsync(string table)
    {
        var options = NewOptions();
        options.AddPolicy(new RecreateMissingTablePolicy(this, table), HttpPipelinePosition.PerCall);
        var client = _newTable(NameOf(table), options);
        await CreateTableAsync(table, CancellationToken.None);
        return client;
    }

    private async Task CreateTableAsync(string table, CancellationToken ct)
    {
        try
        {
            await _service.CreateTableIfNotExistsAsync(NameOf(table), ct);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Created concurrently by another instance: fine.
        }
    }

    private void CreateTable(string table, CancellationToken ct)
    {
        try
        {
            _service.CreateTableIfNotExists(NameOf(table), ct);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Created concurrently by another instance: fine.
        }
    }

    /// <summary>
    /// Part of every table client's pipeline: a request answered "table not found" (404 TableNotFound, or a batch whose
    /// change set failed so) creates the table and is sent once more — safe, since nothing of it was applied. If the
    /// table cannot be created now, the cached creation is forgotten so the next use tries again.
    /// </summary>
    private sealed class RecreateMissingTablePolicy(CchcTables owner, string table) : HttpPipelinePolicy
    {
        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
            if (!IsTableNotFound(message))
            {
                return;
            }

            try
            {
                await owner.CreateTableAsync(table, message.CancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is RequestFailedException or HttpRequestException)
            {
                owner._tables.TryRemove(table, out _);
                return;
            }

            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ProcessNext(message, pipeline);
            if (!IsTableNotFound(message))
            {
                return;
            }

            try
            {
                owner.CreateTable(table, message.CancellationToken);
            }
            catch (Exception e) when (e is RequestFailedException or HttpRequestException)
            {
                owner._tables.TryRemove(table, out _);
                return;
            }

            ProcessNext(message, pipeline);
        }

        private static bool IsTableNotFound(HttpMessage message)
        {
            if (!message.HasResponse)
            {
                return false;
            }

            var response = message.Response;
            var isBatch = message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal);
            if (response.Status != 404 && !(isBatch && response.Status == 202))
            {
                return false;
            }

            if (response.Headers.TryGetValue("x-ms-error-code", out var code) && code == "TableNotFound")
            {
                return true;
            }

            return response.ContentStream is MemoryStream && response.Content.ToString().Contains("TableNotFound", StringComparison.Ordinal);
        }
    }
}
