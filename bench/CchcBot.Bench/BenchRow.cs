namespace CchcBot.Bench;

/// <summary>One measured figure, its goal, and whether it was met.</summary>
public sealed record BenchRow(string Id, string Measure, string Value, string Goal, bool Met)
{
    public static void Print(IReadOnlyList<BenchRow> rows)
    {
        Console.WriteLine();
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine("| id | measure | value | goal | met |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var r in rows)
        {
            Console.WriteLine($"| {r.Id} | {r.Measure} | {r.Value} | {r.Goal} | {(r.Met ? "yes" : "NO")} |");
        }
    }
}
