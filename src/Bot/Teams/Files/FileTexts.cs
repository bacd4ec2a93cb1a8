using CchcBot.Cards;

namespace CchcBot.Teams.Files;

/// <summary>Which of the cards' sentences (src/Cards/Texts/FileStrings) says why a file could not be used.</summary>
public static class FileTexts
{
    public static string DownloadFailed(string name, DownloadFailure why) => why switch
    {
        DownloadFailure.TooLarge => FileStrings.TooLarge(name, (int)(IncomingFileRouter.MaxBytes / 1024 / 1024)),
        DownloadFailure.HostNotAllowed => FileStrings.HostNotAllowed(name),
        DownloadFailure.TimedOut => FileStrings.TimedOut(name),
        _ => FileStrings.DownloadFailed(name),
    };
}
