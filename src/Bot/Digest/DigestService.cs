using CchcBot.Cards;
using CchcBot.Cards.Views;
using CchcBot.Delivery;
using CchcBot.Hosting;
using CchcBot.Progress;
using CchcBot.Storage;
using CchcBot.Teams;
using Microsoft.Extensions.Options;

namespace CchcBot.Digest;

/// <summary>
/// The weekly digest: figures as of an instant, posted once per ISO week per agency (a ledger claim on the week's key)
/// to the registered Office channel — or, when none is registered, to the Chief of Office 1:1 with a line saying how.
/// </summary>
public sealed class DigestService(
    ISnapshotLoader snapshots,
    IProgressRepository progress,
    ILedgerRepository ledger,
    IDirectoryRepository directories,
    IConversationRepository conversations,
    IProactiveSender sender,
    ExactlyOnceSender once,
    IOptions<DigestOptions> options,
    BotClock clock)
{
    public const string NoChannelNote = ChatText.NoDigestChannel;
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

    public async Task<DigestFigures?> FiguresAsync(string agency, DateTimeOffset at, string? departmentId, CancellationToken ct)
    {
        var snapshot = await snapshots.LoadAsync(agency, DateOnly.FromDateTime(clock.ToLocal(at)), ct);
        if (snapshot is null)
        {
            return null;
        }

        var history = await progress.GetHistorySinceAsync(agency, DateTimeOffset.MinValue, ct);
        var unreachable = (await ledger.UnreachableAsync(agency, ct)).Select(u => $"{u.Recipient} — {u.Reason}").ToList();
        return DigestCalculator.Compute(snapshot, history, unreachable, at, departmentId);
    }

    /// <summary>The Chief Inspector's Teams id and name, to @mention them, when they have talked to the bot.</summary>
    public async Task<(string Id, string Name)?> ChiefInspectorMentionAsync(string agency, CancellationToken ct)
    {
        var directory = await directories.GetAsync(agency, ct);
        var identity = directory is null ? null : await directories.GetIdentityAsync(agency, directory.ChiefInspector, ct);
        return identity?.TeamsUserId is { } id ? (id, identity.Name ?? ChatText.ChiefInspector) : null;
    }

    /// <returns>A one-line summary of what happened.</returns>
    public async Task<string> PostAsync(string agency, DateTimeOffset at, bool force, CancellationToken ct)
    {
        var figures = await FiguresAsync(agency, at, null, ct);
        var directory = await directories.GetAsync(agency, ct);
        if (figures is null || directory is null)
        {
            return $"{agency}: no plan or no directory; no digest.";
        }

        var mention = await ChiefInspectorMentionAsync(agency, ct);
        var registered = await directories.GetDigestChannelAsync(agency, ct);
        var channel = registered is var (tenant, channelId)
            ? await conversations.GetAsync(ConversationKind.Channel, tenant, channelId, ct)
            : null;
        var key = force ? $"digest|{figures.Week.Key}|forced|{Guid.NewGuid():N}" : $"digest|{figures.Week.Key}";
        var target = channel is { Active: true } ? "channel" : directory.ChiefOfOffice;
        var outcome = await once.SendAsync(agency, "digest", [key], at, Lease,
            _ => CardMessages.Of(DigestCard.Build(figures, mention, channel is { Active: true } ? null : NoChannelNote), $"{ChatText.Summaries.Digest} tuần {figures.Week.Number}"),
            (message, token) => channel is { Active: true }
                ? sender.SendToChannelAsync(channel, message, token)
                : sender.SendToPersonAsync(agency, directory.ChiefOfOffice, message, token),
            ct);
        if (outcome.NothingToDo)
        {
            return $"{agency}: the digest of {figures.Week.Key} was already posted; nothing sent (use --force to post again).";
        }

        var where = target == "channel" ? $"channel {channel!.Name ?? channel.Key}" : $"{directory.ChiefOfOffice} (no digest channel registered)";
        return outcome.Result!.Delivered
            ? $"{agency}: posted the digest of {figures.Week.Key} to {where}."
            : $"{agency}: could not post the digest of {figures.Week.Key} to {where}: {outcome.Result.Status} {outcome.Result.Detail}";
    }
}
