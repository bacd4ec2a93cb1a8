using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CchcBot.Bot.Tests.Storage;
using CchcBot.Hosting;
using CchcBot.Plan;
using CchcBot.Storage;
using CchcBot.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Time.Testing;

namespace CchcBot.Bot.Tests.Support;

/// <summary>
/// The real bot web host on a loopback port, with tables on Azurite under a fresh prefix and a loopback fake of the
/// Bot Connector. Tests talk to it as Teams does: HTTP POSTs of activities to /api/messages.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    public const string BotId = "28:cchcbot";

    private readonly WebApplication _app;

    private BotHarness(WebApplication app, FakeConnector connector, FakeTimeProvider time, CchcTables tables, Uri baseAddress)
    {
        _app = app;
        Connector = connector;
        Time = time;
        Tables = tables;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public FakeConnector Connector { get; }

    public FakeTimeProvider Time { get; }

    public CchcTables Tables { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>A local time (Asia/Ho_Chi_Minh, +07:00) of a weekday in the sample plan's year.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));

    /// <param name="environment">The host environment; Production (as deployed) unless a test says otherwise. The harness
    /// runs anonymously on purpose (Bot:AllowAnonymous=true) with a loopback connector, unless the settings say otherwise.</param>
    public static async Task<BotHarness> StartAsync(
        DateTimeOffset? now = null,
        IDictionary<string, string?>? settings = null,
        string? connectionString = null,
        Action<IServiceCollection>? services = null,
        string environment = "Production")
    {
        var connector = await FakeConnector.StartAsync();
        var time = new FakeTimeProvider(now ?? DefaultNow);
        var prefix = AzuriteServer.NewPrefix();
        var config = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString ?? AzuriteServer.Shared.ConnectionString,
            ["Storage:TablePrefix"] = prefix,
            ["MicrosoftAppId"] = string.Empty,
            ["Bot:AllowAnonymous"] = "true",
            ["Reminders:Enabled"] = "false",
            ["Digest:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in TestTables.RetrySettings)
        {
            config[key] = value;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var app = BotWebApp.Create(["--environment", environment], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(config);
            builder.Services.AddSingleton<TimeProvider>(time);
            services?.Invoke(builder.Services);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var tables = new CchcTables(config["Storage:ConnectionString"]!, prefix, TestTables.Retry);
        return new BotHarness(app, connector, time, tables, new Uri(address));
    }

    /// <summary>Loads the sample directory and plan and registers the directory's people as Teams users.</summary>
    public async Task SeedAsync(CchcPlan? plan = null, AgencyDirectory? directory = null)
    {
        await new DirectoryRepository(Tables).ReplaceAsync(directory ?? SamplePlans.Directory());
        await new PlanRepository(Tables).SaveAsync(plan ?? SamplePlans.Plan());
    }

    public static TeamsUser User(string upn, string name) =>
        new("29:" + upn.Split('@')[0], name, Guid.NewGuid().ToString(), upn);

    public TeamsUser Register(TeamsUser user)
    {
        Connector.Members[user.Id] = user;
        return user;
    }

    public Task<HttpResponseMessage> SendTextAsync(TeamsUser user, string text) =>
        PostAsync(Activities.Message(Connector.ServiceUrl, user, text));

    public async Task<(int HttpStatus, JsonNode? Body)> InvokeAsync(TeamsUser user, string verb, JsonObject data, string? activityId = null, string trigger = "manual")
    {
        using var response = await PostAsync(Activities.Invoke(Connector.ServiceUrl, user, verb, data, activityId, trigger));
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public Task<HttpResponseMessage> PostAsync(JsonObject activity) => PostRawAsync(activity.ToJsonString());

    public Task<HttpResponseMessage> PostRawAsync(string body) =>
        Http.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
