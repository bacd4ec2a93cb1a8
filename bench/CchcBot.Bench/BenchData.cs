using CchcBot.Plan;
using CchcBot.Storage;
using CchcBot.TestSupport;
using Newtonsoft.Json.Linq;

namespace CchcBot.Bench;

/// <summary>Synthetic plans, directories and known chats for the benchmarks.</summary>
public static class BenchData
{
    public const string Tenant = BotHarnessDefaults.TenantId;

    public static AgencyDirectory Directory(string agency, int departments) => new(
        agency,
        [
            new Department("VP", "Văn phòng", "van-phong", $"vp@{agency}.example.gov.vn", []),
            .. Enumerable.Range(1, departments).Select(i => new Department($"D{i}", $"Phòng {i}", "nghiep-vu", $"head{i}@{agency}.example.gov.vn", [])),
        ],
        $"vp@{agency}.example.gov.vn",
        $"ct@{agency}.example.gov.vn");

    /// <param name="due">The day the first <paramref name="dueCount"/> milestones are due; the rest fall due 30 to 300 days later.</param>
    public static CchcPlan Plan(string agency, int milestones, int dueCount, DateOnly due, int departments, int perTask = 10)
    {
        var tasks = new List<PlanTask>();
        for (var t = 0; t * perTask < milestones; t++)
        {
            var id = $"T-{t}";
            var list = new List<Milestone>();
            for (var m = 0; m < perTask && t * perTask + m < milestones; m++)
            {
                var n = t * perTask + m;
                var date = n < dueCount ? due : due.AddDays(30 + n % 270);
                list.Add(new Milestone(Milestone.MakeId(id, m + 1), id, "Báo cáo kết quả thực hiện", date));
            }

            var dept = $"D{1 + t % departments}";
            tasks.Add(new PlanTask(id, "a", $"Nhiệm vụ thử nghiệm số {t}", ["Báo cáo kết quả thực hiện"], [dept], [], "Năm", list, t));
        }

        return new CchcPlan(agency, due.Year, "Kế hoạch thử nghiệm", [new ReformArea("a", "Cải cách thể chế")], tasks);
    }

    /// <summary>Forgets every send claim (the Ledger table), so the same sweep sends again in the next run.</summary>
    public static async Task ClearLedgerAsync(CchcTables tables)
    {
        var ledger = await tables.GetAsync(CchcTables.Ledger);
        var keys = new List<(string Pk, string Rk)>();
        await foreach (var e in ledger.QueryAsync<Azure.Data.Tables.TableEntity>(select: ["PartitionKey", "RowKey"]))
        {
            keys.Add((e.PartitionKey, e.RowKey));
        }

        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (k, ct) => await ledger.DeleteEntityAsync(k.Pk, k.Rk, cancellationToken: ct));
    }

    /// <summary>Stores that each head has a chat with the bot (as if they had opened it) on the fake connector.</summary>
    public static async Task RegisterChatsAsync(CchcTables tables, AgencyDirectory directory, string serviceUrl)
    {
        var people = new DirectoryRepository(tables);
        var chats = new ConversationRepository(tables);
        await Parallel.ForEachAsync(directory.Departments, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (d, ct) =>
        {
            var objectId = Guid.NewGuid().ToString();
            var conversationId = "a:personal-" + d.Id + "-" + directory.Agency;
            var reference = new JObject
            {
                ["channelId"] = "msteams",
                ["serviceUrl"] = serviceUrl,
                ["conversation"] = new JObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = Tenant },
                ["user"] = new JObject { ["id"] = "29:" + d.Id, ["aadObjectId"] = objectId },
                ["bot"] = new JObject { ["id"] = "28:cchcbot" },
            };
            await people.RememberIdentityAsync(directory.Agency, d.Head, new PersonIdentity(objectId, Tenant, "29:" + d.Id, d.Name), ct);
            await chats.SaveAsync(new StoredConversation(ConversationKind.Personal, Tenant, objectId, reference.ToString(), serviceUrl, true, DateTimeOffset.UtcNow), ct);
        });
    }
}
