using System.Text.RegularExpressions;
using CchcBot.Cards;
using CchcBot.Hosting;
using CchcBot.Plan;
using CchcBot.Plan.Import;
using CchcBot.Progress;
using CchcBot.Storage;
using CchcBot.Teams.Files;
using Microsoft.Bot.Schema;

namespace CchcBot.Teams.CardActions;

/// <summary>
/// Verb "confirmImport", data <c>{ importId }</c> ("Nhập kế hoạch" on the preview card): stores the plan as previewed.
/// Rights come from storage (the Chief of Office of the user's agency, as the stored directory says now); the pending
/// import is looked up in that agency only. It is confirmed at most once (an ETag-guarded move out of Pending: a
/// second confirm, or Teams re-sending the invoke, answers that it is done), never after its 24 hours. The card is
/// replaced by the result; each lead head whose tasks changed then gets one card.
/// </summary>
public sealed partial class ConfirmImportAction(
    IPendingImportRepository pending, PlanImporter importer, PlanChangeNotifier notifier, IDirectoryRepository directories, ChatCards cards, BotClock clock, ILogger<ConfirmImportAction> logger)
    : ICardAction
{
    /// <summary>A confirm that started this long ago and never finished (the instance stopped) may be taken over.</summary>
    public static readonly TimeSpan StaleImporting = TimeSpan.FromMinutes(2);

    public string Verb => CardContract.Verbs.ConfirmImport;

    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionRequest request, CancellationToken ct)
    {
        if (request.User is not { } user)
        {
            return InvokeResponses.Card(cards.Error(CardTexts.Refusal(UpdateRefusal.UnknownUser)));
        }

        if (!user.IsChiefOfOffice)
        {
            return InvokeResponses.Card(cards.Error(await RefusalAsync(directories, user, ct)));
        }

        if (!IsImportId(request.GetString("importId")))
        {
            return InvokeResponses.Card(cards.Error(CardTexts.Refusal(UpdateRefusal.InvalidCardData)));
        }

        var id = request.GetString("importId")!;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var import = await pending.GetAsync(user.Agency, id, ct);
            if (Settled(import, out var answer))
            {
                return answer!;
            }

            var from = import!.State;
            if (!await pending.TryMoveAsync(user.Agency, id, from, PendingImportState.Importing, ct))
            {
                continue; // another confirm or a cancel came first: answer by its outcome
            }

            PlanImportOutcome outcome;
            try
            {
                outcome = await importer.ImportAsync(import.Plan, $"{user.Name} ({user.Upn})", import.FileName, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await pending.TryMoveAsync(user.Agency, id, PendingImportState.Importing, PendingImportState.Pending, CancellationToken.None);
                if (e is PlanImportConflictException)
                {
                    logger.LogWarning(e, "Import {ImportId} of {Agency} met a concurrent import", id, user.Agency);
                    return InvokeResponses.Card(cards.Error(PlanImportTexts.Conflict));
                }

                throw;
            }

            await pending.TryMoveAsync(user.Agency, id, PendingImportState.Importing, PendingImportState.Confirmed, CancellationToken.None);
            var plan = outcome.Plan;
            var notified = outcome.Saved.Changed
                ? await notifier.NotifyAsync(user.Directory, plan, outcome.Before, outcome.Diff, user.Upn, PlanImportTexts.Chief(user.Name, user.Upn), ct)
                : 0;
            var text = outcome.Saved.Changed
                ? CardStrings.Import.DoneText(plan.Title, plan.Year, plan.Tasks.Count, plan.Tasks.Sum(t => t.Milestones.Count),
                    outcome.Diff.Added.Count, outcome.Diff.Changed.Count, outcome.Diff.Removed.Count, notified)
                : CardStrings.Import.UnchangedText(plan.Title, plan.Year);
            return InvokeResponses.Card(ImportPreviewCard.Done(CardStrings.Import.DoneTitle, Markdown.Escape(text)));
        }

        return InvokeResponses.Card(cards.Error(PlanImportTexts.InProgress));
    }

    public static bool IsImportId(string? value) => value is not null && ImportIdPattern().IsMatch(value);

    public static async Task<string> RefusalAsync(IDirectoryRepository directories, AgencyUser user, CancellationToken ct)
    {
        var chief = user.Directory.ChiefOfOffice;
        var name = (await directories.GetIdentityAsync(user.Agency, chief, ct))?.Name;
        return PlanImportTexts.OnlyChiefOfOfficeImports(PlanImportTexts.Chief(name, chief));
    }

    /// <summary>Whether the import can no longer be confirmed, and the answer if so.</summary>
    private bool Settled(PendingImport? import, out AdaptiveCardInvokeResponse? answer)
    {
        answer = import switch
        {
            null => InvokeResponses.Card(cards.Error(PlanImportTexts.NotFound)),
            { State: PendingImportState.Confirmed } => InvokeResponses.Card(InfoCard.Build(
                PlanImportTexts.AlreadyDoneTitle, PlanImportTexts.AlreadyDone(Formats.TimeOnDate(clock.ToLocal(import.ChangedAt))))),
            { State: PendingImportState.Cancelled } => InvokeResponses.Card(cards.Error(PlanImportTexts.AlreadyCancelled)),
            { State: PendingImportState.Importing } when clock.Now - import.ChangedAt < StaleImporting => InvokeResponses.Card(cards.Error(PlanImportTexts.InProgress)),
            _ when clock.Now >= import.ExpiresAt => InvokeResponses.Card(cards.Error(PlanImportTexts.Expired((int)PlanImportFlow.Lifetime.TotalHours))),
            _ => null,
        };
        return answer is not null;
    }

    [GeneratedRegex("^[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex ImportIdPattern();
}
