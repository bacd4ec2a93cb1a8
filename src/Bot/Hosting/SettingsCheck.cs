using CchcBot.Delivery;
using CchcBot.Graph;
using CchcBot.Plan;
using CchcBot.Reminders;
using CchcBot.Storage;
using CchcBot.Teams.Delivery;

namespace CchcBot.Hosting;

/// <summary>Binds every settings section once at start and stops with every problem, each naming its setting.</summary>
public static class SettingsCheck
{
    /// <param name="webHostEnvironment">For the web host: its environment, which adds the web host's own rules (anonymous
    /// mode only in Development or with Bot:AllowAnonymous=true; Bot:PublicBaseUrl in production).</param>
    public static void Ensure(IConfiguration configuration, string? webHostEnvironment = null)
    {
        var problems = new List<string>();
        problems.AddRange(Bind<StorageOptions>(configuration, StorageOptions.Section, problems).Validate());
        problems.AddRange(Bind<BlobStorageOptions>(configuration, StorageOptions.Section, problems).Validate());
        problems.AddRange(Bind<BotOptions>(configuration, BotOptions.Section, problems).Validate());
        problems.AddRange(Bind<DeliveryOptions>(configuration, DeliveryOptions.Section, problems).Validate());
        problems.AddRange(Bind<GraphOptions>(configuration, GraphOptions.Section, problems).Validate());
        problems.AddRange(BotFrameworkSettings.Validate(configuration));
        problems.AddRange(ReminderSettings(configuration));
        problems.AddRange(Bind<Digest.DigestOptions>(configuration, Digest.DigestOptions.Section, problems).Validate());
        problems.AddRange(Bind<Reports.ReportOptions>(configuration, Reports.ReportOptions.Section, problems).Validate());
        problems.AddRange(Bind<Teams.Files.FileDownloadOptions>(configuration, Teams.Files.FileDownloadOptions.Section, problems).Validate());
        problems.AddRange(Bind<Progress.ExtensionOptions>(configuration, Progress.ExtensionOptions.Section, problems).Validate());
        if (webHostEnvironment is not null)
        {
            problems.AddRange(new[]
            {
                BotFrameworkSettings.AnonymousProblem(configuration, webHostEnvironment),
                BotFrameworkSettings.PublicBaseUrlProblem(configuration, webHostEnvironment),
            }.OfType<string>());
        }

        if (problems.Count > 0)
        {
            throw new SettingsException(problems);
        }
    }

    private static List<string> ReminderSettings(IConfiguration configuration)
    {
        ReminderOptions options;
        try
        {
            options = ReminderOptions.FromConfiguration(configuration);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            return [$"Reminders: {e.Message}"];
        }

        var problems = options.Validate().ToList();
        try
        {
            WorkingCalendar.Load(options.HolidaysFile);
        }
        catch (HolidayFileException e)
        {
            problems.Add($"Reminders:HolidaysFile: {e.Message}");
        }

        return problems;
    }

    private static T Bind<T>(IConfiguration configuration, string section, List<string> problems)
        where T : new()
    {
        var options = new T();
        try
        {
            configuration.GetSection(section).Bind(options);
        }
        catch (InvalidOperationException e)
        {
            problems.Add($"{section}: {e.Message}");
        }

        return options;
    }
}
