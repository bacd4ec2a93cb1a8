using CchcBot.Storage;
using CchcBot.Teams.CardActions;
using CchcBot.Teams.Files;

namespace CchcBot.Evidence;

public static class EvidenceServices
{
    /// <summary>Blob storage, the evidence flow (registered after the flows added before it), verb attachEvidence, the cleanup service.</summary>
    public static IServiceCollection AddCchcEvidence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BlobStorageOptions>().Bind(configuration.GetSection(StorageOptions.Section));
        services.AddSingleton<CchcBlobs>();
        services.AddSingleton<EvidenceStore>();
        services.AddSingleton<IIncomingFileFlow, EvidenceFlow>();
        services.AddSingleton<ICardAction, AttachEvidenceAction>();
        services.AddSingleton<StorageCleanup>(); // run as a hosted service by the web host only (BotWebApp)
        return services;
    }
}
