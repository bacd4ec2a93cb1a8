using CchcBot.Hosting;
using CchcBot.Plan;
using Microsoft.Extensions.Options;

namespace CchcBot.Reminders;

public static class ReminderServices
{
    public static IServiceCollection AddCchcReminders(this IServiceCollection services, IConfiguration configuration)
    {
        var options = ReminderOptions.FromConfiguration(configuration);
        services.AddSingleton(options);
        services.AddSingleton(_ => WorkingCalendar.Load(options.HolidaysFile));
        services.AddSingleton(sp => new SendingHours(sp.GetRequiredService<BotClock>().Zone, options.SendFromTime, sp.GetRequiredService<WorkingCalendar>()));
        services.AddSingleton(sp => new ReminderPolicy(options, sp.GetRequiredService<WorkingCalendar>()));
        services.AddSingleton<ReminderSweep>();
        return services;
    }
}
