using CchcBot.Bench;

// Runs the benchmarks and prints a table. Usage: scripts/bench.sh [--quick] [--runs N] [--only P1|P2|P3|P4|P5|P7]
var quick = args.Contains("--quick");
var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
if (args.SkipWhile(a => a != "--runs").Skip(1).FirstOrDefault() is { } runs && int.TryParse(runs, out var n) && n >= 1)
{
    Repeated.Runs = n;
}

var rows = new List<BenchRow>();
(string Id, Func<bool, Task<IReadOnlyList<BenchRow>>> Run)[] measures =
[
    ("P2", SweepScaling.RunAsync),
    ("P3", DeliveryRate.RunAsync),
    ("P4", PlanImport.RunAsync),
    ("P5", ReportFormats.RunAsync),
    ("P1", ChatLatency.RunAsync),
    ("P1", LaterYearReads.RunAsync),
    ("P7", Province.RunAsync),
];
foreach (var (id, run) in measures)
{
    if (only is null || only.Equals(id, StringComparison.OrdinalIgnoreCase))
    {
        Console.WriteLine($"== {id}");
        rows.AddRange(await run(quick));
        await BenchStorage.ClearAsync();
    }
}

BenchRow.Print(rows, quick);
return rows.All(r => r.Met) ? 0 : 1;
