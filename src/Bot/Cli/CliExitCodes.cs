namespace CchcBot.Cli;

/// <summary>The exit codes of the operator commands (README, "Operator commands").</summary>
public static class CliExitCodes
{
    /// <summary>The task was done (and <c>--help</c> printed).</summary>
    public const int Ok = 0;

    /// <summary>The task failed: an invalid file, storage down or refusing, a send that failed.</summary>
    public const int Failed = 1;

    /// <summary>Bad usage (unknown command or option, a missing or malformed value) or invalid settings.</summary>
    public const int Usage = 2;

    /// <summary>Cancelled (Ctrl+C, SIGINT) before the task finished: 128 + SIGINT, as shells report it.</summary>
    public const int Cancelled = 130;
}
