using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CchcBot.Reports;

public static class ReportServices
{
    /// <summary>The "Reports" settings and the report makers, for the web host and the CLI alike.</summary>
    public static IServiceCollection AddCchcReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReportOptions>().Bind(configuration.GetSection(ReportOptions.Section));
        services.TryAddSingleton<Digest.DigestFiguresService>(); // the figures, without the digest's posting
        services.AddSingleton<ReportService>();
        services.AddSingleton<ReportDownloads>();
        return services;
    }
}
