// Counting read model benchmark (ADR-012) on Azurite. Usage (from the repository root): bench/read-model-bench.sh
// For each size N: N synthetic TTU case records of 2025 (1-3 victims, 90% with NIK and name) are stored twice, once
// without the read model (the old path's store: one batch per case) and once through FactMaintainingCaseRepository in
// chunks of 100 (ICaseChunkWriter, the bulk import's path; up to PER_CASE_MAX also case by case, the single-case path);
// then the 2025 snapshot (region 53.03, with the hidden-victim lists) is computed both ways. Then N cases of 2023 and
// 2024 are added and the 2025 snapshot is measured again (after the first snapshot its stages are timed apart: rows,
// victim lists, linkage, computation). Storage requests are counted by an HttpPipelinePolicy
// (per retry, so every HTTP request) added through TableClientOptions.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using TaskForce.Application.Cases;
using TaskForce.Application.Estimation;
using TaskForce.Application.Ports;
using TaskForce.Application.Snapshots;
using TaskForce.Application.Workflows;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Storage;

string conn = Environment.GetEnvironmentVariable("TASKFORCE_STORAGE") ?? throw new InvalidOperationException("Set TASKFORCE_STORAGE");
string output = args.Length > 0 ? args[0] : "bench/results/read-model.md";
int[] sizes = args.Length > 1 ? [.. args[1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))] : [1000, 5000, 20000];
int oldPathMax = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5000;
int perCaseMax = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1000; // the per-case maintained import (ADR-012 before "Bulk import")
const int Parallelism = 8;
var zone = DistrictTime.DefaultZone;
var region = RegionCode.Parse("53.03");
var period = ReportingPeriod.Parse("2025");
var protector = IdentityProtector.FromSettings(Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 7 + 1)).ToArray()), null);
var secret = LinkageSecret.Parse(Convert.ToBase64String(new byte[32]));
var clock = new NodaTime.Testing.FakeClock(Instant.FromUtc(2026, 1, 5, 1, 0));

var report = new StringBuilder();
report.AppendLine(CultureInfo.InvariantCulture, $"| stored cases (2025) | entities | import without read model: s / requests | import, read model per case: s / requests | import, read model per chunk of 100: s / requests | snapshot before: s / requests | snapshot after: s / requests / entities read | same cells | + 2023 & 2024 cases: snapshot before s / requests | after s / requests |");
report.AppendLine("|---:|---:|---:|---:|---:|---:|---:|:---:|---:|---:|");

