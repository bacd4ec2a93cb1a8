using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CchcBot.Bot.Tests.Staff;
using CchcBot.Bot.Tests.Storage;
using CchcBot.Bot.Tests.Support;
using CchcBot.Cards;
using CchcBot.Evidence;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Evidence;

/// <summary>The task card lists the evidence files of every milestone of the task the viewer may see, each under its
/// milestone, each with its own /files/{token} link; staff see the files of the milestones they hold only.</summary>
public sealed partial class TaskCardFilesTests : IAsyncLifetime
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF\n");
    private BotHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync();
        await _bot.SeedAsync(directory: StaffSample.Directory());
        await AttachAsync("TC-1", "TC-1-1", "ke-hoach-ra-soat.pdf");
        await AttachAsync("TC-1", "TC-1-2", "bao-cao-ket-qua.pdf");
    }

    public Task DisposeAsync() => _bot.DisposeAsync().AsTask();

    [GeneratedRegex(@"\[([^\[\]""\\]+)\]\((http://[^)\s]+/files/[0-9a-f]{48})\)")]
    private static partial Regex FileLink();

    private async Task AttachAsync(string taskId, string milestoneId, string name)
    {
        var store = _bot.Services.GetRequiredService<EvidenceStore>();
        var upload = await store.StorePendingAsync(SamplePlans.Agency, "chanhvanphong@example.gov.vn", "Nguyễn Văn An", name, "application/pdf", Pdf, default);
        Assert.Equal(AttachOutcome.Attached, await store.AttachAsync(upload, SamplePlans.Agency, taskId, milestoneId, default));
    }

    private async Task<JsonNode> OpenAsync(TeamsUser user, string milestoneId)
    {
        var (status, body) = await _bot.InvokeAsync(user, "refreshTask", new JsonObject { ["taskId"] = "TC-1", ["milestoneId"] = milestoneId });
        Assert.Equal(200, status);
        var card = body!["value"]!;
        CardAssert.Valid(card);
        return card;
    }

    [Fact]
    public async Task The_task_card_lists_the_files_of_every_milestone_under_its_milestone_each_with_a_working_link()
    {
        var office = _bot.Register(SampleUsers.ChiefOfOffice());

        foreach (var opened in new[] { "TC-1-1", "TC-1-2" })
        {
            var card = await OpenAsync(office, opened);
            var text = card.Readably();
            var links = FileLink().Matches(card.ToJsonString()).Select(m => (Name: m.Groups[1].Value, Url: m.Groups[2].Value)).ToList();
            Assert.Equal(["bao-cao-ket-qua.pdf", "ke-hoach-ra-soat.pdf"], links.Select(l => l.Name).Order());
            Assert.Contains("Kế hoạch · Hạn: ", text, StringComparison.Ordinal);
            Assert.Contains("Báo cáo kết quả thực hiện · Hạn: ", text, StringComparison.Ordinal);
            // The opened milestone's files first.
            Assert.Equal(opened == "TC-1-1" ? "ke-hoach-ra-soat.pdf" : "bao-cao-ket-qua.pdf", links[0].Name);
            foreach (var (_, url) in links)
            {
                using var download = await _bot.Http.GetAsync(url);
                Assert.Equal(HttpStatusCode.OK, download.StatusCode);
                Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
            }
        }
    }

    [Fact]
    public async Task Staff_see_the_files_of_the_milestones_they_hold_only()
    {
        await new AssignmentRepository(_bot.Tables, _bot.Time).AssignAsync(new AssignmentChange(
            SamplePlans.Agency, "TC-1", "TC-1-1", string.Empty, "VP", [StaffSample.VpStaff1], "chanhvanphong@example.gov.vn", "Nguyễn Văn An", "op-assign"));
        var staff = _bot.Register(StaffSample.Vp1());

        var card = (await OpenAsync(staff, "TC-1-1")).ToJsonString();

        Assert.Equal(["ke-hoach-ra-soat.pdf"], FileLink().Matches(card).Select(m => m.Groups[1].Value));
        Assert.DoesNotContain("bao-cao-ket-qua.pdf", card, StringComparison.Ordinal);
    }
}
