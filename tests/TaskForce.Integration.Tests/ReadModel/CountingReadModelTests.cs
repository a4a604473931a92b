using System.Text.Json.Nodes;
using Azure.Data.Tables;
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
using TaskForce.Domain.Workflows;
using TaskForce.Integration.Tests.Cases;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Integration.Tests.Workflows;
using TaskForce.Storage;

namespace TaskForce.Integration.Tests.ReadModel;

/// <summary>The counting read model (ADR-012) against the old path (every case and its workflows read one by one,
/// kept as <see cref="StoredCaseFactSource"/>, the oracle), on the same stored cases over four years.</summary>
[Collection(StorageGroup.Name)]
public sealed class CountingReadModelTests(AzuriteFixture storage)
{
    private static readonly Instant Now = Instant.FromUtc(2026, 2, 1, 1, 0);
    private static readonly RegionCode Ttu = RegionCode.Parse("53.03");
    private static readonly LinkageSecret Secret = LinkageSecret.Parse(Convert.ToBase64String(new byte[32]));

    private sealed record Store(TaskForceTables Tables, TableCaseRepository Cases, TableWorkflowRepository Workflows, CaseFactProjector Projector, ICaseRepository MaintainedCases, WorkflowHarness Harness);

    private static Store Open(TaskForceTables tables)
    {
        var cases = new TableCaseRepository(tables, CaseTestData.SharedProtector, DistrictTime.DefaultZone);
        var workflows = new TableWorkflowRepository(tables, CaseTestData.SharedProtector);
        var projector = new CaseFactProjector(cases, workflows, new TableCaseFactStore(tables, CaseTestData.SharedProtector), WorkflowRegistry.Default, DistrictTime.DefaultZone);
        var harness = new WorkflowHarness(tables, Now, new FactMaintainingWorkflowRepository(workflows, projector));
        return new Store(tables, cases, workflows, projector, new FactMaintainingCaseRepository(cases, projector), harness);
    }

    private static CaseIntake Intake(string id, string agencyKind, Instant reportedAt, bool consent, params NewVictim[] victims) => new()
    {
        Id = id,
        Region = "53.03",
        CaseType = "tppo",
        ReportingAgency = new NewAgency(agencyKind, agencyKind == "police" ? "Polres TTU" : "UPTD PPA Kabupaten TTU"),
        IntakeChannel = "walk_in",
        ReportedAt = reportedAt,
        OffenceDate = DistrictTime.BusinessDate(reportedAt, DistrictTime.DefaultZone).PlusDays(-10),
        Victims = victims,
        Elements = new NewTraffickingElements { Acts = ["perekrutan"], Means = ["penipuan"], Purposes = ["kerja_paksa"] },
        Places = new NewPlaces { OriginKecamatan = "53.03.05", DestinationCountry = "MY" },
        Consent = new NewConsent { ForServices = true, ForReporting = consent, ForSharing = true, GivenBy = "parent_or_guardian" },
    };

    private static NewVictim Girl(string nik, string name) => new()
    {
        Sex = "female", BirthDate = new LocalDate(2008, 5, 1), Citizenship = "ID",
        Identity = new NewIdentity { FullName = name, NationalIdNumber = nik },
    };

    private static NewVictim Man() => new() { Sex = "male", AgeAtOffence = 24 };

