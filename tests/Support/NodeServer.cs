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
}
