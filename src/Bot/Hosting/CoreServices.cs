using Azure.Core;
using Azure.Identity;
using CchcBot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CchcBot.Hosting;

/// <summary>What both the web host and the operator commands need: settings, clock, storage.</summary>
public static class CoreServices
{
    public static IServiceCollection AddCchcCore(this IServiceCollection services, IConfiguration configuration)
    {
        SettingsCheck.Ensure(configuration);
        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<BotClock>();
        services.AddSingleton<AnonymousMode>();
        services.AddSingleton<PublicAddress>();

        // Storage:AccountUrl → the App Service's managed identity (DefaultAzureCredential, created only when used).
        services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
        services.AddCchcStorage(configuration);
        services.AddSingleton<IPlanRepository, PlanRepository>();
        services.AddSingleton<IDirectoryRepository, DirectoryRepository>();
        services.AddSingleton<IProgressRepository, ProgressRepository>();
        services.AddSingleton<IAssignmentRepository, AssignmentRepository>();
        services.AddSingleton<IDirectoryAuditRepository, DirectoryAuditRepository>();
        return services;
    }
}
