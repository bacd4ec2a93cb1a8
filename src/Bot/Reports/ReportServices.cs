using CchcBot.Teams.CardActions;
using CchcBot.Teams.Commands;

namespace CchcBot.Reports;

public static class ReportServices
{
    /// <summary>The "Reports" settings, the "báo cáo" command and the "makeReport" card action.</summary>
    public static IServiceCollection AddCchcPeriodReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReportOptions>().Bind(configuration.GetSection(ReportOptions.Section));
        services.AddSingleton<IChatCommand, PeriodReportCommand>();
        services.AddSingleton<ICardAction, MakeReportAction>();
        return services;
    }
}
