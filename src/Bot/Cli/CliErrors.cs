namespace CchcBot.Cli;

/// <summary>The command line is wrong in a way only storage shows (e.g. several agencies and no --agency): exit code 2
/// with the message.</summary>
public sealed class CliUsageException(string message) : Exception(message);

/// <summary>The task failed (invalid file, storage down…): exit code 1 with the message.</summary>
public sealed class CliFailureException(string message) : Exception(message);
