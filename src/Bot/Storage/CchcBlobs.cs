using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Options;

namespace CchcBot.Storage;

/// <summary>
/// The bot's blob containers: one per agency for its evidence files ("{prefix}-a-{hash of the agency id}"), and one for
/// report downloads ("{prefix}-reports"), where prefix is Storage:TablePrefix in lower case. Containers are private
/// (no public access) and created on first use; blob names are ids the bot makes, never text a user typed.
/// </summary>
public sealed class CchcBlobs
{
    private readonly Lazy<BlobServiceClient> _service;
    private readonly string _prefix;
    private readonly ConcurrentDictionary<string, Lazy<Task<BlobContainerClient>>> _containers = new();

    /// <param name="clients">The blob service client registered once (<see cref="StorageClients.AddCchcStorage"/>).</param>
    public CchcBlobs(IAzureClientFactory<BlobServiceClient> clients, IOptions<StorageOptions> storage)
        : this(new Lazy<BlobServiceClient>(() => clients.CreateClient(DefaultClient)), storage.Value.TablePrefix)
    {
    }

    public CchcBlobs(BlobServiceClient service, string prefix)
        : this(new Lazy<BlobServiceClient>(service), prefix)
    {
    }

    /// <summary>The client is made on first use: an operator command that never touches blobs never needs a blob endpoint.</summary>
    private CchcBlobs(Lazy<BlobServiceClient> service, string prefix)
    {
        _service = service;
        _prefix = prefix.ToLowerInvariant();
    }

    public const string ReportsSuffix = "-reports";

    /// <summary>Microsoft.Extensions.Azure's name of a client registered without a name.</summary>
    private const string DefaultClient = "Default";

    /// <summary>The name of an agency's evidence container: never the agency id itself, which may hold any character.</summary>
    public string AgencyContainerName(string agency) =>
        $"{_prefix}-a-{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(agency)))[..20].ToLowerInvariant()}";

    public string ReportsContainerName => _prefix + ReportsSuffix;

    public Task<BlobContainerClient> AgencyAsync(string agency, CancellationToken ct) => GetAsync(AgencyContainerName(agency), ct);

    public Task<BlobContainerClient> ReportsAsync(CancellationToken ct) => GetAsync(ReportsContainerName, ct);

    private Task<BlobContainerClient> GetAsync(string name, CancellationToken ct) =>
        _containers.GetOrAdd(name, n => new Lazy<Task<BlobContainerClient>>(() => CreateAsync(n))).Value
            .ContinueWith(
                task =>
                {
                    if (task.IsFaulted || task.IsCanceled)
                    {
                        _containers.TryRemove(name, out _); // storage down: try again next time
                    }

                    return task;
                },
                ct,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default)
            .Unwrap();

    private async Task<BlobContainerClient> CreateAsync(string name)
    {
        var container = _service.Value.GetBlobContainerClient(name);
        try
        {
            await container.CreateIfNotExistsAsync(PublicAccessType.None);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Created concurrently by another instance.
        }

        return container;
    }

    /// <summary>Forgets a container (deleted by hand while the bot runs): the next use creates it again.</summary>
    public void Forget(BlobContainerClient container) => _containers.TryRemove(container.Name, out _);
}
