using CchcBot.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.Options;

namespace CchcBot.Teams;

/// <summary>Refuses (and logs) activities from tenants outside Bot:AllowedTenants, when that list is set.</summary>
public sealed class TenantGuardMiddleware(IOptions<BotOptions> options, ILogger<TenantGuardMiddleware> logger) : Microsoft.Bot.Builder.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var allowed = options.Value.AllowedTenants;
        if (allowed.Count == 0)
        {
            await next(cancellationToken);
            return;
        }

        var tenant = TenantOf(turnContext);
        if (tenant is not null && allowed.Contains(tenant, StringComparer.OrdinalIgnoreCase))
        {
            await next(cancellationToken);
            return;
        }

        logger.LogWarning("Refused activity {ActivityId} from tenant {TenantId}: not in Bot:AllowedTenants", turnContext.Activity.Id, tenant ?? "(none)");
    }

    public static string? TenantOf(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        return activity.Conversation?.TenantId ?? activity.GetChannelData<TeamsChannelData>()?.Tenant?.Id;
    }
}
