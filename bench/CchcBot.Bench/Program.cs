using CchcBot.Bench;

// Runs every benchmark and prints a table. Usage: dotnet run -c Release --project bench/CchcBot.Bench [-- --quick]
var quick = args.Contains("--quick");
var rows = new List<BenchRow>();
rows.AddRange(await SweepScaling.RunAsync(quick));
rows.AddRange(await DeliveryRate.RunAsync(quick));
rows.AddRange(await ChatLatency.RunAsync(quick));
BenchRow.Print(rows);
return rows.All(r => r.Met) ? 0 : 1;
