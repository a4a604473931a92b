using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Application.Cases;
using TaskForce.Application.Estimation;
using TaskForce.Application.Ports;
using TaskForce.Application.Snapshots;
using TaskForce.Application.Workflows;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Functions.Timers;
using TaskForce.Integration.Tests.Cases;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;

namespace TaskForce.Integration.Tests.ReadModel;

/// <summary>The daily sweep of stale write intents (ADR-012), through the timer function class: a writer that stopped
/// after its case write and before its projection leaves an intent; the sweep projects that case and removes the
/// intent, and leaves an intent younger than its age alone (as does the rebuild within its grace).</summary>
[Collection(StorageGroup.Name)]
public sealed class IntentSweepTimerTests(AzuriteFixture storage)
{
    private static readonly Instant Reported = Instant.FromUtc(2025, 3, 10, 2, 0); // 10:00 WITA, 10 March 2025
    private static readonly RegionCode Ttu = RegionCode.Parse("53.03");
    private static readonly LinkageSecret Secret = LinkageSecret.Parse(Convert.ToBase64String(new byte[32]));

    private sealed record Store(TableCaseRepository Cases, TableWorkflowRepository Workflows, CaseFactProjector Projector);

    private static Store Open(TaskForceTables tables)
    {
        var cases = new TableCaseRepository(tables, CaseTestData.SharedProtector, DistrictTime.DefaultZone);
        var workflows = new TableWorkflowRepository(tables, CaseTestData.SharedProtector);
        var projector = new CaseFactProjector(cases, workflows, new TableCaseFactStore(tables, CaseTestData.SharedProtector), WorkflowRegistry.Default, DistrictTime.DefaultZone);
        return new Store(cases, workflows, projector);
    }

    /// <summary>A 2025 TPPO case of TTU with <paramref name="victims"/> adult women without identity.</summary>
    private static CaseRecord Case(string id, int victims) => CreateCaseUseCase.Build(
        new CaseIntake
        {
            Id = id,
            Region = "53.03",
            CaseType = "tppo",
            ReportingAgency = new NewAgency("police", "Polres TTU"),
            IntakeChannel = "walk_in",
            ReportedAt = Reported,
            OffenceDate = new LocalDate(2025, 3, 1),
            Victims = [.. Enumerable.Range(0, victims).Select(_ => new NewVictim { Sex = "female", AgeAtOffence = 25, Citizenship = "ID" })],
            Elements = new NewTraffickingElements { Acts = ["perekrutan"], Means = ["penipuan"], Purposes = ["kerja_paksa"] },
            Places = new NewPlaces { OriginKecamatan = "53.03.05", DestinationCountry = "MY" },
            Consent = new NewConsent { ForServices = true, ForReporting = true, ForSharing = true, GivenBy = "self" },
        },
        new FakeClock(Reported),
        DistrictTime.DefaultZone);

    /// <summary>Case A through the read model; case B written by a writer that announced it and stopped before its
    /// projection (intent stored, case batch stored, no rows, no marker).</summary>
    private static async Task<Store> SeedAsync(TaskForceTables tables)
    {
        var s = Open(tables);
        var a = await new FactMaintainingCaseRepository(s.Cases, s.Projector).AddAsync(Case("sweep-a", 1), "polres_ttu", null);
        Assert.Equal(CaseCreateOutcome.Created, a.Outcome);
        await s.Projector.Store.AddIntentAsync("sweep-b");
        var b = await s.Cases.AddAsync(Case("sweep-b", 2), "polres_ttu", null);
        Assert.Equal(CaseCreateOutcome.Created, b.Outcome);
        return s;
    }

    private static FactIntentSweepTimerFunctions Function(Store s, Instant now, Duration age) =>
        new(new SweepStaleIntentsUseCase(s.Projector, new FakeClock(now), age), NullLogger<FactIntentSweepTimerFunctions>.Instance);

    [Fact]
    public async Task RunAsync_ProjectsTheCaseAndClearsTheIntent_GivenAnIntentLeftByAStoppedWriter()
    {
        var tables = await storage.NewTablesAsync();
        var s = await SeedAsync(tables);
        Assert.Null(await s.Projector.Store.GetMarkerAsync("sweep-b"));           // not in the read model yet
        Assert.Equal(3, await CasesCountedAsync(tables, s));                      // but counted from its partition: 1 + 2 victims

        // Two hours later, age one hour: the intent (stored just now, storage time) is stale.
        var later = Instant.FromDateTimeOffset(DateTimeOffset.UtcNow) + Duration.FromHours(2);
        var run = await Function(s, later, Duration.FromHours(1)).RunAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);

