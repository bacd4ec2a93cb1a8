using CchcBot.Bot.Tests.Support;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace CchcBot.Bot.Tests.Teams;

/// <summary>
/// The adapter gets a connector client per turn (and per proactive send) from the bot's BotFrameworkAuthentication.
/// Those clients must share one JSON contract resolver; otherwise Newtonsoft rebuilds the contracts and emits new
/// accessor code on every turn (the P1 benchmark's memory and latency).
/// </summary>
public class ConnectorClientTests
{
    [Fact]
    public async Task Connector_clients_of_different_turns_share_one_contract_resolver()
    {
        await using var bot = await BotHarness.StartAsync();
        var auth = bot.Services.GetRequiredService<BotFrameworkAuthentication>();

        var first = await ClientForTurnAsync(auth, bot.Connector.ServiceUrl);
        var second = await ClientForTurnAsync(auth, bot.Connector.ServiceUrl);
        var proactive = await auth.CreateConnectorFactory(new System.Security.Claims.ClaimsIdentity())
            .CreateAsync(bot.Connector.ServiceUrl, null, CancellationToken.None);

        Assert.NotSame(first, second);
        Assert.Same(first.SerializationSettings.ContractResolver, second.SerializationSettings.ContractResolver);
        Assert.Same(first.SerializationSettings.ContractResolver, first.DeserializationSettings.ContractResolver);
        Assert.Same(first.SerializationSettings.ContractResolver, proactive.SerializationSettings.ContractResolver);
        Assert.Same(first.DeserializationSettings.ContractResolver, proactive.DeserializationSettings.ContractResolver);
    }

    private static async Task<IConnectorClient> ClientForTurnAsync(BotFrameworkAuthentication auth, string serviceUrl)
    {
        var activity = new Activity { Type = ActivityTypes.Message, ServiceUrl = serviceUrl, ChannelId = "msteams" };
        var result = await auth.AuthenticateRequestAsync(activity, string.Empty, CancellationToken.None);
        return await result.ConnectorFactory.CreateAsync(serviceUrl, result.Audience, CancellationToken.None);
    }
}
