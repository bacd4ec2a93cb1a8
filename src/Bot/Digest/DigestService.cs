using CchcBot.Cards;
using CchcBot.Delivery;
using CchcBot.Hosting;
using CchcBot.Plan;
using CchcBot.Progress;
using CchcBot.Storage;
using Microsoft.Extensions.Options;

namespace CchcBot.Digest;

/// <summary>
/// Posting the weekly digest: its figures (<see cref="DigestFiguresService"/>) as of an instant, once per ISO week per
/// agency (a ledger claim on the week's key), to the registered Office channel — or, when none is registered, to the
/// Chief of Office 1:1 with a line saying how.
/// </summary>
public sealed class DigestService(
    ISnapshotLoader snapshots,
    DigestFiguresService figuresService,
    ISendLedger ledger,
    IDirectoryRepository directories,
    IConversationRepository conversations,
    IOutbox outbox,
    IOptions<DigestOptions> options,
    BotClock clock)
{
    private const string LedgerRecipient = "digest";
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    /// <summary>True from the configured day and time of the instant's ISO week until the week ends (a missed digest
    /// is posted when the bot comes back, in the same week only).</summary>
    public bool IsDue(DateTimeOffset at)
    {
        var local = clock.ToLocal(at);
        var today = DateOnly.FromDateTime(local);
        var week = DigestWeek.Of(today);
        var offset = ((int)options.Value.DayOfWeek + 6) % 7; // Monday = 0
        var dueAt = week.Monday.AddDays(offset).ToDateTime(options.Value.TimeOfDay);
        return local >= dueAt;
    }

    /// <returns>What happened, with a one-line summary for the operator's log.</returns>
    public async Task<DigestPosting> PostAsync(string agency, DateTimeOffset at, bool force, CancellationToken ct)
    {
        // The scheduler asks every few minutes until the week ends: once the week's digest is in the ledger, answer
        // from there instead of computing it again.
        var week = DigestWeek.Of(clock.LocalDate(at));
        var weekKey = $"digest|{week.Key}";
        if (!force && await ledger.StateAsync(agency, LedgerRecipient, weekKey, ct) is { } state && state != SendLedger.Claimed)
        {
            return AlreadyPosted(agency, week.Key);
        }

        var snapshot = await snapshots.LoadAsync(agency, clock.LocalDate(at), ct);
        if (snapshot is null)
        {
            return new DigestPosting(DigestPostingOutcome.NoPlan, $"{agency}: no plan or no directory; no digest.");
        }

        var figures = await figuresService.FiguresAsync(snapshot, at, null, ct);
        var directory = snapshot.Directory;
        var chiefInspector = await directories.GetIdentityAsync(agency, directory.ChiefInspector, ct);
        var registered = await directories.GetDigestChannelAsync(agency, ct);
        var channel = registered is var (tenant, channelId)
            ? await conversations.GetAsync(ConversationKind.Channel, tenant, channelId, ct)
            : null;
        var key = force ? $"{weekKey}|forced|{Guid.NewGuid():N}" : weekKey;
        var target = channel is { Active: true } ? "channel" : directory.ChiefOfOffice;
        MessageTarget to = channel is { Active: true } ? new MessageTarget.Channel(channel) : new MessageTarget.Person(directory.ChiefOfOffice);
        var content = new DigestContent(figures, chiefInspector, NoChannel: channel is not { Active: true });
        var outcome = await outbox.SendOnceAsync(new OutgoingMessage(agency, to, LedgerRecipient, [key], content), at, Lease, ct);
        if (outcome.NothingToDo)
        {
            return AlreadyPosted(agency, figures.Week.Key);
        }

        var where = target == "channel" ? $"channel {channel!.Name ?? channel.Key}" : $"{directory.ChiefOfOffice} (no digest channel registered)";
        return outcome.Result!.Delivered
            ? new DigestPosting(DigestPostingOutcome.Posted, $"{agency}: posted the digest of {figures.Week.Key} to {where}.")
            : new DigestPosting(DigestPostingOutcome.Failed, $"{agency}: could not post the digest of {figures.Week.Key} to {where}: {outcome.Result.Status} {outcome.Result.Detail}");
    }

    private static DigestPosting AlreadyPosted(string agency, string weekKey) =>
        new(DigestPostingOutcome.AlreadyPosted, $"{agency}: the digest of {weekKey} was already posted; nothing sent (use --force to post again).");

}