        Assert.Equal(new IntentSweepRun(Stale: 1, Cases: 1, Cleared: 1, Young: 0), run);
        Assert.Empty(await s.Projector.Store.ListIntentsAsync());
        Assert.NotNull(await s.Projector.Store.GetMarkerAsync("sweep-b"));
        var rows = new List<StoredCaseFact>();
        await foreach (var f in s.Projector.Store.ReadFactsAsync("2025", Ttu))
        {
            rows.Add(f);
        }

        Assert.Equal(["sweep-a", "sweep-b", "sweep-b"], rows.Select(r => r.CaseId).Order(StringComparer.Ordinal)); // one row per victim
        Assert.Equal(3, await CasesCountedAsync(tables, s));                      // now from the read model, the same count

        // A second run finds nothing.
        var again = await Function(s, later, Duration.FromHours(1)).RunAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);
        Assert.Equal(new IntentSweepRun(0, 0, 0, 0), again);
    }

    [Fact]
    public async Task RunAsync_LeavesTheIntent_GivenAnIntentYoungerThanTheAge()
    {
        var tables = await storage.NewTablesAsync();
        var s = await SeedAsync(tables);

        // Five minutes later with an age of one hour: the writer may still be running.
        var soon = Instant.FromDateTimeOffset(DateTimeOffset.UtcNow) + Duration.FromMinutes(5);
        var run = await Function(s, soon, Duration.FromHours(1)).RunAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);

        Assert.Equal(new IntentSweepRun(Stale: 0, Cases: 0, Cleared: 0, Young: 1), run);
        Assert.Single(await s.Projector.Store.ListIntentsAsync());
        Assert.Null(await s.Projector.Store.GetMarkerAsync("sweep-b"));
    }

    [Fact]
    public async Task Rebuild_KeepsTheIntent_GivenAnIntentYoungerThanItsGrace()
    {
        // The intent partition sorts between f|… and l|…; the rebuild's clean-up of stray rows must not take it for one
        // (it did: a running writer's intent was deleted, and its case could be counted from stale rows).
        var tables = await storage.NewTablesAsync();
        var s = await SeedAsync(tables);

        var report = await new RebuildFactsUseCase(s.Cases, s.Projector, new FakeClock(Instant.FromDateTimeOffset(DateTimeOffset.UtcNow))).RebuildAsync();

        Assert.Equal((2, 0, 0), (report.Cases, report.RowsRemoved, report.IntentsCleared));
        Assert.Equal("sweep-b", Assert.Single(await s.Projector.Store.ListIntentsAsync()).CaseId);
    }

    [Fact]
    public void Constructor_Throws_GivenAnAgeBelowTheFunctionTimeout()
    {
        var s = Open(new TaskForceTables(new TaskForceStorageOptions { ConnectionString = "UseDevelopmentStorage=true", TablePrefix = "unused" }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SweepStaleIntentsUseCase(s.Projector, new FakeClock(Reported), Duration.FromMinutes(9)));
    }

    /// <summary>The victims the 2025 snapshot counts through the read model, checked against the old path's cells.</summary>
    private static async Task<int> CasesCountedAsync(TaskForceTables tables, Store s)
    {
        var period = ReportingPeriod.Parse("2025");
        var oracle = await UseCase(tables, new StoredCaseFactSource(s.Cases, s.Workflows, WorkflowRegistry.Default, DistrictTime.DefaultZone)).ComputeAsync(Ttu, period, 1);
        var readModel = await UseCase(tables, new ReadModelCaseFactSource(s.Projector)).ComputeAsync(Ttu, period, 1);
        Assert.Equal(Cells(oracle), Cells(readModel));
        Assert.Equal(2, readModel.Coverage.CaseRecords!.CasesReportedInPeriod);
        return readModel.Coverage.CaseRecords!.VictimRowsInPeriod;
    }

    private static SnapshotUseCase UseCase(TaskForceTables tables, ICaseFactSource source) =>
        new(new TableVerdictRepository(tables), new TableSnapshotRepository(tables), source, null, source as IVictimListSource, Secret, new FakeClock(Instant.FromUtc(2026, 1, 5, 1, 0)), DistrictTime.DefaultZone,
            NullLogger<SnapshotUseCase>.Instance);

    private static string Cells(IndicatorSnapshot snapshot)
    {
        var json = JsonNode.Parse(SnapshotJson.Write(snapshot))!;
        return json["indicators"]!.ToJsonString() + json["hidden_victims"]!.ToJsonString();
    }
}
