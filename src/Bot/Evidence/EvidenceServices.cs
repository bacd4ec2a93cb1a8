using CchcBot.Storage;

namespace CchcBot.Evidence;

public static class EvidenceServices
{
    /// <summary>Blob storage, the evidence store and the cleanup service (the Teams flow and verb are registered with the Teams pieces).</summary>
    public static IServiceCollection AddCchcEvidence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BlobStorageOptions>().Bind(configuration.GetSection(StorageOptions.Section));
        services.AddSingleton<CchcBlobs>();
        services.AddSingleton<EvidenceStore>();
        services.AddSingleton<StorageCleanup>(); // run as a hosted service by the web host only (BotWebApp)
        return services;
    }
}