    /// <summary>Cases reported 2023 to 2026; a 2023 case with a referral and a service in 2025 and a first response
    /// still open; a 2024 case answered the next day; a 2025 transition made twice (amended: moved on, then on again).</summary>
    private static async Task<Store> SeedAsync(TaskForceTables tables, bool maintained = true)
    {
        var s = Open(tables);
        var clock = new FakeClock(Now);
        ICaseRepository repo = maintained ? s.MaintainedCases : s.Cases;
        async Task Add(CaseIntake intake, string owner)
        {
            await repo.AddAsync(CreateCaseUseCase.Build(intake, clock, DistrictTime.DefaultZone), owner, null);
            s.Harness.Facts.Set(intake.Id!, TestCaseFacts.Plain);
        }

        await Add(Intake("case-23a", "police", Instant.FromUtc(2023, 6, 1, 2, 0), true, Girl("5303014105080001", "Yohana Sanam")), "polres_ttu");
        await Add(Intake("case-24a", "uptd_ppa", Instant.FromUtc(2024, 11, 20, 2, 0), true, Girl("5303014105080002", "Maria Taek"), Man()), "uptd_ppa_ttu");
        await Add(Intake("case-25a", "uptd_ppa", Instant.FromUtc(2025, 3, 31, 15, 30), true, Girl("5303014105080001", "Yohana Sanam")), "uptd_ppa_ttu");
        await Add(Intake("case-25b", "uptd_ppa", Instant.FromUtc(2025, 5, 1, 2, 0), false, Girl("5303014105080003", "Ana Bana")), "uptd_ppa_ttu");
        await Add(Intake("case-25c", "police", Instant.FromUtc(2025, 8, 1, 2, 0), true, Girl("5303014105080002", "Maria Taek"), Man(), Man()), "polres_ttu");
        await Add(Intake("case-26a", "police", Instant.FromUtc(2026, 1, 10, 2, 0), true, Man()), "polres_ttu");

        if (maintained)
        {
            var h = s.Harness;
            var d = WorkflowHarness.D;
            h.Facts.Set("case-23a", TestCaseFacts.Plain with { VictimIds = ["victim-1"] });
            await h.StartAsync("case-23a", "case_management", "case-23a", WorkflowHarness.Police, new WorkflowStartFacts { RiskLevel = RiskLevel.Rendah }, d(2023, 6, 1));
            await h.StartAsync("case-23a", "criminal_justice", "case-23a", WorkflowHarness.Police, effectiveOn: d(2023, 6, 2));
            await h.MoveAsync("case-23a", "criminal_justice", "case-23a", "penyelidikan", WorkflowHarness.Police, effectiveOn: d(2024, 2, 1));
            await h.StartAsync("case-23a", "referral", "ref-1", WorkflowHarness.Uptd,
                new WorkflowStartFacts { ReferralKind = ReferralKind.Referral, FromAgency = "uptd_ppa_ttu", ToAgency = "rsud_kefamenanu" }, d(2025, 3, 1));
            await h.MoveAsync("case-23a", "referral", "ref-1", "rejected", WorkflowHarness.Hospital, reason: "no bed", effectiveOn: d(2025, 3, 5));
            await h.StartAsync("case-23a", "service", "svc-1", WorkflowHarness.Uptd,
                new WorkflowStartFacts { ServiceType = ServiceType.RehabilitasiKesehatan, VictimId = "victim-1" }, d(2025, 5, 10));
            await h.StartAsync("case-24a", "case_management", "case-24a", WorkflowHarness.Uptd, new WorkflowStartFacts { RiskLevel = RiskLevel.Rendah }, d(2024, 11, 20));
            await h.MoveAsync("case-24a", "case_management", "case-24a", "assessment", WorkflowHarness.Uptd, effectiveOn: d(2024, 11, 21));
            await h.StartAsync("case-25c", "criminal_justice", "case-25c", WorkflowHarness.Police, effectiveOn: d(2025, 8, 1));
            await h.MoveAsync("case-25c", "criminal_justice", "case-25c", "penyelidikan", WorkflowHarness.Police, effectiveOn: d(2025, 8, 3));
            h.Facts.Set("case-25c", TestCaseFacts.Plain with { SpdpSentOn = d(2025, 8, 30) });
            await h.MoveAsync("case-25c", "criminal_justice", "case-25c", "penyidikan", WorkflowHarness.Police, effectiveOn: d(2025, 9, 1));
        }

        return s;
    }

    private static SnapshotUseCase UseCase(TaskForceTables tables, ICaseFactSource source) =>
        new(new TableVerdictRepository(tables), new TableSnapshotRepository(tables), source, null, source as IVictimListSource, Secret, new FakeClock(Now), DistrictTime.DefaultZone,
            NullLogger<SnapshotUseCase>.Instance);

