using CchcBot.Hosting;

namespace CchcBot.Bot.Tests.Hosting;

public class SettingsTests
{
    [Theory]
    [InlineData("Storage:TablePrefix", "1bad-prefix", "Storage:TablePrefix")]
    [InlineData("Storage:ConnectionString", " ", "Storage:ConnectionString")]
    [InlineData("Bot:TimeZone", "Mars/Olympus", "Bot:TimeZone")]
    [InlineData("MicrosoftAppId", "not-a-guid", "MicrosoftAppId")]
    [InlineData("MicrosoftAppType", "Anything", "MicrosoftAppType")]
    public void Invalid_setting_stops_the_start_with_a_message_naming_it(string key, string value, string named)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        var e = Assert.Throws<SettingsException>(() => SettingsCheck.Ensure(configuration));

        Assert.Contains(e.Problems, p => p.StartsWith(named, StringComparison.Ordinal));
    }

    [Fact]
    public void App_id_without_password_is_refused()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = Guid.NewGuid().ToString(),
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppTenantId"] = Guid.NewGuid().ToString(),
        }).Build();

        var e = Assert.Throws<SettingsException>(() => SettingsCheck.Ensure(configuration));

        Assert.Contains(e.Problems, p => p.StartsWith("MicrosoftAppPassword", StringComparison.Ordinal));
    }

    [Fact]
    public void Defaults_are_valid() => SettingsCheck.Ensure(new ConfigurationBuilder().Build());
}
