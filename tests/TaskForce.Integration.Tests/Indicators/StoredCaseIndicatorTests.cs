using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Application.Cases;
using TaskForce.Application.Snapshots;
using TaskForce.Application.Workflows;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Integration.Tests.Cases;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Integration.Tests.Workflows;
using TaskForce.Storage;

namespace TaskForce.Integration.Tests.Indicators;

/// <summary>The snapshot use case over cases and workflows stored in Table Storage (Azurite) through
/// <see cref="StoredCaseFactSource"/>, with counts worked out by hand.</summary>
[Collection(StorageGroup.Name)]
public sealed class StoredCaseIndicatorTests(AzuriteFixture storage)
{
    private const string Nik = "5303014105080001";
    private static readonly Instant Now = Instant.FromUtc(2026, 1, 5, 1, 0);

    private static CaseIntake Intake(string id, string agencyKind, Instant reportedAt, LocalDate offence, bool consent, params NewVictim[] victims) => new()
    {
        Id = id,
        Region = "53.03",
        CaseType = "tppo",
        ReportingAgency = new NewAgency(agencyKind, agencyKind == "police" ? "Polres TTU" : "UPTD PPA Kabupaten TTU"),
        IntakeChannel = "walk_in",
        ReportedAt = reportedAt,
        OffenceDate = offence,
        Victims = victims,
        Elements = new NewTraffickingElements { Acts = ["perekrutan"], Means = ["penipuan"], Purposes = ["kerja_paksa"] },
        Places = new NewPlaces { OriginKecamatan = "53.03.05", DestinationCountry = "MY" },
        Consent = new NewConsent { ForServices = true, ForReporting = consent, ForSharing = true, GivenBy = "parent_or_guardian" },
    };

    private static NewVictim Girl() => new()
    {
        Sex = "female", BirthDate = new LocalDate(2008, 5, 1), Citizenship = "ID",
        Identity = new NewIdentity { FullName = "Yohana Sanam", NationalIdNumber = Nik },
    };

    private static async Task<SnapshotUseCase> StoreAsync(TaskForceTables tables)
    {
        var clock = new FakeClock(Now);
        var repo = new TableCaseRepository(tables, CaseTestData.Protector(), DistrictTime.DefaultZone);

        // A: UPTD PPA, 23:30 WITA on 31 March 2025 (Q1), the girl (NIK), act on 27 March: 4 days' delay.
        // B: police, 2 April 2025, the same girl again (same NIK) and a man without identity; act on 1 March: 32 days.
        // C: UPTD PPA, 1 May 2025, no consent to reporting.
        await repo.AddAsync(CreateCaseUseCase.Build(Intake("case-a", "uptd_ppa", Instant.FromUtc(2025, 3, 31, 15, 30), new LocalDate(2025, 3, 27), true, Girl()), clock, DistrictTime.DefaultZone), "uptd_ppa_ttu", null);
        await repo.AddAsync(CreateCaseUseCase.Build(Intake("case-b", "police", Instant.FromUtc(2025, 4, 2, 2, 0), new LocalDate(2025, 3, 1), true,
            Girl(), new NewVictim { Sex = "male", AgeAtOffence = 24 }), clock, DistrictTime.DefaultZone), "polres_ttu", null);
        await repo.AddAsync(CreateCaseUseCase.Build(Intake("case-c", "uptd_ppa", Instant.FromUtc(2025, 5, 1, 2, 0), new LocalDate(2025, 4, 20), false, Girl()), clock, DistrictTime.DefaultZone), "uptd_ppa_ttu", null);

        // Case B: a police report (LP) on 2 April 2025, inquiry from 5 April.
        var harness = new WorkflowHarness(tables, Now);
        harness.Facts.Set("case-b", TestCaseFacts.Plain);
        await harness.StartAsync("case-b", "criminal_justice", "case-b", WorkflowHarness.Police, effectiveOn: new LocalDate(2025, 4, 2));
        await harness.MoveAsync("case-b", "criminal_justice", "case-b", "penyelidikan", WorkflowHarness.Police, effectiveOn: new LocalDate(2025, 4, 5));

        var source = new StoredCaseFactSource(repo, new TableWorkflowRepository(tables, CaseTestData.SharedProtector), WorkflowRegistry.Default, DistrictTime.DefaultZone);
        return new SnapshotUseCase(new TableVerdictRepository(tables), new TableSnapshotRepository(tables), source, new TableCtdcRepository(tables), clock, DistrictTime.DefaultZone,
            NullLogger<SnapshotUseCase>.Instance);
    }