    private static string Cells(IndicatorSnapshot snapshot)
    {
        var json = JsonNode.Parse(SnapshotJson.Write(snapshot))!;
        return json["indicators"]!.ToJsonString() + json["hidden_victims"]!.ToJsonString();
    }

    [Theory]
    [InlineData("2023")]
    [InlineData("2024")]
    [InlineData("2025")]
    [InlineData("2025-Q1")]
    [InlineData("2025-Q2")]
    [InlineData("2026-01")]
    public async Task Snapshot_GivesTheOldPathsCells_GivenMultiYearCasesAndAmendedWorkflows(string period)
    {
        var tables = await storage.NewTablesAsync();
        var s = await SeedAsync(tables);
        var p = ReportingPeriod.Parse(period);

        var oracle = await UseCase(tables, new StoredCaseFactSource(s.Cases, s.Workflows, WorkflowRegistry.Default, DistrictTime.DefaultZone)).ComputeAsync(Ttu, p, 1);
        var readModel = await UseCase(tables, new ReadModelCaseFactSource(s.Projector)).ComputeAsync(Ttu, p, 1);

        Assert.Equal(Cells(oracle), Cells(readModel));
        Assert.Equal(oracle.Coverage.CaseRecords!.PersonsInPeriod, readModel.Coverage.CaseRecords!.PersonsInPeriod);
    }

    [Fact]
    public async Task Snapshot_Counts2025ByHand_GivenTheSeededCases()
    {
        var tables = await storage.NewTablesAsync();
        var s = await SeedAsync(tables);

        var snapshot = await UseCase(tables, new ReadModelCaseFactSource(s.Projector)).ComputeAsync(Ttu, ReportingPeriod.Parse("2025"), 1);
        var r = new SnapshotReader(SnapshotJson.Write(snapshot));

        // 2025: 25a and 25c consented (25b not): 2 cases; persons Yohana (25a), Maria + two men without identity (25c).
        Assert.Equal(2m, r.Value("cases_reported"));
        Assert.Equal(4m, r.Value("victims_identified"));
        // The referral sent on 1 March 2025 belongs to the 2023 case: it is read although reported two years earlier.
        Assert.Equal(1m, r.Value("referrals"));
        Assert.Equal(1m, r.Value("referrals", ("outcome", "rejected")));
        // Read: the 2025 cases (3), the 2023 case (referral, service, open first response); not 2024's nor 2026's.
        Assert.Equal(4, snapshot.Coverage.CaseRecords!.CaseRecordsRead);
    }

    [Fact]
    public async Task Rebuild_WritesTheMaintainedRows_GivenRowsKeptCurrentByEveryWrite()
    {
        var tables = await storage.NewTablesAsync();
        var s = await SeedAsync(tables);
        var maintained = await RowsAsync(tables, s.Projector.Store);

        var report = await new RebuildFactsUseCase(s.Cases, s.Projector, new FakeClock(Now)).RebuildAsync();

        Assert.Equal(6, report.Cases);
        Assert.Equal(0, report.RowsRemoved);
        Assert.Equal(maintained, await RowsAsync(tables, s.Projector.Store));
        Assert.Matches(@"(?m)^f\|2025\|53\.03\|[0-3]\|case-23a\|000 ", maintained);   // referral and service in 2025
    }

    [Fact]
    public async Task Rebuild_AddsTheRowsOfCasesWrittenWithoutTheReadModel_GivenAnOlderStore()
    {
        var tables = await storage.NewTablesAsync();
        var s = await SeedAsync(tables, maintained: false);
        var before = await UseCase(tables, new ReadModelCaseFactSource(s.Projector)).ComputeAsync(Ttu, ReportingPeriod.Parse("2025"), 1);

        await new RebuildFactsUseCase(s.Cases, s.Projector, new FakeClock(Now)).RebuildAsync();
        var after = await UseCase(tables, new ReadModelCaseFactSource(s.Projector)).ComputeAsync(Ttu, ReportingPeriod.Parse("2025"), 1);
        var oracle = await UseCase(tables, new StoredCaseFactSource(s.Cases, s.Workflows, WorkflowRegistry.Default, DistrictTime.DefaultZone)).ComputeAsync(Ttu, ReportingPeriod.Parse("2025"), 1);

        Assert.Equal(0, before.Coverage.CaseRecords!.CasesReportedInPeriod);
        Assert.Equal(2, after.Coverage.CaseRecords!.CasesReportedInPeriod);
        Assert.Equal(Cells(oracle), Cells(after));
    }

