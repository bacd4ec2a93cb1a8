using CchcBot.Cards;
using CchcBot.Hosting;
using CchcBot.Reports;
using CchcBot.Teams.Commands;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace CchcBot.Teams.CardActions;

/// <summary>
/// Verb "makeReport", data <c>{ period }</c> ("2026-Q1", "2026-H1", "2026-Q3", "2026"): builds the Word report and the
/// workbook from one snapshot and answers with a card carrying a download link to each. Rights come from the stored
/// directory (Chief of Office, Chief Inspector), never from the card.
/// </summary>
public sealed class MakeReportAction(ReportService reports, ReportDownloads downloads, ChatCards cards, IOptions<ReportOptions> options, BotClock clock, PublicAddress address)
    : ICardAction
{
    public const string BadPeriod = "Kỳ báo cáo không hợp lệ. Đề nghị đồng chí gõ \"báo cáo\" để chọn lại kỳ báo cáo.";

    public string Verb => CardContract.Verbs.MakeReport;

    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionRequest request, CancellationToken ct)
    {
        if (request.User is not { } user)
        {
            return InvokeResponses.Card(cards.Error(ChatText.UnknownUser));
        }

        if (!PeriodReportCommand.MayReport(user))
        {
            return InvokeResponses.Card(cards.Error(PeriodReportCommand.Refusal));
        }

        if (!ReportPeriod.TryParseKey(request.GetString("period"), out var period))
        {
            return InvokeResponses.Card(cards.Error(BadPeriod));
        }

        var files = await reports.BuildAllAsync(user.Agency, period, [ReportFormat.Document, ReportFormat.Workbook], ct);
        if (files is null)
        {
            return InvokeResponses.Card(cards.Error(UpdateStrings.NoPlan));
        }

        var document = await downloads.StoreAsync(ReportService.FileName(user.Agency, period, ReportFormat.Document), files[ReportFormat.Document], ct);
        var workbook = await downloads.StoreAsync(ReportService.FileName(user.Agency, period, ReportFormat.Workbook), files[ReportFormat.Workbook], ct);
        var cutOff = period.CutOff(options.Value.CutOffDay);
        var shown = cutOff < clock.Today ? cutOff : clock.Today;
        var baseUrl = address.BaseUrl; // Bot:PublicBaseUrl, never the request's Host header
        return InvokeResponses.Card(ReportCard.Links(
            period.Label, Formats.Date(shown), $"{baseUrl}/reports/{document}", $"{baseUrl}/reports/{workbook}", (int)ReportDownloads.Lifetime.TotalMinutes));
    }
}
