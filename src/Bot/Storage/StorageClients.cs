using System.Text;
using System.Text.RegularExpressions;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Options;

namespace CchcBot.Storage;

/// <summary>
/// The storage account's two service clients, registered once with Microsoft.Extensions.Azure
/// (<see cref="AddCchcStorage"/>): tables (<see cref="CchcTables"/>) and blobs (<see cref="CchcBlobs"/>), each with
/// the retries of Storage:Retry. The table client's pipeline recreates a table that disappeared.
/// </summary>
public static partial class StorageClients
{
    /// <summary>Registers the table and blob service clients, <see cref="CchcTables"/> and the Storage options.</summary>
    public static IServiceCollection AddCchcStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section));
        services.AddOptions<BlobStorageOptions>().Bind(configuration.GetSection(StorageOptions.Section));
        services.AddAzureClients(clients =>
        {
            // A token credential is asked for only with Storage:AccountUrl (or Storage:BlobAccountUrl): a connection
            // string needs none.
            clients.AddClient<TableServiceClient, TableClientOptions>((options, sp) =>
                    NewTableService(sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetRequiredService<TokenCredential>, options))
                .ConfigureOptions((options, sp) => sp.GetRequiredService<IOptions<StorageOptions>>().Value.Retry.ApplyTo(options, StorageRetryOptions.TableNetworkTimeout));
            clients.AddClient<BlobServiceClient, BlobClientOptions>((options, sp) =>
                    NewBlobService(sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetRequiredService<IOptions<BlobStorageOptions>>().Value, sp.GetRequiredService<TokenCredential>, options))
                .ConfigureOptions((options, sp) => sp.GetRequiredService<IOptions<StorageOptions>>().Value.Retry.ApplyTo(options, StorageRetryOptions.BlobNetworkTimeout));
        });
        services.AddSingleton(sp => new CchcTables(sp.GetRequiredService<TableServiceClient>(), sp.GetRequiredService<IOptions<StorageOptions>>().Value.TablePrefix));
        return services;
    }

    /// <summary>The table service client: Storage:AccountUrl with the token credential, else Storage:ConnectionString.</summary>
    /// <param name="options">Client options already set (retries); null: from <paramref name="storage"/>'s Storage:Retry.</param>
    public static TableServiceClient NewTableService(StorageOptions storage, Func<TokenCredential> credential, TableClientOptions? options = null)
    {
        if (options is null)
        {
            options = new TableClientOptions();
            storage.Retry.ApplyTo(options, StorageRetryOptions.TableNetworkTimeout);
        }

        var recreate = new RecreateMissingTablePolicy();
        options.AddPolicy(recreate, HttpPipelinePosition.PerCall);
        var service = storage.UsesAccountUrl
            ? new TableServiceClient(new Uri(storage.AccountUrl!), credential(), options)
            : new TableServiceClient(storage.ConnectionString, options);
        recreate.Service = service;
        return service;
    }

    /// <summary>The blob service client: the blob endpoint with the token credential (<see cref="BlobStorageOptions.BlobEndpoint"/>), else the connection string's.</summary>
    public static BlobServiceClient NewBlobService(StorageOptions storage, BlobStorageOptions blobs, Func<TokenCredential> credential, BlobClientOptions? options = null)
    {
        if (options is null)
        {
            options = new BlobClientOptions();
            storage.Retry.ApplyTo(options, StorageRetryOptions.BlobNetworkTimeout);
        }

        return BlobStorageOptions.BlobEndpoint(storage, blobs) is { } endpoint
            ? new BlobServiceClient(endpoint, credential(), options)
            : new BlobServiceClient(storage.ConnectionString, options);
    }

    /// <summary>
    /// Part of the table service's pipeline: a request answered "table not found" (404 TableNotFound, or a batch whose
    /// change set failed so) creates the table it named and is sent once more — safe, since nothing of it was applied.
    /// </summary>
    private sealed partial class RecreateMissingTablePolicy : HttpPipelinePolicy
    {
        public TableServiceClient? Service { get; set; }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
            if (Service is null || !IsTableNotFound(message) || TableOf(message) is not { } table)
            {
                return;
            }

            try
            {
                await CchcTables.CreateTableIfNotExistsAsync(Service, table, message.CancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is RequestFailedException or HttpRequestException)
            {
                return; // Storage does not let us create it now: the caller gets the original answer.
            }

            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ProcessNext(message, pipeline);
            if (Service is null || !IsTableNotFound(message) || TableOf(message) is not { } table)
            {
                return;
            }

            try
            {
                CchcTables.CreateTableIfNotExists(Service, table, message.CancellationToken);
            }
            catch (Exception e) when (e is RequestFailedException or HttpRequestException)
            {
                return;
            }

            ProcessNext(message, pipeline);
        }

        private static bool IsBatch(HttpMessage message) => message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal);

        private static bool IsTableNotFound(HttpMessage message)
        {
            if (!message.HasResponse)
            {
                return false;
            }

            var response = message.Response;
            if (response.Status != 404 && !(IsBatch(message) && response.Status == 202))
            {
                return false;
            }

            if (response.Headers.TryGetValue("x-ms-error-code", out var code) && code == "TableNotFound")
            {
                return true;
            }

            return response.ContentStream is MemoryStream && response.Content.ToString().Contains("TableNotFound", StringComparison.Ordinal);
        }

        /// <summary>The table a request names: its path's last segment ("…/CchcLedger(PartitionKey=…)"), or for a batch
        /// the path of its first operation (every operation of a batch is on one table).</summary>
        internal static string? TableOf(HttpMessage message)
        {
            if (!IsBatch(message))
            {
                return TableOfPath(message.Request.Uri.Path);
            }

            if (message.Request.Content is not { } content)
            {
                return null;
            }

            using var body = new MemoryStream();
            content.WriteTo(body, message.CancellationToken);
            var match = BatchOperation().Match(Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length));
            return match.Success && Uri.TryCreate(match.Groups[1].Value, UriKind.Absolute, out var uri) ? TableOfPath(uri.AbsolutePath) : null;
        }

        private static string? TableOfPath(string path)
        {
            var cut = path.IndexOf('(', StringComparison.Ordinal);
            var name = (cut < 0 ? path : path[..cut]).TrimEnd('/');
            name = name[(name.LastIndexOf('/') + 1)..];
            return TableName().IsMatch(name) && !name.Equals("Tables", StringComparison.OrdinalIgnoreCase) ? name : null;
        }

        [GeneratedRegex(@"^(?:POST|PUT|PATCH|MERGE|DELETE) (\S+) HTTP/1\.1\r?$", RegexOptions.Multiline)]
        private static partial Regex BatchOperation();

        [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
        private static partial Regex TableName();
    }
}
