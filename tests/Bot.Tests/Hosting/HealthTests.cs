using System.Net;
using CchcBot.Bot.Tests.Support;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Hosting;

public class HealthTests
{
    [Fact]
    public async Task Healthz_answers_200_when_storage_answers()
    {
        await using var bot = await BotHarness.StartAsync();

        using var response = await bot.Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Healthz_answers_503_when_storage_is_down()
    {
        await using var bot = await BotHarness.StartAsync(connectionString: AzuriteServer.UnreachableConnectionString);

        using var response = await bot.Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
