using System.Diagnostics;

namespace CchcBot.TestSupport;

/// <summary>Long-lived node servers the tests start (Azurite, the Playground).</summary>
public static class NodeServer
{
    /// <summary>node running <paramref name="script"/>; the server exits by itself if the test host dies first.</summary>
    public static ProcessStartInfo StartInfo(string script, params string[] args)
    {
        var psi = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        psi.ArgumentList.Add("--require");
        psi.ArgumentList.Add(RepoPaths.Of("tests", "Support", "exit-with-parent.js"));
        psi.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        return psi;
    }

    /// <summary>Kills the server and whatever it started, waits for it briefly, and releases the handle.</summary>
    public static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
    }
}
