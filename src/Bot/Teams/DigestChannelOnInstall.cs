using CchcBot.Cards;
using CchcBot.Delivery;
using CchcBot.Hosting;
using CchcBot.Plan;
using CchcBot.Storage;
using CchcBot.Teams.Delivery;
using CchcBot.Teams.Identity;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema.Teams;

namespace CchcBot.Teams;

/// <summary>
/// The Chief of Office's install of the bot in a team registers that channel as the digest channel, when none is
/// registered yet (<c>đặt kênh tổng hợp</c> moves it later). Anyone else's install changes nothing: it is logged and
/// recorded (<see cref="ITeamInstallRepository"/>, outcome "pending"), and the Chief of Office is told who installed
/// it where and how to make that channel the digest channel. Rights come from the stored directory.
/// </summary>
public sealed class DigestChannelOnInstall(
    IUserResolver users,
    IDirectoryRepository directories,
    CchcTables tables,
    IOutbox outbox,
    BotClock clock,
    ILogger<DigestChannelOnInstall> logger) : ITeamInstallObserver
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);
    private readonly TeamInstallRepository _installs = new(tables);

    public async Task OnTeamInstalledAsync(ITurnContext turnContext, StoredConversation channel, CancellationToken ct)
    {
        var installer = await users.ResolveAsync(turnContext, ct);
        var team = turnContext.Activity.GetChannelData<TeamsChannelData>()?.Team;
        var from = turnContext.Activity.From;
        var now = clock.Now;
        TeamInstall Record(string? agency, string outcome) => new(
            agency, channel.TenantId, team?.Id ?? channel.TeamId, team?.Name, channel.Key, channel.Name,
            installer?.Upn, installer?.Name ?? from?.Name, installer?.ObjectId ?? from?.AadObjectId, now, outcome);

        if (installer is null)
        {
            logger.LogWarning("Bot installed in team {TeamId} channel {ChannelId} by user {UserObjectId}, who is in no directory; the digest channel is unchanged",
                team?.Id, channel.Key, from?.AadObjectId);
            await _installs.RecordAsync(Record(null, TeamInstallOutcome.Ignored), ct);
            return;
        }

        if (installer.IsChiefOfOffice)
        {
            if (await directories.GetDigestChannelAsync(installer.Agency, ct) is null)
            {
                await directories.SetDigestChannelAsync(installer.Agency, channel.TenantId, channel.Key, ct);
                logger.LogInformation("Digest channel of {Agency} registered on install by the Chief of Office: team {TeamId} channel {ChannelId}",
                    installer.Agency, team?.Id, channel.Key);
                await _installs.RecordAsync(Record(installer.Agency, TeamInstallOutcome.Registered), ct);
            }
            else
            {
                await _installs.RecordAsync(Record(installer.Agency, TeamInstallOutcome.Kept), ct);
            }

            return;
        }

        logger.LogWarning("Bot installed in team {TeamId} channel {ChannelId} of {Agency} by {UserObjectId}, who is not the Chief of Office; the digest channel is unchanged and the Chief of Office is told",
            team?.Id, channel.Key, installer.Agency, installer.ObjectId);
        await _installs.RecordAsync(Record(installer.Agency, TeamInstallOutcome.Pending), ct);
        await TellChiefOfOfficeAsync(turnContext, installer, team?.Name ?? team?.Id, channel, now, ct);
    }

    /// <summary>Best effort, bounded in time, once per install activity (Teams may deliver it twice).</summary>
    private async Task TellChiefOfOfficeAsync(ITurnContext turnContext, AgencyUser installer, string? teamName, StoredConversation channel, DateTimeOffset now, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Budget);
        var chief = installer.Directory.ChiefOfOffice;
        try
        {
            var card = InfoCard.Build(
                ChatText.ForeignInstallTitle,
                ChatText.ForeignInstallText(
                    Markdown.Escape(installer.Name),
                    Markdown.Escape(installer.Upn),
                    Markdown.Escape(teamName ?? ChatText.UnnamedTeam),
                    Markdown.Escape(channel.Name ?? ChatText.UnnamedChannel),
                    Formats.DateTime(clock.ToLocal(now))),
                style: "warning");
            var key = $"team-install|{channel.Key}|{turnContext.Activity.Id}";
            var message = new OutgoingMessage(installer.Agency, new MessageTarget.Person(chief), chief, [key], new ReadyCard(card, ChatText.Summaries.ForeignInstall));
            var outcome = await outbox.SendOnceAsync(message, now, Budget, timeout.Token);
            if (outcome.Result is { Delivered: false } result)
            {
                logger.LogWarning("Could not tell the Chief of Office of {Agency} about the install in channel {ChannelId}: {Status} {Detail}",
                    installer.Agency, channel.Key, result.Status, result.Detail);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Could not tell the Chief of Office of {Agency} about the install in channel {ChannelId}", installer.Agency, channel.Key);
        }
    }
}
