using CchcBot.Cards;
using CchcBot.Teams.Identity;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace CchcBot.Teams.Files;

/// <summary>
/// Answers a message that carries files: only in a personal chat, only from someone in a directory, one file at a
/// time; the file is downloaded once and offered to each <see cref="IIncomingFileFlow"/> in turn.
/// </summary>
public sealed class IncomingFileRouter(IEnumerable<IIncomingFileFlow> flows, FileDownloader downloader, IUserResolver users)
{
    /// <summary>The largest file any flow takes (evidence, 20 MB); a flow with a lower limit checks its own.</summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    public static bool CarriesFiles(IActivity activity) => TeamsFileAttachment.Of(activity).Count > 0;

    public async Task RouteAsync(ITurnContext turnContext, CancellationToken ct)
    {
        var files = TeamsFileAttachment.Of(turnContext.Activity);
        if (turnContext.Activity.Conversation?.ConversationType is not (null or "personal"))
        {
            return; // Teams only sends file.download.info in a personal chat.
        }

        var user = await users.ResolveAsync(turnContext, ct);
        if (user is null)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(FileStrings.NotInDirectory), ct);
            return;
        }

        if (files.Count > 1)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(FileStrings.OneAtATime), ct);
            return;
        }

        var file = files[0];
        var download = await downloader.DownloadAsync(file.DownloadUrl, MaxBytes, ct);
        if (download.Content is null)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(FileTexts.DownloadFailed(file.Name, download.Failure!.Value)), ct);
            return;
        }

        var received = new ReceivedFile(file.Name, file.FileType, download.Content, turnContext.Activity.RemoveRecipientMention());
        foreach (var flow in flows)
        {
            if (await flow.TryHandleAsync(turnContext, user, received, ct))
            {
                return;
            }
        }

        await turnContext.SendActivityAsync(MessageFactory.Text(FileStrings.NotUsed(file.Name)), ct);
    }
}
