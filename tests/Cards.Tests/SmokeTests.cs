namespace CchcBot.Cards.Tests;

public class SmokeTests
{
    [Fact]
    public void Schema_version_is_1_5() => Assert.Equal("1.5", CardSchema.Version);
}
