using CchcBot.Hosting;
using CchcBot.Storage;
using CchcBot.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CchcBot.Bench;

/// <summary>The bot's host in-process on loopback, over Azurite (fresh prefix) and a fake connector.</summary>
public sealed class BenchBot : IAsyncDisposable
{
    private BenchBot(WebApplication app, CchcTables tables, FakeConnector connector, Uri address)
    {
        App = app;
        Tables = tables;
        Connector = connector;
        Address = address;
    }

    public WebApplication App { get; }

    public CchcTables Tables { get; }

    public FakeConnector Connector { get; }

    public Uri Address { get; }

    public static async Task<BenchBot> StartAsync(DateTimeOffset now, Dictionary<string, string?>? settings = null)
    {
        var connector = await FakeConnector.StartAsync();
        var prefix = AzuriteServer.NewPrefix();
        var config = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = AzuriteServer.Shared.ConnectionString,
            ["Storage:TablePrefix"] = prefix,
            ["Bot:AllowAnonymous"] = "true", // anonymous on purpose, with a loopback connector
            ["Reminders:Enabled"] = "false",
            ["Digest:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Error",
        };
        foreach (var (k, v) in settings ?? [])
        {
            config[k] = v;
        }

        var app = BotWebApp.Create([], b =>
        {
            b.WebHost.UseUrls("http://127.0.0.1:0");
            b.Configuration.AddInMemoryCollection(config);
            b.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(now));
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchBot(app, new CchcTables(AzuriteServer.Shared.ConnectionString, prefix), connector, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
