using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CchcBot.Digest;

public static class DigestServices
{
    public static IServiceCollection AddCchcDigest(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DigestOptions>().Bind(configuration.GetSection(DigestOptions.Section));
        services.TryAddSingleton<DigestFiguresService>();
        services.AddSingleton<DigestService>();
        return services;
    }
}
