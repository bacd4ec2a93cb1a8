using CchcBot.Cards;
using CchcBot.Hosting;
using CchcBot.Plan;
using CchcBot.Reports;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace CchcBot.Teams.Commands;

/// <summary>
/// "báo cáo", by the Chief of Office or the Chief Inspector: a card to choose the report period — the four of the current
/// year (quý I, 6 tháng đầu năm, quý III, năm) and the previous year's — answered by <see cref="CardActions.MakeReportAction"/>.
/// </summary>
public sealed class PeriodReportCommand(BotClock clock, IOptions<ReportOptions> options) : IChatCommand
{
    public const string Refusal =
        "Xin lỗi, báo cáo định kỳ về công tác cải cách hành chính chỉ dành cho Chánh Văn phòng và Chánh Thanh tra. " +
        "Đề nghị đồng chí liên hệ Chánh Văn phòng nếu cần số liệu.";

    public IReadOnlyList<string> Phrases { get; } = ["báo cáo", "báo cáo định kỳ", "report"];

    /// <summary>Who may have the periodic report (from the stored directory).</summary>
    public static bool MayReport(AgencyUser? user) => user is not null && (user.IsChiefOfOffice || user.IsChiefInspector);

    /// <summary>The periods offered on <paramref name="today"/>: this year's four reports, then last year's yearly one.</summary>
    public static IReadOnlyList<ReportPeriod> Offered(DateOnly today) => ReportPeriod.Offered(today);

    public async Task ExecuteAsync(ITurnContext turnContext, AgencyUser? user, CancellationToken ct)
    {
        if (user is null)
        {
            await turnContext.SendActivityAsync(ChatText.UnknownUser, cancellationToken: ct);
            return;
        }

        if (!MayReport(user))
        {
            await turnContext.SendActivityAsync(Refusal, cancellationToken: ct);
            return;
        }

        var day = options.Value.CutOffDay;
        var card = ReportCard.Choose(
            Offered(clock.Today).Select(p => new ReportChoice(p.Key, p.Label)).ToList(),
            day == 0 ? "cuối" : day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await turnContext.SendActivityAsync(CardMessages.Of(card, ReportCard.Title), ct);
    }
}