foreach (int n in sizes)
{
    var before = Open("b");
    var after = Open("a");
    await before.Tables.EnsureCreatedAsync();
    await after.Tables.EnsureCreatedAsync();
    var cases2025 = Generate(n, 2025, seed: n);
    long entities = cases2025.Sum(c => 1 + c.Victims.Count);

    var importBefore = await Measure(before.Counter, () => Import(cases2025, before.Plain));
    (double Seconds, long Requests) importPerCase = (double.NaN, 0);
    if (n <= perCaseMax)
    {
        var perCase = Open("p");
        await perCase.Tables.EnsureCreatedAsync();
        importPerCase = await Measure(perCase.Counter, () => Import(cases2025, perCase.Maintained));
        await perCase.Tables.DeleteAllAsync();
    }

    var importAfter = await Measure(after.Counter, () => ImportChunked(cases2025, (ICaseChunkWriter)after.Maintained));
    Console.WriteLine($"{n}: import before {importBefore.Seconds:F1} s {importBefore.Requests} req, per case {importPerCase.Seconds:F1} s {importPerCase.Requests} req, chunked {importAfter.Seconds:F1} s {importAfter.Requests} req");

    bool runOld = n <= oldPathMax;
    IndicatorSnapshot? oldSnap = null;
    (double Seconds, long Requests) snapBefore = (double.NaN, 0);
    if (runOld)
    {
        snapBefore = await Measure(before.Counter, async () => oldSnap = await UseCase(before, old: true).ComputeAsync(region, period, null));
    }

    IndicatorSnapshot? newSnap = null;
    var counting = new CountingSource(new ReadModelCaseFactSource(after.Projector));
    double waitBefore = after.Counter.WaitSeconds;
    var snapAfter = await Measure(after.Counter, async () => newSnap = await UseCase(after, counting).ComputeAsync(region, period, null));
    double snapWait = after.Counter.WaitSeconds - waitBefore;
    string same = oldSnap is null ? "–" : Cells(oldSnap) == Cells(newSnap!) ? "yes" : "NO";
    if (oldSnap is null && n <= 5000)
    {
        // Compare with the old path over the read model's store instead (same stored cases).
        same = Cells(await UseCase(after, old: true).ComputeAsync(region, period, null)) == Cells(newSnap!) ? "yes (old path on the same store, untimed)" : "NO";
    }

    Console.WriteLine($"{n}: snapshot before {snapBefore.Seconds:F1} s {snapBefore.Requests} req, after {snapAfter.Seconds:F2} s {snapAfter.Requests} req ({snapWait:F2} s waiting for storage), {counting.Rows} rows; same {same}");
    string stages = await Stages(after);
    Console.WriteLine($"{n}: snapshot stages (each again, apart): {stages}");

    // History: n more cases in 2023 and 2024, the same 2025 snapshot again.
    var history = Generate(n / 2, 2023, seed: n + 1).Concat(Generate(n - n / 2, 2024, seed: n + 2)).ToList();
    await ImportChunked(history, (ICaseChunkWriter)after.Maintained);
    if (runOld)
    {
        await Import(history, before.Plain);
    }

    (double Seconds, long Requests) histBefore = (double.NaN, 0);
    if (runOld)
    {
        histBefore = await Measure(before.Counter, () => UseCase(before, old: true).ComputeAsync(region, period, null));
    }

    var counting2 = new CountingSource(new ReadModelCaseFactSource(after.Projector));
    double waitBefore2 = after.Counter.WaitSeconds;
    var histAfter = await Measure(after.Counter, () => UseCase(after, counting2).ComputeAsync(region, period, null));
    double histWait = after.Counter.WaitSeconds - waitBefore2;
    Console.WriteLine($"{n}: with history: before {histBefore.Seconds:F1} s {histBefore.Requests} req, after {histAfter.Seconds:F2} s {histAfter.Requests} req ({histWait:F2} s waiting for storage)");

    report.AppendLine(CultureInfo.InvariantCulture,
        $"| {n:N0} | {entities:N0} | {importBefore.Seconds:F1} / {importBefore.Requests:N0} | {(n <= perCaseMax ? $"{importPerCase.Seconds:F1} / {importPerCase.Requests:N0}" : "not run")} | {importAfter.Seconds:F1} / {importAfter.Requests:N0} | {(runOld ? $"{snapBefore.Seconds:F1} / {snapBefore.Requests:N0}" : "not run")} | {snapAfter.Seconds:F2} ({snapWait:F2} storage) / {snapAfter.Requests:N0} / {counting.Rows:N0} | {same} | {(runOld ? $"{histBefore.Seconds:F1} / {histBefore.Requests:N0}" : "not run")} | {histAfter.Seconds:F2} ({histWait:F2} storage) / {histAfter.Requests:N0} |");
    await before.Tables.DeleteAllAsync();
    await after.Tables.DeleteAllAsync();
}

string table = report.ToString();
Console.WriteLine(table);
File.WriteAllText(output + ".table", table);
return;

Env Open(string tag)
{
    var counter = new RequestCounter();
    var options = TaskForceTables.DefaultClientOptions();
    options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
    var tables = new TaskForceTables(new TaskForceStorageOptions { ConnectionString = conn, TablePrefix = "rm" + tag + Guid.NewGuid().ToString("N")[..8] }, options);
    var plain = new TableCaseRepository(tables, protector, zone);
    var workflows = new TableWorkflowRepository(tables, protector);
    var projector = new CaseFactProjector(plain, workflows, new TimedStore(new TableCaseFactStore(tables, protector)), WorkflowRegistry.Default, zone);
    return new Env(tables, counter, plain, workflows, projector, new FactMaintainingCaseRepository(plain, projector));
}

SnapshotUseCase UseCase(Env env, ICaseFactSource? source = null, bool old = false)
{
    source ??= old ? new StoredCaseFactSource(env.Plain, env.Workflows, WorkflowRegistry.Default, zone) : new ReadModelCaseFactSource(env.Projector);
    return new SnapshotUseCase(new TableVerdictRepository(env.Tables), new TableSnapshotRepository(env.Tables), source, null, source as IVictimListSource, secret, clock, zone,
        NullLogger<SnapshotUseCase>.Instance);
}

