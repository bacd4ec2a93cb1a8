using CchcBot.Digest;
using CchcBot.Hosting;
using CchcBot.Reminders;
using CchcBot.Reports;
using CchcBot.Teams;

namespace CchcBot.Cli;

/// <summary>The services an operator command needs (same settings and storage as the web host, no web server).</summary>
public static class CliHost
{
    public static IHost Build(Action<IHostApplicationBuilder>? configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        configure?.Invoke(builder);
        builder.Services.AddCchcCore(builder.Configuration);
        builder.Services.AddCchcTeams(builder.Configuration);
        builder.Services.AddCchcReminders(builder.Configuration);
        builder.Services.AddCchcDigest(builder.Configuration);
        builder.Services.AddCchcReports(builder.Configuration);
        return builder.Build();
    }
}
