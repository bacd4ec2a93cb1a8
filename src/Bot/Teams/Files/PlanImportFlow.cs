using CchcBot.Cards;
using CchcBot.Hosting;
using CchcBot.Plan;
using CchcBot.Plan.Files;
using CchcBot.Plan.Files.Word;
using CchcBot.Plan.Import;
using CchcBot.Storage;
using Microsoft.Bot.Builder;

namespace CchcBot.Teams.Files;

/// <summary>
/// A plan sent in the personal chat: a JSON plan file, or a Word document whose task table is found (any other Word
/// document — a signed letter, a report — is left to the next flow). From anyone but the Chief of Office it is refused
/// politely, naming them, and nothing is stored; over 10 MB it is refused. From the Chief of Office it is read,
/// validated and compared with the stored plan, and answered with the preview card; with no problem the plan as
/// previewed is kept for <see cref="Lifetime"/> for "Nhập kế hoạch" (<see cref="CardContract.Verbs.ConfirmImport"/>).
/// </summary>
public sealed class PlanImportFlow(
    PlanImporter importer, IPendingImportRepository pending, IDirectoryRepository directories, BotClock clock) : IIncomingFileFlow
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public async Task<bool> TryHandleAsync(ITurnContext turnContext, AgencyUser user, ReceivedFile file, CancellationToken ct)
    {
        var kind = PlanFileKind.Detect(file.Content);
        var unreadable = false;
        if (kind == PlanFileKind.Docx)
        {
            var content = WordPlanReader.Classify(file.Content);
            if (content == WordContent.OtherDocument)
            {
                return false; // a Word document, but not a plan: evidence, a letter…
            }

            unreadable = content == WordContent.Unreadable;
        }
        else if (kind == PlanFileKind.Unknown)
        {
            if (file.FileType != "docx")
            {
                return false; // a picture, a PDF, a spreadsheet: not a plan
            }

            unreadable = true; // named .docx, but not a Word document that opens
        }

        if (!user.IsChiefOfOffice)
        {
            var chief = user.Directory.ChiefOfOffice;
            var name = (await directories.GetIdentityAsync(user.Agency, chief, ct))?.Name;
            await SendAsync(turnContext, PlanImportTexts.OnlyChiefOfOffice(file.Name, PlanImportTexts.Chief(name, chief)), ct);
            return true;
        }

        if (file.Content.Length > ImportLimits.MaxFileBytes)
        {
            await SendAsync(turnContext, PlanImportTexts.TooLarge(file.Name), ct);
            return true;
        }

        if (unreadable)
        {
            await SendAsync(turnContext, PlanImportTexts.Unreadable(file.Name), ct);
            return true;
        }

        var preview = await importer.PreviewAsync(file.Content, user.Directory, null, ct);
        string? importId = null;
        string? until = null;
        if (preview.Ok)
        {
            importId = await pending.AddAsync(user.Agency, user.Upn, user.Name, file.Name, preview.Plan!, Lifetime, ct);
            until = Formats.TimeOnDate(clock.ToLocal(clock.Now + Lifetime));
        }

        var card = ImportPreviewCard.Build(PlanImportViews.Preview(file.Name, preview, preview.Stored, importId, until, user.Directory));
        await turnContext.SendActivityAsync(CardMessages.Of(card, PlanImportTexts.PreviewSummary), ct);
        return true;
    }

    private static Task<Microsoft.Bot.Schema.ResourceResponse> SendAsync(ITurnContext turnContext, string text, CancellationToken ct) =>
        turnContext.SendActivityAsync(MessageFactory.Text(text), ct);
}
