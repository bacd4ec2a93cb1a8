using System.Runtime.CompilerServices;
using Azure.Core;
using Azure.Identity;
using CchcBot.Delivery;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;

namespace CchcBot.Graph;

public static class GraphServices
{
    /// <summary>Graph when Graph:* is configured; otherwise the bot works and proactive install is off.</summary>
    public static IServiceCollection AddCchcGraph(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GraphOptions>().Bind(configuration.GetSection(GraphOptions.Section));
        var options = configuration.GetSection(GraphOptions.Section).Get<GraphOptions>() ?? new GraphOptions();
        if (!options.IsConfigured)
        {
            services.AddSingleton<ITeamsAppInstaller, NoGraphInstaller>();
            return services;
        }

        return AddGraphClient(services, options);
    }

    // Kept apart so that a bot without Graph never loads the (large) Graph assemblies: the JIT resolves the types a
    // method mentions when it compiles that method.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IServiceCollection AddGraphClient(IServiceCollection services, GraphOptions options)
    {
        services.TryAddSingleton<TokenCredential>(_ => new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret));
        services.AddHttpClient(nameof(GraphServiceClient)).AddStandardResilienceHandler();
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<GraphOptions>>().Value;
            var host = new Uri(o.BaseUrl).Host;
            var auth = new AzureIdentityAuthenticationProvider(
                sp.GetRequiredService<TokenCredential>(), [host, "graph.microsoft.com"], scopes: ["https://graph.microsoft.com/.default"]);
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(GraphServiceClient));
            return new GraphServiceClient(http, auth, o.BaseUrl);
        });
        services.AddSingleton<ITeamsAppInstaller, GraphTeamsAppInstaller>();
        return services;
    }
}
