using CchcBot.Cards;
using CchcBot.Hosting;
using CchcBot.Plan;
using CchcBot.Reports;
using Microsoft.Bot.Builder;

namespace CchcBot.Teams.Commands;

/// <summary>
/// "báo cáo quý", by the Chief of Office: the current quarter's report workbook as a download link built on
/// Bot:PublicBaseUrl (never on the request's Host header, which whoever sends the request chooses).
/// </summary>
public sealed class QuarterReportCommand(ReportService reports, ReportDownloads downloads, BotClock clock, PublicAddress address) : IChatCommand
{
    public IReadOnlyList<string> Phrases { get; } = ["báo cáo quý", "quarter report"];

    public async Task ExecuteAsync(ITurnContext turnContext, AgencyUser? user, CancellationToken ct)
    {
        if (user is null || !user.IsChiefOfOffice)
        {
            await turnContext.SendActivityAsync(ChatText.ReportOnlyChiefOfOffice, cancellationToken: ct);
            return;
        }

        var period = ReportPeriod.QuarterOf(clock.Today);
        var content = await reports.BuildAsync(user.Agency, period, ct);
        if (content is null)
        {
            await turnContext.SendActivityAsync(UpdateStrings.NoPlan, cancellationToken: ct);
            return;
        }

        var token = await downloads.StoreAsync(ReportService.FileName(user.Agency, period), content, ct);
        var card = ReportCard.WorkbookLink(period.Label, $"{address.BaseUrl}/reports/{token}", (int)ReportDownloads.Lifetime.TotalMinutes);
        await turnContext.SendActivityAsync(CardMessages.Of(card, ChatText.Summaries.Report), ct);
    }
}