    [Fact]
    public async Task Snapshot_CountsStoredCasesOncePerPerson_GivenTwoAgenciesAndNoConsent()
    {
        var tables = await storage.NewTablesAsync();
        var useCase = await StoreAsync(tables);

        var s = new SnapshotReader(SnapshotJson.Write(await useCase.ComputeAsync(RegionCode.Parse("53.03"), ReportingPeriod.Parse("2025"), 1)));

        Assert.Equal(2m, s.Value("victims_identified"));                      // the girl once, the man
        Assert.Equal(1m, s.Value("victims_identified", ("sex", "female")));
        Assert.Equal(1m, s.Value("victims_identified", ("age_group", "13-17"))); // 16 on 27 March 2025
        Assert.Equal(2m, s.Value("cases_reported"));                           // C has no consent
        Assert.Equal(1m, s.Value("reporting_delay", ("delay_days", "4-5")));
        Assert.Equal(1m, s.Value("reporting_delay", ("delay_days", "31-90")));
        Assert.Equal(1m, s.Value("justice_funnel", ("stage", "laporan_polisi")));
        Assert.Equal(2m, s.Value("victims_identified", ("exploitation_form", "forced_labour")));
        var coverage = s.Root.GetProperty("coverage").GetProperty("case_records");
        Assert.Equal(3, coverage.GetProperty("records_read").GetInt32());
        Assert.Equal(1, coverage.GetProperty("records_without_consent").GetInt32());
        Assert.Equal(1, coverage.GetProperty("persons_in_several_agencies").GetInt32());
        Assert.Equal(1, coverage.GetProperty("persons_without_linkage_key").GetInt32());
    }

    [Fact]
    public async Task Snapshot_PlacesTheReportAt2330WitaInTheFirstQuarter_GivenStoredCases()
    {
        var tables = await storage.NewTablesAsync();
        var useCase = await StoreAsync(tables);

        var q1 = new SnapshotReader(SnapshotJson.Write(await useCase.ComputeAsync(RegionCode.Parse("53.03"), ReportingPeriod.Parse("2025-Q1"), 1)));
        var q2 = new SnapshotReader(SnapshotJson.Write(await useCase.ComputeAsync(RegionCode.Parse("53.03"), ReportingPeriod.Parse("2025-Q2"), 1)));

        Assert.Equal(1m, q1.Value("victims_identified"));
        Assert.Equal(2m, q2.Value("victims_identified")); // B's two victims; the girl again: distinct counts do not add up
    }

    [Fact]
    public async Task Snapshot_IsByteIdentical_GivenTwoComputationsWithFreshPersonKeySecrets()
    {
        var tables = await storage.NewTablesAsync();
        var useCase = await StoreAsync(tables);

        var first = await useCase.ComputeAndStoreAsync(RegionCode.Parse("53.03"), ReportingPeriod.Parse("2025"), null);
        var second = await useCase.ComputeAndStoreAsync(RegionCode.Parse("53.03"), ReportingPeriod.Parse("2025"), null);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Stored.Json, second.Stored.Json);
        Assert.DoesNotContain(Nik, first.Stored.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("Sanam", first.Stored.Json, StringComparison.Ordinal);
    }
}
