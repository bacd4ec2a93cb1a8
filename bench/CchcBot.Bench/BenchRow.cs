namespace CchcBot.Bench;

/// <summary>One measured figure, its goal, and whether it was met.</summary>
public sealed record BenchRow(string Id, string Measure, string Value, string Goal, bool Met)
{
    public static void Print(IReadOnlyList<BenchRow> rows, bool quick)
    {
        Console.WriteLine();
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC{(quick ? ", --quick (smaller sizes)" : string.Empty)}");
        Console.WriteLine($"Each measure: one warm-up run not counted, then {Repeated.Runs} runs alternating the compared cases; median (min–max); ratios are medians of the pairwise ratios.");
        Console.WriteLine("| id | measure | value | goal | met |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var r in rows)
        {
            Console.WriteLine($"| {r.Id} | {r.Measure} | {r.Value} | {r.Goal} | {(r.Met ? "yes" : "NO")} |");
        }
    }
}
