using CchcBot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CchcBot.Hosting;

/// <summary>What both the web host and the operator commands need: settings, clock, storage.</summary>
public static class CoreServices
{
    public static IServiceCollection AddCchcCore(this IServiceCollection services, IConfiguration configuration)
    {
        SettingsCheck.Ensure(configuration);
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section));
        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<BotClock>();
        services.AddSingleton<CchcTables>();
        services.AddSingleton<IPlanRepository, PlanRepository>();
        services.AddSingleton<IDirectoryRepository, DirectoryRepository>();
        services.AddSingleton<IProgressRepository, ProgressRepository>();
        return services;
    }
}