    [Fact]
    public async Task Snapshot_ReadsTheCaseFromItsPartition_GivenAWriteIntentLeftByAStoppedWriter()
    {
        var tables = await storage.NewTablesAsync();
        var s = await SeedAsync(tables);
        // A writer announced a change of case-25a, changed it (a new transition) and stopped before following it.
        await s.Projector.Store.AddIntentAsync("case-25a");
        var plain = new WorkflowHarness(tables, Now, s.Workflows);
        plain.Facts.Set("case-25a", TestCaseFacts.Plain);
        await plain.StartAsync("case-25a", "referral", "ref-9", WorkflowHarness.Uptd,
            new WorkflowStartFacts { ReferralKind = ReferralKind.Referral, FromAgency = "uptd_ppa_ttu", ToAgency = "rsud_kefamenanu" }, WorkflowHarness.D(2025, 6, 1));

        var snapshot = await UseCase(tables, new ReadModelCaseFactSource(s.Projector)).ComputeAsync(Ttu, ReportingPeriod.Parse("2025"), 1);
        var oracle = await UseCase(tables, new StoredCaseFactSource(s.Cases, s.Workflows, WorkflowRegistry.Default, DistrictTime.DefaultZone)).ComputeAsync(Ttu, ReportingPeriod.Parse("2025"), 1);

        Assert.Equal(2m, new SnapshotReader(SnapshotJson.Write(snapshot)).Value("referrals"));
        Assert.Equal(Cells(oracle), Cells(snapshot));
    }

    [Fact]
    public async Task Snapshot_Fails_GivenRowsKeyedWithAnotherIdentityKey()
    {
        var tables = await storage.NewTablesAsync();
        var s = await SeedAsync(tables);
        var rotated = new CaseFactProjector(s.Cases, s.Workflows, new TableCaseFactStore(tables, CaseTestData.Protector()), WorkflowRegistry.Default, DistrictTime.DefaultZone);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => UseCase(tables, new ReadModelCaseFactSource(rotated)).ComputeAsync(Ttu, ReportingPeriod.Parse("2025"), 1));

        Assert.Contains("rebuild-facts", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Every row of the read model as text: fact rows as stored, victim-list rows decrypted.</summary>
    /// <summary>The bucket is the low 2 bits of FNV-1a (32 bits): the published test vectors FNV-1a("a") = 0xe40c292c,
    /// ("b") = 0xe70c2de5, ("c") = 0xe60c2c52, ("d") = 0xe10c2473, ("foobar") = 0xbf9cf968.</summary>
    [Theory]
    [InlineData("a", '0')]
    [InlineData("b", '1')]
    [InlineData("c", '2')]
    [InlineData("d", '3')]
    [InlineData("foobar", '0')]
    public void Bucket_IsTheLowTwoBitsOfFnv1a_GivenTheFnvTestVectors(string caseId, char bucket) =>
        Assert.Equal(bucket, TableCaseFactStore.Bucket(caseId));

    private static async Task<string> RowsAsync(TaskForceTables tables, ICaseFactStore store)
    {
        var lines = new List<string>();
        await foreach (var e in tables.CaseFacts.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {"f|"} and PartitionKey lt {"f}"}")))
        {
            lines.Add($"{e.PartitionKey}|{e.RowKey} {e.GetString("KeyId")} {e.GetString("Json")}");
        }

        foreach (int year in new[] { 2023, 2024, 2025, 2026 })
        {
            await foreach (var l in store.ReadListEntriesAsync(year, Ttu))
            {
                lines.Add($"l|{year} {l.CaseId} {l.ReportedOn} {System.Text.Json.JsonSerializer.Serialize(l.Entry)}");
            }
        }

        return string.Join('\n', lines);
    }
}
