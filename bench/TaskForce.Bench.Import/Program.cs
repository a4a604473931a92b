// Import and snapshot benchmark on Azurite. Usage (from the repository root): bench/import-bench.sh
// Reads the real verdicts, makes N synthetic copies with distinct case numbers (same facts otherwise), and measures:
// import batched (transactions of <= 100 entities per partition) vs one entity per request, and snapshot time.
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using TaskForce.Application.Import;
using TaskForce.Application.Snapshots;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Storage;

string conn = Environment.GetEnvironmentVariable("TASKFORCE_STORAGE") ?? throw new InvalidOperationException("Set TASKFORCE_STORAGE");
string source = args.Length > 0 ? args[0] : "samples/verdicts/verdicts.jsonl";
int copies = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 13;
string output = args.Length > 2 ? args[2] : "bench/results/import.md";

string[] real = File.ReadAllLines(source).Where(l => l.Trim().Length > 0).ToArray();
var lines = new List<string>();
for (int c = 0; c < copies; c++)
{
    foreach (string l in real)
    {
        lines.Add(Regex.Replace(l, "\"case_number\": \"([^\"]*)\"", m => $"\"case_number\": \"{m.Groups[1].Value} #{c}\""));
    }
}

string file = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.jsonl");
File.WriteAllLines(file, lines);
long entities = 0;
foreach (string l in lines)
{
    var v = PutusanRecordParser.Parse(l, null);
    entities += 1 + v.Facts.Victims.Count + v.Facts.DetentionPeriods.Count;
}

async Task<(double Seconds, ImportReport Report, TaskForceTables Tables)> ImportAsync(bool batched)
{
    var tables = new TaskForceTables(new TaskForceStorageOptions { ConnectionString = conn, TablePrefix = "bench" + Guid.NewGuid().ToString("N")[..8] });
    await tables.EnsureCreatedAsync();
    var repo = new TableVerdictRepository(tables) { UseTransactions = batched };
    var useCase = new ImportVerdictsUseCase(repo, NodaTime.SystemClock.Instance, TaskForce.Domain.Common.DistrictTime.DefaultZone, NullLogger<ImportVerdictsUseCase>.Instance);
    var sw = Stopwatch.StartNew();
    using var reader = new StreamReader(file);
    var report = await useCase.ImportPutusanAsync(reader, file, null, null);
    sw.Stop();
    return (sw.Elapsed.TotalSeconds, report, tables);
}

var batchedRun = await ImportAsync(batched: true);
var singleRun = await ImportAsync(batched: false);
var snapshotUseCase = new SnapshotUseCase(new TableVerdictRepository(batchedRun.Tables), new TableSnapshotRepository(batchedRun.Tables), SystemClock.Instance, DistrictTime.DefaultZone, NullLogger<SnapshotUseCase>.Instance);
var times = new List<double>();
IndicatorSnapshot? snapshot = null;
for (int i = 0; i < 5; i++)
{
    var sw = Stopwatch.StartNew();
    snapshot = await snapshotUseCase.ComputeAsync(RegionCode.All, ReportingPeriod.Parse("2025"), null);
    sw.Stop();
    times.Add(sw.Elapsed.TotalMilliseconds);
}

await batchedRun.Tables.DeleteAllAsync();
await singleRun.Tables.DeleteAllAsync();
File.Delete(file);

string Row(string name, double s, ImportReport r) =>
    string.Create(CultureInfo.InvariantCulture, $"| {name} | {r.Imported} | {entities} | {s:F2} | {r.Imported / s:F0} | {entities / s:F0} |");

string text = string.Join('\n',
[
    "# Import and snapshot benchmark (Azurite 3.35.0, in memory)",
    string.Empty,
    $"Command: `bench/import-bench.sh` (runs `dotnet run -c Release --project bench/TaskForce.Bench.Import -- {source} {copies} {output}` against a fresh in-memory Azurite).",
    string.Create(CultureInfo.InvariantCulture, $"Measured: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, .NET {Environment.Version}."),
    string.Empty,
    $"Input: the {real.Length} real verdicts × {copies} copies with distinct case numbers = {lines.Count} verdicts, {entities} table entities (header + victims + detention periods).",
    string.Empty,
    "| Write mode | Verdicts | Entities | Seconds | Verdicts/s | Entities/s |",
    "|---|---|---|---|---|---|",
    Row("Batched transactions (≤ 100 entities, one partition)", batchedRun.Seconds, batchedRun.Report),
    Row("One entity per request", singleRun.Seconds, singleRun.Report),
    string.Empty,
    string.Create(CultureInfo.InvariantCulture, $"Speed-up of batching: {singleRun.Seconds / batchedRun.Seconds:F1}×."),
    string.Empty,
    string.Create(CultureInfo.InvariantCulture, $"Snapshot 2025 over the stored verdicts ({snapshot!.Coverage.RecordsRead} read, {snapshot.Coverage.RecordsInPeriod} in period): median {times.Order().ElementAt(2):F0} ms of 5 runs (first run {times[0]:F0} ms, includes warm-up)."),
    string.Empty,
]);
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
File.WriteAllText(output, text);
Console.WriteLine(text);
