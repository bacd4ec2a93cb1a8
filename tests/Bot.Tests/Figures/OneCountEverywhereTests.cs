using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CchcBot.Bot.Tests.Support;
using CchcBot.Plan;
using CchcBot.Plan.Files;
using CchcBot.Reports;
using CchcBot.Storage;
using CchcBot.TestSupport;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CchcBot.Bot.Tests.Figures;

/// <summary>
/// The bundled 2024 plan (moved to 2026) with a few recorded states, read through every surface that shows figures —
/// the Chief of Office's "nhiệm vụ của tôi", the Chief Inspector's overview, the digest and the report workbook — at
/// two instants: each shows the same dated total, the same four groups and the same blocked count.
/// </summary>
public sealed partial class OneCountEverywhereTests : IAsyncLifetime
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);
    private BotHarness _bot = null!;
    private CchcPlan _plan = null!;
    private TeamsUser _office = null!;
    private TeamsUser _inspector = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync(new DateTimeOffset(2026, 7, 3, 10, 0, 0, Vn));
        var directory = DirectoryFileReader.Read(BundledData.DirectoryJson).Value!;
        _plan = new PlanFileReader().Read(BundledData.PlanJson, directory, 2026).Value!;
        await _bot.SeedAsync(_plan, directory);
        _office = _bot.Register(BotHarness.User(directory.ChiefOfOffice, "Nguyễn Văn An"));
        _inspector = _bot.Register(BotHarness.User(directory.ChiefInspector, "Lê Văn Cường"));

        var january = Dated().Where(m => m.Due == new DateOnly(2026, 1, 31)).ToList();
        var march = Dated().First(m => m.Due == new DateOnly(2026, 3, 31));
        var december = Dated().Where(m => m.Due == new DateOnly(2026, 12, 31)).ToList();
        await RecordAsync(january[0], MilestoneStatus.Done, new DateTimeOffset(2026, 1, 20, 9, 0, 0, Vn)); // on time
        await RecordAsync(january[1], MilestoneStatus.Done, new DateTimeOffset(2026, 2, 10, 9, 0, 0, Vn)); // late
        await RecordAsync(march, MilestoneStatus.Blocked, new DateTimeOffset(2026, 3, 20, 9, 0, 0, Vn)); // blocked, then overdue
        await RecordAsync(december[0], MilestoneStatus.InProgress, new DateTimeOffset(2026, 6, 1, 9, 0, 0, Vn));
        await RecordAsync(december[1], MilestoneStatus.Blocked, new DateTimeOffset(2026, 6, 2, 9, 0, 0, Vn)); // blocked, in time
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public void The_bundled_plan_has_41_dated_milestones_and_one_ongoing_task()
    {
        Assert.Equal(41, Dated().Count);
        Assert.Single(_plan.Tasks, t => t.Milestones.Any(m => m.IsOngoing));
    }

    [Theory]
    [InlineData("2026-07-03T10:00:00+07:00", "2026-Q3")]
    [InlineData("2026-12-20T10:00:00+07:00", "2026-Q4")]
    public async Task Every_surface_shows_the_same_figures(string instant, string quarter)
    {
        var now = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);
        _bot.Time.SetUtcNow(now);
        var today = DateOnly.FromDateTime(now.DateTime);
        // Independent of the code under test: open milestones whose due date has passed, less the two done ones.
        var overdue = Dated().Count(m => m.Due < today) - 2;
        var expected = new Figures(Done: 2, Dated: 41, OnTime: 1, Late: 1, InTime: 41 - 2 - overdue, Overdue: overdue, Blocked: 2);

        Assert.Equal(expected, Parse(await CardTextAsync(_office, "nhiệm vụ của tôi")));
        Assert.Equal(expected, Parse(await CardTextAsync(_inspector, "nhiệm vụ của tôi")));
        Assert.Equal(expected, Parse(await CardTextAsync(_office, "tổng hợp")));
        Assert.Equal(expected, await WorkbookFiguresAsync(ReportPeriod.ParseQuarter(quarter)));
    }

    private List<Milestone> Dated() => _plan.Tasks.SelectMany(t => t.Milestones).Where(m => !m.IsOngoing).ToList();

    private async Task RecordAsync(Milestone m, MilestoneStatus status, DateTimeOffset at) =>
        await new ProgressRepository(_bot.Tables).RecordAsync(new ProgressUpdate(
            _plan.Agency, m.TaskId, m.Id, $"op-{m.Id}", _office.Upn, "Nguyễn Văn An", at, status, status == MilestoneStatus.Blocked ? "Chờ hướng dẫn" : null, null));

    private async Task<string> CardTextAsync(TeamsUser user, string command)
    {
        _bot.Connector.Clear();
        await _bot.SendTextAsync(user, command);
        var card = Assert.Single(_bot.Connector.Sent).Card!;
        CardAssert.Valid(card);
        return card.Readably();
    }

    private static Figures Parse(string text)
    {
        var m = SummarySentence().Match(text);
        Assert.True(m.Success, text);
        int N(int group) => int.Parse(m.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);
        return new Figures(N(1), N(2), N(3), N(4), N(5), N(6), N(7));
    }

    private async Task<Figures> WorkbookFiguresAsync(ReportPeriod period)
    {
        var bytes = await _bot.Services.GetRequiredService<ReportService>().BuildAsync(_plan.Agency, period, default);
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes!), false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().First();
        var rows = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.Text?.Text ?? c.CellValue?.Text ?? string.Empty).ToList())
            .Where(r => r.Count >= 2)
            .GroupBy(r => r[0])
            .ToDictionary(g => g.Key, g => g.First()[1]);
        int N(string label) => int.Parse(rows[label], System.Globalization.CultureInfo.InvariantCulture);
        return new Figures(
            N("Hoàn thành đúng hạn") + N("Hoàn thành trễ hạn"), N("Số mốc có thời hạn"), N("Hoàn thành đúng hạn"), N("Hoàn thành trễ hạn"),
            N("Chưa hoàn thành, trong hạn"), N("Chưa hoàn thành, quá hạn"), N("Trong đó gặp vướng mắc"));
    }

    private sealed record Figures(int Done, int Dated, int OnTime, int Late, int InTime, int Overdue, int Blocked);

    [GeneratedRegex(@"(\d+)/(\d+) mốc hoàn thành \([^)]*\): đúng hạn (\d+), trễ hạn (\d+); chưa hoàn thành: trong hạn (\d+), quá hạn (\d+); gặp vướng mắc (\d+)")]
    private static partial Regex SummarySentence();
}
