using Azure.Data.Tables;
using Azure.Storage.Blobs;
using CchcBot.TestSupport;

namespace CchcBot.Bench;

/// <summary>The bench's own in-memory Azurite, emptied after each measure: the emulator scans whole tables and keeps
/// everything in one Node heap, so a measure must not pay for the rows the one before it left (P2 leaves 100k).</summary>
public static class BenchStorage
{
    public static async Task ClearAsync()
    {
        var tables = new TableServiceClient(AzuriteServer.Shared.ConnectionString);
        await foreach (var table in tables.QueryAsync())
        {
            await tables.DeleteTableAsync(table.Name);
        }

        var blobs = new BlobServiceClient(AzuriteServer.Shared.ConnectionString);
        await foreach (var container in blobs.GetBlobContainersAsync())
        {
            await blobs.DeleteBlobContainerAsync(container.Name);
        }
    }
}
