using System.Text;
using CchcBot.Plan.Files;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bench;

/// <summary>
/// P1, storage requests: what one "nhiệm vụ của tôi" of the Chief Inspector (the plan's overview and what waits for his
/// decision) and one tab answer of the Chief of Office ask of Table storage, in the agency's first plan year and in the
/// next one. A later year's statuses, due dates, assignments and requests live under their own scope; the bot reads
/// them there from the start (Progress/LatestPlanScopes), so the later year costs what the first did. Counted through
/// a proxy in front of Azurite, the bot in process; each answer is asked once to learn, then counted.
/// </summary>
public static class LaterYearReads
{
    private const string Agency = "thanh-tra-soc-trang";

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(bool quick)
    {
        await using var proxy = await CountingStorageProxy.StartAsync();
        var year = DateTime.UtcNow.Year;
        await using var bot = await BenchBot.StartAsync(DateTimeOffset.UtcNow, new() { ["Storage:ConnectionString"] = proxy.ConnectionString });
        await new DirectoryRepository(bot.Tables).ReplaceAsync(DirectoryFileReader.Read(BundledData.DirectoryJson).Value!);
        await SaveYearAsync(bot, year);
        var inspector = new TeamsUser("29:chanhthanhtra", "Chánh Thanh tra", Guid.NewGuid().ToString(), "chanhthanhtra@example.gov.vn");
        var office = new TeamsUser("29:chanhvanphong", "Chánh Văn phòng", Guid.NewGuid().ToString(), "chanhvanphong@example.gov.vn");
        bot.Connector.Members[inspector.Id] = inspector;
        bot.Connector.Members[office.Id] = office;
        using var http = new HttpClient { BaseAddress = bot.Address };

        var first = await CountAsync(http, bot, proxy, inspector, office);
        await SaveYearAsync(bot, year + 1);
        var later = await CountAsync(http, bot, proxy, inspector, office);
        return
        [
            new BenchRow("P1", "Table requests of one \"nhiệm vụ của tôi\" (Chief Inspector) / one tab answer (Chief of Office), first plan year vs the next",
                $"{first.MyTasks} / {first.Tab} vs {later.MyTasks} / {later.Tab}", "equal", first == later),
        ];
    }

    private static async Task SaveYearAsync(BenchBot bot, int year) =>
        await new PlanRepository(bot.Tables).SaveAsync(new PlanFileReader().Read(BundledData.PlanJson, rebaseYear: year).Value!);

    private static async Task<(long MyTasks, long Tab)> CountAsync(HttpClient http, BenchBot bot, CountingStorageProxy proxy, TeamsUser inspector, TeamsUser office)
    {
        async Task<long> RequestsOfAsync(Func<Task> ask)
        {
            await ask(); // learns the plan year, fills the caches of a first answer
            proxy.Reset();
            await ask();
            return proxy.Reads + proxy.Writes;
        }

        var myTasks = await RequestsOfAsync(async () =>
        {
            using var response = await http.PostAsync(new Uri("/api/messages", UriKind.Relative),
                new StringContent(ChatLatency.Message(bot.Connector.ServiceUrl, inspector, "nhiệm vụ của tôi"), Encoding.UTF8, "application/json"));
            response.EnsureSuccessStatusCode();
        });
        var tab = await RequestsOfAsync(async () =>
        {
            using var request = ChatLatency.TabRequest(office);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
        });
        return (myTasks, tab);
    }
}
