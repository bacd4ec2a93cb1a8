using System.Reflection;
using System.Runtime.Versioning;
using System.Security.Claims;
using CchcBot.Bot.Tests.Support;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace CchcBot.Bot.Tests.Teams;

/// <summary>
/// The adapter asks the bot's BotFrameworkAuthentication for a connector client on every turn and proactive send. The
/// bot shares one per identity, service URL and audience (Teams/SharedConnectorClients): each new one is a
/// Microsoft.Rest service client that compiles regular expressions, and without one shared JSON contract resolver
/// Newtonsoft would rebuild the contracts and emit accessor code for every client (the P1 benchmark's memory and latency).
/// </summary>
public class ConnectorClientTests
{
    [Fact]
    public async Task Turns_to_one_service_url_share_a_connector_client_that_outlives_each_turn()
    {
        await using var bot = await BotHarness.StartAsync();
        var auth = bot.Services.GetRequiredService<BotFrameworkAuthentication>();
        var first = await ClientForTurnAsync(auth, bot.Connector.ServiceUrl);
        first.Dispose(); // what CloudAdapter does at the turn's end
        var second = await ClientForTurnAsync(auth, bot.Connector.ServiceUrl);
        await second.Conversations.SendToConversationAsync("a:chat", new Activity { Type = ActivityTypes.Message, Text = "Kiểm tra" });

        Assert.Same(first, second);
        Assert.Single(bot.Connector.SentTo("a:chat"));
        Assert.Same(first.SerializationSettings.ContractResolver, first.DeserializationSettings.ContractResolver);
    }

    [Fact]
    public async Task Each_service_url_audience_and_identity_gets_its_own_client_with_the_one_contract_resolver()
    {
        await using var bot = await BotHarness.StartAsync();
        var auth = bot.Services.GetRequiredService<BotFrameworkAuthentication>();

        var turn = await ClientForTurnAsync(auth, bot.Connector.ServiceUrl);
        var proactive = await ClientAsync(auth, new ClaimsIdentity(), bot.Connector.ServiceUrl, null);
        var proactiveAgain = await ClientAsync(auth, new ClaimsIdentity(), bot.Connector.ServiceUrl, null);
        var otherUrl = await ClientAsync(auth, new ClaimsIdentity(), bot.Connector.ServiceUrl.TrimEnd('/') + "/other/", null);
        var otherAudience = await ClientAsync(auth, new ClaimsIdentity(), bot.Connector.ServiceUrl, "https://api.botframework.us");
        var otherBot = await ClientAsync(auth, new ClaimsIdentity([new Claim(AuthenticationConstants.AudienceClaim, "another-bot")]), bot.Connector.ServiceUrl, null);

        Assert.Same(proactive, proactiveAgain);
        IConnectorClient[] distinct = [turn, proactive, otherUrl, otherAudience, otherBot];
        Assert.Equal(distinct.Length, distinct.Distinct(ReferenceEqualityComparer.Instance).Count());
        Assert.All(distinct, c => Assert.Same(turn.SerializationSettings.ContractResolver, c.SerializationSettings.ContractResolver));
        Assert.All(distinct, c => Assert.Same(turn.SerializationSettings.ContractResolver, c.DeserializationSettings.ContractResolver));
    }

    [Fact]
    public async Task A_shared_connector_client_is_made_again_after_its_lifetime()
    {
        await using var bot = await BotHarness.StartAsync();
        var auth = bot.Services.GetRequiredService<BotFrameworkAuthentication>();

        var first = await ClientForTurnAsync(auth, bot.Connector.ServiceUrl);
        bot.Time.Advance(CchcBot.Teams.SharedConnectorClients.Lifetime - TimeSpan.FromSeconds(1));
        var within = await ClientForTurnAsync(auth, bot.Connector.ServiceUrl);
        bot.Time.Advance(TimeSpan.FromSeconds(1));
        var after = await ClientForTurnAsync(auth, bot.Connector.ServiceUrl);

        Assert.Same(first, within);
        Assert.NotSame(first, after);
        Assert.Same(after, await ClientForTurnAsync(auth, bot.Connector.ServiceUrl));
    }

    [Fact]
    public async Task Anonymous_mode_makes_no_connector_client_for_a_service_url_that_is_not_loopback()
    {
        await using var bot = await BotHarness.StartAsync();
        var auth = bot.Services.GetRequiredService<BotFrameworkAuthentication>();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => ClientAsync(auth, new ClaimsIdentity(), "https://smba.trafficmanager.net/apac/", null));
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

    private static Task<IConnectorClient> ClientAsync(BotFrameworkAuthentication auth, ClaimsIdentity identity, string serviceUrl, string? audience) =>
        auth.CreateConnectorFactory(identity).CreateAsync(serviceUrl, audience, CancellationToken.None);

    private static async Task<IConnectorClient> ClientForTurnAsync(BotFrameworkAuthentication auth, string serviceUrl)
    {
        var activity = new Activity { Type = ActivityTypes.Message, ServiceUrl = serviceUrl, ChannelId = "msteams" };
        var result = await auth.AuthenticateRequestAsync(activity, string.Empty, CancellationToken.None);
        return await result.ConnectorFactory.CreateAsync(serviceUrl, result.Audience, CancellationToken.None);
    }
}