// The snapshot's stages timed apart (a second read of the same store): fact rows read and decoded, case indicators,
// victim-list entries read and decrypted, linkage, hidden-victim section. "storage" = time waiting for responses.
async Task<string> Stages(Env env)
{
    var source = new ReadModelCaseFactSource(env.Projector);
    var useCase = UseCase(env, source);
    var sw = Stopwatch.StartNew();
    double w0 = env.Counter.WaitSeconds;
    var input = await useCase.LoadCaseInputAsync(region, period);
    double facts = sw.Elapsed.TotalSeconds, factsWait = env.Counter.WaitSeconds - w0;
    sw.Restart();
    var cases = CaseIndicators.Compute(input, region, period, new CaseIndicatorOptions { SuppressionK = IndicatorCatalogue.DefaultSuppressionK });
    double compute = sw.Elapsed.TotalSeconds;
    sw.Restart();
    w0 = env.Counter.WaitSeconds;
    var entries = new List<TaskForce.Domain.Estimation.Linkage.VictimListEntry>();
    await foreach (var e in source.ListAsync(region, period))
    {
        entries.Add(e);
    }

    double lists = sw.Elapsed.TotalSeconds, listsWait = env.Counter.WaitSeconds - w0;
    entries.Sort((a, b) => string.CompareOrdinal(a.List, b.List) is var c && c != 0 ? c : string.CompareOrdinal(a.RecordId, b.RecordId));
    sw.Restart();
    var linker = new TaskForce.Domain.Estimation.Linkage.RecordLinker(new TaskForce.Domain.Estimation.Linkage.LinkageOptions
    {
        DistrictSecret = secret.KeyForComputation(),
        Lists = [.. entries.Select(e => e.List).Distinct(StringComparer.Ordinal)],
        RecordDecisions = false, // as SnapshotUseCase does
    });
    var linkage = linker.Link(entries);
    double link = sw.Elapsed.TotalSeconds;
    sw.Restart();
    var section = TaskForce.Domain.Estimation.HiddenVictimIndicators.Compute(linkage, cases.Cells, period, IndicatorCatalogue.DefaultSuppressionK);
    double hidden = sw.Elapsed.TotalSeconds;
    return string.Create(CultureInfo.InvariantCulture,
        $"fact rows read + decoded {facts:F2} s ({factsWait:F2} storage, {input.VictimRowCount:N0} victim rows); case indicators {compute:F2} s; victim lists read + decrypted {lists:F2} s ({listsWait:F2} storage, {entries.Count:N0} entries); linkage {link:F2} s ({linkage.Persons.Count:N0} persons, {linkage.Decisions.Count:N0} decisions); hidden-victim section {hidden:F2} s");
}

async Task Import(IReadOnlyList<CaseRecord> records, ICaseRepository repo) =>
    await Parallel.ForEachAsync(records, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (r, ct) =>
    {
        var result = await repo.AddAsync(r, "uptd_ppa_ttu", null, ct);
        if (result.Outcome != CaseCreateOutcome.Created)
        {
            throw new InvalidOperationException($"{r.Id.Value}: {result.Outcome}");
        }
    });

// The bulk import's shape (ADR-012 "Bulk import"): chunks of 100 announced in one request, the chunk's case batches
// (8 in parallel, as above), then the chunk's rows, markers and intent deletes in batches.
async Task ImportChunked(IReadOnlyList<CaseRecord> records, ICaseChunkWriter writer)
{
    var stages = new Stopwatch[] { new(), new(), new() };
    foreach (var chunk in records.Chunk(ICaseChunkWriter.MaxChunk))
    {
        stages[0].Start();
        var writes = await writer.BeginChunkAsync([.. chunk.Select(r => r.Id.Value)]);
        stages[0].Stop();
        stages[1].Start();
        await Import(chunk, writes);
        stages[1].Stop();
        stages[2].Start();
        await writes.CompleteAsync();
        stages[2].Stop();
    }

    Console.WriteLine($"  of the completion: AddCreatedAsync (mapping done before it) {TimedStore.Created.Elapsed.TotalSeconds:F1} s, RemoveIntentsAsync {TimedStore.Removed.Elapsed.TotalSeconds:F1} s");
    TimedStore.Created.Reset();
    TimedStore.Removed.Reset();
    Console.WriteLine($"  chunked import of {records.Count}: intents {stages[0].Elapsed.TotalSeconds:F1} s, case batches {stages[1].Elapsed.TotalSeconds:F1} s, rows + markers + intent deletes {stages[2].Elapsed.TotalSeconds:F1} s");
}

