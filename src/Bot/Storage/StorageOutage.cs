using Azure;

namespace CchcBot.Storage;

/// <summary>Whether a failure means storage does not answer (down, unreachable, 5xx), as opposed to a refused request.</summary>
public static class StorageOutage
{
    public static bool Is(Exception exception) =>
        exception is RequestFailedException { Status: 0 or >= 500 } ||
        exception.InnerException is HttpRequestException ||
        exception is HttpRequestException ||
        (exception is AggregateException agg && agg.InnerExceptions.Any(Is));
}
