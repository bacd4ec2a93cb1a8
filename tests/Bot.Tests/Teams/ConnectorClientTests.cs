using System.Reflection;
using System.Runtime.Versioning;
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

    /// <summary>
    /// CloudAdapter asks for a user-token client on every turn and every proactive send; the bot signs nobody in, so
    /// the real client (a Microsoft.Rest service client that compiles regular expressions for its User-Agent) is made
    /// only when a call needs it, and then answers that call.
    /// </summary>
    [Fact]
    public async Task The_user_token_client_of_a_turn_is_made_only_when_used()
    {
        await using var bot = await BotHarness.StartAsync();
        var auth = bot.Services.GetRequiredService<BotFrameworkAuthentication>();
        var activity = new Activity { Type = ActivityTypes.Message, ServiceUrl = bot.Connector.ServiceUrl, ChannelId = "msteams" };
        var turn = await auth.AuthenticateRequestAsync(activity, string.Empty, CancellationToken.None);

        using var client = await auth.CreateUserTokenClientAsync(turn.ClaimsIdentity, CancellationToken.None);

        var deferred = Assert.IsType<CchcBot.Teams.DeferredUserTokenClient>(client);
        Assert.False(deferred.Made);
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.GetUserTokenAsync(null!, "connection", "msteams", null!, CancellationToken.None));
        Assert.True(deferred.Made);
    }

    /// <summary>
    /// Each connector client (two a turn with the user-token client, one a proactive send) reads the entry assembly's
    /// TargetFrameworkAttribute for its User-Agent. The SDK's generated attribute sets FrameworkDisplayName, a property
    /// that reflection sets through emitted code once its cache is collected, so nearly every turn left a dynamic method
    /// for the finalizer (P1: about 220 methods compiled every 10 s under load, 29 without the named property).
    /// </summary>
    [Fact]
    public void The_bots_target_framework_attribute_names_the_framework_only()
    {
        var attribute = typeof(CchcBot.Storage.CchcTables).Assembly.GetCustomAttributesData()
            .Single(a => a.AttributeType == typeof(TargetFrameworkAttribute));

        Assert.Empty(attribute.NamedArguments);
        Assert.Equal(typeof(ConnectorClientTests).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName, attribute.ConstructorArguments.Single().Value);
    }

    private static async Task<IConnectorClient> ClientForTurnAsync(BotFrameworkAuthentication auth, string serviceUrl)
    {
        var activity = new Activity { Type = ActivityTypes.Message, ServiceUrl = serviceUrl, ChannelId = "msteams" };
        var result = await auth.AuthenticateRequestAsync(activity, string.Empty, CancellationToken.None);
        return await result.ConnectorFactory.CreateAsync(serviceUrl, result.Audience, CancellationToken.None);
    }
}
