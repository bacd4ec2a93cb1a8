using System.Diagnostics;

namespace CchcBot.TestSupport;

/// <summary>Processes the tests start (Azurite, the Playground, run-local.sh).</summary>
public static class ChildProcess
{
    /// <summary>Kills the process and whatever it started, waits for it a while, and releases the handle.</summary>
    public static void Kill(Process process, int waitMilliseconds = 5000)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(waitMilliseconds);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
    }
}
