namespace CchcBot.Bot.Tests;

public class SmokeTests
{
    [Fact]
    public void Bot_schema_loads() => Assert.Equal("message", Microsoft.Bot.Schema.ActivityTypes.Message);
}
