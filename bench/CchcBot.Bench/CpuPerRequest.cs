using System.Diagnostics;

namespace CchcBot.Bench;

/// <summary>
/// The CPU time the bot's process and Azurite's spend per request of one measured run: on 2 cores shared by both (and
/// the bench), a request's latency under load follows the CPU it costs them together, so this row says where a
/// latency ratio comes from.
/// </summary>
public sealed class CpuPerRequest(int botProcessId, int azuriteProcessId)
{
    private readonly List<double> _bot = [];
    private readonly List<double> _azurite = [];

    public Samples Bot => new(_bot);

    public Samples Azurite => new(_azurite);

    /// <summary>Runs <paramref name="run"/> (which answers one latency per request) and records its CPU per request.</summary>
    public async Task<List<double>> MeasureAsync(Func<Task<List<double>>> run)
    {
        var (bot, azurite) = (CpuMs(botProcessId), CpuMs(azuriteProcessId));
        var times = await run();
        _bot.Add((CpuMs(botProcessId) - bot) / times.Count);
        _azurite.Add((CpuMs(azuriteProcessId) - azurite) / times.Count);
        return times;
    }

    private static double CpuMs(int processId)
    {
        using var process = Process.GetProcessById(processId);
        return process.TotalProcessorTime.TotalMilliseconds;
    }
}
