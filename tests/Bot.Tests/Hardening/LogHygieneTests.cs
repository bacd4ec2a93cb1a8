using CchcBot.Bot.Tests.Support;
using CchcBot.TestSupport;
using Microsoft.Extensions.Logging;

namespace CchcBot.Bot.Tests.Hardening;

/// <summary>Logs carry activity ids and user object ids, never message text, notes or secrets.</summary>
public sealed class LogHygieneTests
{
    private const string Secret = "s3cr3t-Password-Value";
    private const string PrivateText = "Nội dung riêng tư 9f8e7d";

    [Fact]
    public async Task Neither_message_text_nor_notes_nor_secrets_reach_the_logs()
    {
        var logs = new CapturingLoggerProvider();
        await using var bot = await BotHarness.StartAsync(
            settings: new Dictionary<string, string?> { ["Graph:ClientSecret"] = null, ["Logging:LogLevel:Default"] = "Trace", ["SomeOtherSecret"] = Secret },
            services: s => s.AddLogging(b => b.AddProvider(logs)));
        await bot.SeedAsync();
        var user = bot.Register(BotHarness.User("truongphong.nv1@example.gov.vn", "Trần Thị Bình"));

        await bot.SendTextAsync(user, PrivateText);
        await bot.InvokeAsync(user, "updateStatus", new() { ["taskId"] = "TC-3", ["milestoneId"] = "TC-3-1", ["status:TC-3-1"] = "Blocked", ["note:TC-3-1"] = PrivateText });
        await bot.InvokeAsync(user, "noSuchVerb", new() { ["note"] = PrivateText });

        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(logs.Lines, l => l.Contains(PrivateText, StringComparison.Ordinal) || l.Contains(Secret, StringComparison.Ordinal));
    }
}
