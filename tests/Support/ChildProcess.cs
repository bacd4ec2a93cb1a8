using System.Diagnostics;

namespace CchcBot.TestSupport;

/// <summary>Processes the tests start (Azurite, the Playground, run-local.sh).</summary>
public static class ChildProcess
{
    /// <summary>Starts the process with its output read and dropped, so a chatty child never blocks on a full pipe.</summary>
    public static Process StartQuiet(ProcessStartInfo psi)
    {
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.UseShellExecute = false;
        var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {psi.FileName}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Sends a POSIX signal ("INT", "TERM") to the process only, not to its children.</summary>
    public static void Signal(Process process, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

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
