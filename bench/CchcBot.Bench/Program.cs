using CchcBot.Bench;

// Runs the benchmarks and prints a table. Usage: scripts/bench.sh [--quick] [--only P1|P2|P3]
var quick = args.Contains("--quick");
var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
var rows = new List<BenchRow>();
if (only is null or "P2")
{
    rows.AddRange(await SweepScaling.RunAsync(quick));
}

if (only is null or "P3")
{
    rows.AddRange(await DeliveryRate.RunAsync(quick));
}

if (only is null or "P1")
{
    rows.AddRange(await ChatLatency.RunAsync(quick));
}

BenchRow.Print(rows);
return rows.All(r => r.Met) ? 0 : 1;