static async Task<(double Seconds, long Requests)> Measure(RequestCounter counter, Func<Task> work)
{
    long start = counter.Count;
    var sw = Stopwatch.StartNew();
    await work();
    return (sw.Elapsed.TotalSeconds, counter.Count - start);
}

static string Cells(IndicatorSnapshot s)
{
    var json = JsonNode.Parse(SnapshotJson.Write(s))!;
    return json["indicators"]!.ToJsonString() + json["hidden_victims"]!.ToJsonString();
}

List<CaseRecord> Generate(int count, int year, int seed)
{
    var rng = new Random(seed);
    string[] names = ["Yohana Sanam", "Maria Taek", "Ana Bana", "Rosalina Kefi", "Yosefina Atok", "Agustina Nope", "Paulus Nahak", "Yakobus Meko"];
    var result = new List<CaseRecord>(count);
    for (int i = 0; i < count; i++)
    {
        var reported = Instant.FromUtc(year, 1, 1, 0, 0) + Duration.FromMinutes(rng.Next(0, 364 * 24 * 60));
        int victims = rng.Next(1, 4);
        bool police = rng.Next(2) == 0;
        var intake = new CaseIntake
        {
            Id = $"bench-{year}-{seed}-{i:D6}",
            Region = "53.03",
            CaseType = "tppo",
            ReportingAgency = new NewAgency(police ? "police" : "uptd_ppa", police ? "Polres TTU" : "UPTD PPA Kabupaten TTU"),
            IntakeChannel = "walk_in",
            ReportedAt = reported,
            OffenceDate = DistrictTime.BusinessDate(reported, zone).PlusDays(-rng.Next(0, 120)),
            Victims = [.. Enumerable.Range(0, victims).Select(_ => Victim(rng))],
            Elements = new NewTraffickingElements { Acts = ["perekrutan"], Means = ["penipuan"], Purposes = [rng.Next(3) == 0 ? "eksploitasi_seksual" : "kerja_paksa"] },
            Places = new NewPlaces { OriginKecamatan = "53.03.0" + rng.Next(1, 10).ToString(CultureInfo.InvariantCulture), DestinationCountry = rng.Next(2) == 0 ? "MY" : "ID" },
            Consent = new NewConsent { ForServices = true, ForReporting = rng.Next(20) != 0, ForSharing = true, GivenBy = "self" },
        };
        result.Add(CreateCaseUseCase.Build(intake, clock, zone));
    }

    return result;

    NewVictim Victim(Random r)
    {
        bool identity = r.Next(10) != 0;
        bool female = r.Next(3) != 0;
        var birth = new LocalDate(1975 + r.Next(0, 25), 1 + r.Next(12), 1 + r.Next(28)); // adults: consent given by the victim
        // NIK: kecamatan 53.03.01, DDMMYY (+40 on the day for a woman), a 4-digit serial.
        string nik = string.Create(CultureInfo.InvariantCulture, $"530301{birth.Day + (female ? 40 : 0):D2}{birth.Month:D2}{birth.Year % 100:D2}{r.Next(1, 10000):D4}");
        return new NewVictim
        {
            Sex = female ? "female" : "male",
            BirthDate = birth,
            Citizenship = "ID",
            Identity = identity ? new NewIdentity { FullName = names[r.Next(names.Length)], NationalIdNumber = nik } : null,
        };
    }
}

internal sealed record Env(TaskForceTables Tables, RequestCounter Counter, TableCaseRepository Plain, TableWorkflowRepository Workflows, CaseFactProjector Projector, ICaseRepository Maintained);

/// <summary>Counts HTTP requests (every try).</summary>
internal sealed class RequestCounter : HttpPipelinePolicy
{
    private long count;
    private long waitTicks;

    public long Count => Interlocked.Read(ref count);

