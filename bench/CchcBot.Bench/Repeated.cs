using System.Globalization;

namespace CchcBot.Bench;

/// <summary>The runs of one measure: their median, minimum and maximum.</summary>
public sealed record Samples(IReadOnlyList<double> Values)
{
    public double Median => MedianOf(Values);

    public double Min => Values.Min();

    public double Max => Values.Max();

    public int Runs => Values.Count;

    /// <summary>"12.3 (11.0–14.2, 5 runs)" in the unit given.</summary>
    public string Show(string format, string unit = "") =>
        $"{Median.ToString(format, CultureInfo.InvariantCulture)}{unit} ({Min.ToString(format, CultureInfo.InvariantCulture)}–{Max.ToString(format, CultureInfo.InvariantCulture)}, {Runs} runs)";

    public static double MedianOf(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>The pairwise ratios b[i] / a[i] of two alternated measures (run i of each).</summary>
    public static Samples Ratios(Samples b, Samples a) => new(b.Values.Zip(a.Values, (x, y) => x / y).ToList());
}

/// <summary>
/// How every measure is taken: one warm-up run of each case, not counted, then rounds that alternate the cases
/// (A B A B …, or A B C A B C …), so a change of load on the shared machine falls on every case alike.
/// </summary>
public static class Repeated
{
    public static int Runs { get; set; } = 5;

    public static async Task<Samples[]> AlternateAsync(string name, params Func<int, Task<double>>[] cases)
    {
        for (var c = 0; c < cases.Length; c++)
        {
            await cases[c](-1); // warm-up: JIT, connections, caches
        }

        var values = cases.Select(_ => new List<double>()).ToArray();
        for (var run = 0; run < Runs; run++)
        {
            for (var c = 0; c < cases.Length; c++)
            {
                values[c].Add(await cases[c](run));
            }

            Console.WriteLine($"  {name} run {run + 1}/{Runs}: {string.Join(" | ", values.Select(v => v[^1].ToString("0.###", CultureInfo.InvariantCulture)))}");
        }

        return values.Select(v => new Samples(v)).ToArray();
    }
}
