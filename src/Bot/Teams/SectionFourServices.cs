using CchcBot.Progress;
using CchcBot.Storage;
using CchcBot.Teams.CardActions;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CchcBot.Teams;

/// <summary>Section IV of the plan in Teams: blockers answered, deadlines extended with approval.</summary>
public static class SectionFourServices
{
    public static IServiceCollection AddCchcSectionFour(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExtensionOptions>().Bind(configuration.GetSection(ExtensionOptions.Section));
        services.TryAddSingleton<RequestRepository>();
        services.TryAddSingleton<IExtensionRepository>(sp => sp.GetRequiredService<RequestRepository>());
        services.TryAddSingleton<IEscalationRepository>(sp => sp.GetRequiredService<RequestRepository>());
        services.TryAddSingleton<IPlanYearRequests>(sp => sp.GetRequiredService<RequestRepository>());
        services.AddSingleton<NoticeBuilder>();
        services.AddSingleton<BlockerDesk>();
        services.AddSingleton<ICardAction, GiveDirectionAction>();
        services.AddSingleton<ICardAction, EscalateBlockerAction>();
        services.AddSingleton<ICardAction, ProposeExtensionAction>();
        services.AddSingleton<ICardAction, DecideExtensionAction>();
        services.AddSingleton<ICardAction, ResolveBlockerAction>();
        return services;
    }
}