    /// <summary>Seconds spent waiting for responses (summed over requests; for a sequential read, the storage share of
    /// its wall time).</summary>
    public double WaitSeconds => (double)Interlocked.Read(ref waitTicks) / Stopwatch.Frequency;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Interlocked.Increment(ref count);
        ProcessNext(message, pipeline);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Interlocked.Increment(ref count);
        long start = Stopwatch.GetTimestamp();
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        Interlocked.Add(ref waitTicks, Stopwatch.GetTimestamp() - start);
    }
}

/// <summary>Counts the fact rows a read-model source yields (after de-duplication).</summary>
internal sealed class CountingSource(ReadModelCaseFactSource inner) : IPeriodCaseFactSource, IVictimListSource
{
    public long Rows;

    public IAsyncEnumerable<VictimCaseFact> ListAsync(RegionCode region, LocalDate lastReportDate, CancellationToken cancellationToken = default) =>
        inner.ListAsync(region, lastReportDate, cancellationToken);

    public async IAsyncEnumerable<VictimCaseFact> ListForPeriodAsync(RegionCode region, ReportingPeriod period, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var f in inner.ListForPeriodAsync(region, period, cancellationToken))
        {
            Rows++;
            yield return f;
        }
    }

    public async IAsyncEnumerable<TaskForce.Domain.Estimation.Linkage.VictimListEntry> ListAsync(RegionCode region, ReportingPeriod period, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var e in inner.ListAsync(region, period, cancellationToken))
        {
            Rows++;
            yield return e;
        }
    }
}

/// <summary>Times the bulk import's read-model writes (the rest delegates).</summary>
internal sealed class TimedStore(ICaseFactStore inner) : ICaseFactStore
{
    public static readonly Stopwatch Created = new();
    public static readonly Stopwatch Removed = new();

    public string KeyId => inner.KeyId;

    public PersonKeyer CreateKeyer() => inner.CreateKeyer();

    public Task<string> AddIntentAsync(string caseId, CancellationToken cancellationToken = default) => inner.AddIntentAsync(caseId, cancellationToken);

    public Task<IReadOnlyList<string>> AddIntentsAsync(IReadOnlyList<string> caseIds, CancellationToken cancellationToken = default) => inner.AddIntentsAsync(caseIds, cancellationToken);

    public Task RemoveIntentAsync(string caseId, string intentId, CancellationToken cancellationToken = default) => inner.RemoveIntentAsync(caseId, intentId, cancellationToken);

    public async Task RemoveIntentsAsync(IReadOnlyList<(string CaseId, string IntentId)> intents, CancellationToken cancellationToken = default)
    {
        Removed.Start();
        await inner.RemoveIntentsAsync(intents, cancellationToken);
        Removed.Stop();
    }

    public async Task<IReadOnlyList<string>> AddCreatedAsync(IReadOnlyList<CaseFactProjection> projections, CancellationToken cancellationToken = default)
    {
        Created.Start();
        var result = await inner.AddCreatedAsync(projections, cancellationToken);
        Created.Stop();
        return result;
    }

    public Task<IReadOnlyList<CaseFactIntent>> ListIntentsAsync(CancellationToken cancellationToken = default) => inner.ListIntentsAsync(cancellationToken);

    public Task<CaseFactMarker?> GetMarkerAsync(string caseId, CancellationToken cancellationToken = default) => inner.GetMarkerAsync(caseId, cancellationToken);

    public Task<bool> ReplaceAsync(string caseId, CaseFactMarker? expected, CaseFactProjection? projection, CancellationToken cancellationToken = default) =>
        inner.ReplaceAsync(caseId, expected, projection, cancellationToken);

    public IAsyncEnumerable<StoredCaseFact> ReadFactsAsync(string year, RegionCode region, CancellationToken cancellationToken = default) => inner.ReadFactsAsync(year, region, cancellationToken);

    public IAsyncEnumerable<StoredListEntry> ReadListEntriesAsync(int year, RegionCode region, CancellationToken cancellationToken = default) =>
        inner.ReadListEntriesAsync(year, region, cancellationToken);

    public IAsyncEnumerable<(string Partition, string RowKey, string CaseId)> ListAllRowsAsync(CancellationToken cancellationToken = default) => inner.ListAllRowsAsync(cancellationToken);

    public Task DeleteRowAsync(string partition, string rowKey, CancellationToken cancellationToken = default) => inner.DeleteRowAsync(partition, rowKey, cancellationToken);
}
