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
using TaskForce.Integration.Tests.Cases;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Integration.Tests.Workflows;
using TaskForce.Storage;
using static TaskForce.Integration.Tests.Workflows.WorkflowHarness;

namespace TaskForce.Integration.Tests.ReadModel;

/// <summary>ADR-008 rule 12 on Azurite: two cases, each with two suspects' criminal-justice tracks (ADR-023), one track
/// at P-21 and one stopped in the inquiry (dihentikan). Storage lists a case's tracks by subject id, so case-x is read
/// P-21 track first (<c>cj-1</c>) and case-y stopped track first: both orders. Worked out by hand for March 2026:
/// reported 2, LP 2, SPDP 2, P-21 2, verdict 0 (the last track read alone would give SPDP 1, P-21 1).</summary>
[Collection(StorageGroup.Name)]
public sealed class CriminalJusticeTracksCountingTests(AzuriteFixture storage)
{
    private static readonly Instant Now = Instant.FromUtc(2026, 4, 1, 1, 0);
    private static readonly RegionCode Ttu = RegionCode.Parse("53.03");
    private static readonly LinkageSecret Secret = LinkageSecret.Parse(Convert.ToBase64String(new byte[32]));

    private static CaseIntake Intake(string id) => new()
    {
        Id = id,
        Region = "53.03",
        CaseType = "tppo",
        ReportingAgency = new NewAgency("police", "Polres TTU"),
        IntakeChannel = "walk_in",
        ReportedAt = Instant.FromUtc(2026, 3, 2, 2, 0), // 10:00 WITA on 2 March 2026
        OffenceDate = new LocalDate(2026, 2, 20),
        Victims = [new NewVictim { Sex = "female", AgeAtOffence = 17 }],
        Elements = new NewTraffickingElements { Acts = ["perekrutan"], Means = ["penipuan"], Purposes = ["kerja_paksa"] },
        Places = new NewPlaces { OriginKecamatan = "53.03.05", DestinationCountry = "MY" },
        Consent = new NewConsent { ForServices = true, ForReporting = true, ForSharing = true, GivenBy = "parent_or_guardian" },
    };

    /// <summary>The stopped track: LP 2 March, penyelidikan 4 March, dihentikan 6 March. The P-21 track: LP 3 March,
    /// penyidikan 5 March with the SPDP sent that day, P-21 10 March.</summary>
    private static async Task TwoTracksAsync(WorkflowHarness h, string caseId, string p21Track, string stoppedTrack)
    {
        var facts = TestCaseFacts.Plain with { SuspectIds = ["suspect-1", "suspect-2"] };
        h.Facts.Set(caseId, facts);
        static string Suspect(string track) => track == "cj-1" ? "suspect-1" : "suspect-2";
        await h.StartAsync(caseId, "criminal_justice", stoppedTrack, Police, new WorkflowStartFacts { SuspectId = Suspect(stoppedTrack) }, D(2026, 3, 2));
        await h.MoveAsync(caseId, "criminal_justice", stoppedTrack, "penyelidikan", Police, effectiveOn: D(2026, 3, 4));
        await h.MoveAsync(caseId, "criminal_justice", stoppedTrack, "dihentikan", Police, reason: "gelar perkara: bukan tindak pidana", effectiveOn: D(2026, 3, 6));
        await h.StartAsync(caseId, "criminal_justice", p21Track, Police, new WorkflowStartFacts { SuspectId = Suspect(p21Track) }, D(2026, 3, 3));
        h.Facts.Set(caseId, facts with { SpdpSentOn = D(2026, 3, 5) });
        await h.MoveAsync(caseId, "criminal_justice", p21Track, "penyidikan", Police, effectiveOn: D(2026, 3, 5));
        await h.MoveAsync(caseId, "criminal_justice", p21Track, "p21", Police, effectiveOn: D(2026, 3, 10));
    }

    private static SnapshotUseCase UseCase(TaskForceTables tables, ICaseFactSource source) =>
        new(new TableVerdictRepository(tables), new TableSnapshotRepository(tables), source, null, source as IVictimListSource, Secret, new FakeClock(Now), DistrictTime.DefaultZone,
            NullLogger<SnapshotUseCase>.Instance);

    private static string Cells(IndicatorSnapshot snapshot) => JsonNode.Parse(SnapshotJson.Write(snapshot))!["indicators"]!.ToJsonString();

    [Fact]
    public async Task Snapshot_CountsEachCaseAtTheFurthestStageOfAnyTrack_GivenTwoSuspectsTracksReadInBothOrders()
    {
        var tables = await storage.NewTablesAsync();
        var cases = new TableCaseRepository(tables, CaseTestData.SharedProtector, DistrictTime.DefaultZone);
        var workflows = new TableWorkflowRepository(tables, CaseTestData.SharedProtector);
        var projector = new CaseFactProjector(cases, workflows, new TableCaseFactStore(tables, CaseTestData.SharedProtector), WorkflowRegistry.Default, DistrictTime.DefaultZone);
        var maintainedCases = new FactMaintainingCaseRepository(cases, projector);
        var h = new WorkflowHarness(tables, Now, new FactMaintainingWorkflowRepository(workflows, projector));
        foreach (string id in new[] { "case-x", "case-y" })
        {
            await maintainedCases.AddAsync(CreateCaseUseCase.Build(Intake(id), new FakeClock(Now), DistrictTime.DefaultZone), "polres_ttu", null);
        }

        await TwoTracksAsync(h, "case-x", p21Track: "cj-1", stoppedTrack: "cj-2");
        await TwoTracksAsync(h, "case-y", p21Track: "cj-2", stoppedTrack: "cj-1");
        Assert.Equal(["cj-1", "cj-2"], (await workflows.ListByCaseAsync("case-x")).Select(w => w.SubjectId));

        var period = ReportingPeriod.Parse("2026-03");
        var readModel = await UseCase(tables, new ReadModelCaseFactSource(projector)).ComputeAsync(Ttu, period, 1);
        var oracle = await UseCase(tables, new StoredCaseFactSource(cases, workflows, WorkflowRegistry.Default, DistrictTime.DefaultZone)).ComputeAsync(Ttu, period, 1);

        Assert.Equal(Cells(oracle), Cells(readModel));
        var r = new SnapshotReader(SnapshotJson.Write(readModel));
        Assert.Equal(2m, r.Value(IndicatorIds.JusticeFunnel, ("stage", "reported")));
        Assert.Equal(2m, r.Value(IndicatorIds.JusticeFunnel, ("stage", "laporan_polisi")));
        Assert.Equal(2m, r.Value(IndicatorIds.JusticeFunnel, ("stage", "spdp")));
        Assert.Equal(2m, r.Value(IndicatorIds.JusticeFunnel, ("stage", "p21")));
        Assert.Equal(0m, r.Value(IndicatorIds.JusticeFunnel, ("stage", "putusan")));
        Assert.Equal(100m, r.Value(IndicatorIds.JusticeConversion, ("from_stage", "spdp"), ("to_stage", "p21")));

        // Each case's row: LP on the stopped track's 2 March (the earlier), SPDP 5 March and P-21 10 March.
        foreach (string id in new[] { "case-x", "case-y" })
        {
            var fact = Assert.Single((await projector.ReadAsync(id))!.Facts);
            Assert.Equal(new JusticeMilestones(new LocalDate(2026, 3, 2), new LocalDate(2026, 3, 5), new LocalDate(2026, 3, 10), null, null, null, null), fact.Milestones);
        }
    }
}
