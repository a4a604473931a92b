using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Application.Access;
using TaskForce.Application.Cases;
using TaskForce.Application.Estimation;
using TaskForce.Application.Ports;
using TaskForce.Application.Snapshots;
using TaskForce.Application.Workflows;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Integration.Tests.Cases;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;

namespace TaskForce.Integration.Tests.ReadModel;

/// <summary>Counting follows an amendment (ADR-017 over ADR-012): the next snapshot counts the corrected facts, worked
/// out by hand. The case: reported 2026-03-02 (WITA) in 53.03 with two victims and reporting consent.</summary>
[Collection(StorageGroup.Name)]
public sealed class AmendmentCountingTests(AzuriteFixture storage)
{
    private static readonly RegionCode Ttu = RegionCode.Parse("53.03");
    private static readonly LinkageSecret Secret = LinkageSecret.Parse(Convert.ToBase64String(new byte[32]));
    private static readonly Caller Owner = CaseTestData.Caller("worker-1", "uptd_ppa_ttu", "case_worker");

    private sealed record Store(TaskForceTables Tables, ICaseRepository Cases, CaseFactProjector Projector, AmendCaseUseCase Amend);

    private async Task<Store> OpenAsync(CaseIntake intake)
    {
        var tables = await storage.NewTablesAsync();
        var cases = new TableCaseRepository(tables, CaseTestData.SharedProtector, DistrictTime.DefaultZone);
        var workflows = new TableWorkflowRepository(tables, CaseTestData.SharedProtector);
        var projector = new CaseFactProjector(cases, workflows, new TableCaseFactStore(tables, CaseTestData.SharedProtector), WorkflowRegistry.Default, DistrictTime.DefaultZone);
        var maintained = new FactMaintainingCaseRepository(cases, projector);
        var created = await maintained.AddAsync(CreateCaseUseCase.Build(intake, CaseTestData.Clock(), DistrictTime.DefaultZone), "uptd_ppa_ttu", null);
        Assert.Equal(CaseCreateOutcome.Created, created.Outcome);
        return new Store(tables, maintained, projector, new AmendCaseUseCase(maintained, CaseTestData.Clock(), DistrictTime.DefaultZone));
    }

    private static async Task<SnapshotReader> SnapshotAsync(Store s, string period = "2026-03")
    {
        var useCase = new SnapshotUseCase(new TableVerdictRepository(s.Tables), new TableSnapshotRepository(s.Tables), new ReadModelCaseFactSource(s.Projector), null,
            null, Secret, new FakeClock(Instant.FromUtc(2026, 6, 1, 0, 0)), DistrictTime.DefaultZone, NullLogger<SnapshotUseCase>.Instance);
        return new SnapshotReader(SnapshotJson.Write(await useCase.ComputeAsync(Ttu, ReportingPeriod.Parse(period), 1)));
    }

    private static async Task<string> ETagAsync(Store s) => (await s.Cases.GetAsync(CaseId.Parse("case-ttu-001", "id")))!.ETag;

    [Fact]
    public async Task Snapshot_CountsAVictimAddedLater_GivenAnAmendment()
    {
        var s = await OpenAsync(CaseTestData.Intake());
        Assert.Equal(2m, (await SnapshotAsync(s)).Value("victims_identified"));

        await s.Amend.ExecuteAsync("case-ttu-001", new CaseAmendment { AddVictims = [new NewVictim { Sex = "female", AgeAtOffence = 15 }] }, await ETagAsync(s), Owner);

        // She is counted only once her own consent to reporting is on file (ADR-018): until then, still two.
        Assert.Equal(2m, (await SnapshotAsync(s)).Value("victims_identified"));
        var stored = (await s.Cases.GetAsync(CaseId.Parse("case-ttu-001", "id")))!;
        stored.Record.RecordVictimConsent(
            new PersonId("victim-3"),
            new NewConsent { ForServices = true, ForReporting = true, ForSharing = false, GivenBy = "parent_or_guardian" },
            TaskForce.Domain.Cases.History.ChangeContext.Create(TaskForce.Domain.Workflows.Actor.Create("worker-1", "uptd_ppa_ttu"), null, CaseTestData.Clock()));
        await s.Cases.UpdateAsync(stored.Record, stored.OwnerAgency, stored.ETag);

        // Two victims at intake and one who came forward later, with her guardian's consent: three.
        Assert.Equal(3m, (await SnapshotAsync(s)).Value("victims_identified"));
    }

    [Fact]
    public async Task Snapshot_MovesTheReportingDelayBucket_GivenAnOffenceDateRecordedLater()
    {
        var s = await OpenAsync(CaseTestData.Intake() with { OffenceDate = null, Victims = [new NewVictim { Sex = "female", AgeAtOffence = 17 }] });
        var before = await SnapshotAsync(s);
        Assert.Equal(1m, before.Value(IndicatorIds.ReportingDelay, ("delay_days", "unknown")));

        await s.Amend.ExecuteAsync("case-ttu-001", new CaseAmendment { OffenceDate = new LocalDate(2026, 2, 25) }, await ETagAsync(s), Owner);

        // Reported 2026-03-02, act 2026-02-25: 3 days to 28 February + 2 = 5 days, the GBVIMS 4–5 bucket; none unknown any more.
        var after = await SnapshotAsync(s);
        Assert.Equal(1m, after.Value(IndicatorIds.ReportingDelay, ("delay_days", "4-5")));
        Assert.Equal(0m, after.Value(IndicatorIds.ReportingDelay, ("delay_days", "unknown")));
    }

    [Fact]
    public async Task Snapshot_MovesTheCaseToItsNewRegion_GivenARegionCorrection()
    {
        var s = await OpenAsync(CaseTestData.Intake());

        await s.Amend.ExecuteAsync("case-ttu-001", new CaseAmendment { Reason = "Kabupaten salah", Header = new HeaderCorrection { Region = "53.04" } }, await ETagAsync(s), Owner);

        // The case now belongs to 53.04: 53.03 counts no victim.
        Assert.Equal(0m, (await SnapshotAsync(s)).Value("victims_identified"));
    }
}
