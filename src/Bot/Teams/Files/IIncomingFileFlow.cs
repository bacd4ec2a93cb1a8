using CchcBot.Plan;
using Microsoft.Bot.Builder;

namespace CchcBot.Teams.Files;

/// <summary>A file a directory user sent, downloaded.</summary>
/// <param name="FileType">The lower-case extension Teams reports ("docx", "pdf").</param>
/// <param name="Text">The message's text sent with the file, if any.</param>
public sealed record ReceivedFile(string Name, string FileType, byte[] Content, string? Text);

/// <summary>
/// Something the bot does with a received file (import a plan, attach evidence). Flows are asked in registration
/// order; the first that takes the file answers the user.
/// </summary>
public interface IIncomingFileFlow
{
    Task<bool> TryHandleAsync(ITurnContext turnContext, AgencyUser user, ReceivedFile file, CancellationToken ct);
}
