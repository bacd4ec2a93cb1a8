using CchcBot.Storage;
using CchcBot.Teams.CardActions;
using CchcBot.Teams.Commands;
using CchcBot.Teams.Identity;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace CchcBot.Teams;

public static class TeamsServices
{
    public static IServiceCollection AddCchcTeams(this IServiceCollection services)
    {
        services.AddSingleton<BotFrameworkAuthentication, ConfigurationBotFrameworkAuthentication>();
        services.AddSingleton<TenantGuardMiddleware>();
        services.AddSingleton<ConversationTrackingMiddleware>();
        services.AddSingleton<AdapterWithErrorHandler>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<AdapterWithErrorHandler>());
        services.AddSingleton<IConversationRepository, ConversationRepository>();
        services.AddSingleton<IUserResolver, UserResolver>();
        services.AddSingleton<CommandRouter>();
        services.AddSingleton<CardActionRouter>();
        services.AddSingleton<HelpCommand>();
        services.AddSingleton<IChatCommand>(sp => sp.GetRequiredService<HelpCommand>());
        services.AddTransient<IBot, CchcTeamsBot>();
        return services;
    }
}
