using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Application.Cases;
using TaskForce.Application.Snapshots;
using TaskForce.Application.Workflows;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Domain.Workflows;
using TaskForce.Integration.Tests.Cases;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;
using static TaskForce.Integration.Tests.Workflows.WorkflowHarness;

namespace TaskForce.Integration.Tests.Workflows;

/// <summary>A service request names the victim it is for, checked against the stored case, so
/// <c>services_delivered</c> counts only victims who were served. The case is <see cref="CaseTestData.Intake"/>'s: a girl
/// (victim-1) and a man (victim-2).</summary>
[Collection(StorageGroup.Name)]
public sealed class ServiceVictimTests(AzuriteFixture storage)
{
    private static readonly Instant Now = Instant.FromUtc(2025, 6, 30, 1, 0);

    private static async Task<(TaskForceTables Tables, TableCaseRepository Cases, TableWorkflowRepository Workflows, StartWorkflowUseCase Start, TransitionWorkflowUseCase Transition)> TwoVictimCaseAsync(AzuriteFixture storage)
    {
        var tables = await storage.NewTablesAsync();
        var clock = new FakeClock(Now);
        var cases = new TableCaseRepository(tables, CaseTestData.SharedProtector, DistrictTime.DefaultZone);
        var intake = CaseTestData.Intake("case-svc") with
        {
            ReportedAt = Instant.FromUtc(2025, 6, 2, 1, 0),
            OffenceDate = new LocalDate(2025, 5, 20),
        };
        await cases.AddAsync(CreateCaseUseCase.Build(intake, clock, DistrictTime.DefaultZone), "uptd_ppa_ttu", null);
        var workflows = new TableWorkflowRepository(tables, CaseTestData.SharedProtector);
        var start = new StartWorkflowUseCase(workflows, cases, WorkflowRegistry.Default, clock, DistrictTime.DefaultZone);
        var transition = new TransitionWorkflowUseCase(workflows, cases, WorkflowRegistry.Default, clock, DistrictTime.DefaultZone, NullLogger<TransitionWorkflowUseCase>.Instance);
        return (tables, cases, workflows, start, transition);
    }

    private static StartWorkflowCommand Service(string subject, string? victimId) =>
        new("case-svc", "service", subject, Uptd)
        {
            Facts = new WorkflowStartFacts { ServiceType = ServiceType.RehabilitasiKesehatan, VictimId = victimId },
            EffectiveOn = new LocalDate(2025, 6, 3),
        };

    [Fact]
    public async Task Start_ThrowsAndWritesNothing_GivenTwoVictimsAndNoVictimId()
    {
        var h = await TwoVictimCaseAsync(storage);
        var before = await TableRows.FingerprintAsync(h.Tables.Cases);

        var e = await Assert.ThrowsAsync<DomainValidationException>(() => h.Start.StartAsync(Service("svc-1", null)));

        Assert.Equal("facts.victim_id", e.Field);
        Assert.Contains("victim-1, victim-2", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, await TableRows.FingerprintAsync(h.Tables.Cases));
    }

    [Fact]
    public async Task Start_Throws_GivenAVictimIdNotInTheCase()
    {
        var h = await TwoVictimCaseAsync(storage);

        var e = await Assert.ThrowsAsync<DomainValidationException>(() => h.Start.StartAsync(Service("svc-1", "victim-3")));

        Assert.Equal("facts.victim_id", e.Field);
    }

    [Fact]
    public async Task Snapshot_CountsOnlyTheServedVictim_GivenAServiceForTheSecondVictim()
    {
        var h = await TwoVictimCaseAsync(storage);
        await h.Start.StartAsync(Service("svc-1", "victim-2"));
        await h.Transition.TransitionAsync(new TransitionCommand("case-svc", "service", "svc-1", "accepted", Hospital) { EffectiveOn = new LocalDate(2025, 6, 4) });
        await h.Transition.TransitionAsync(new TransitionCommand("case-svc", "service", "svc-1", "delivered", Hospital) { EffectiveOn = new LocalDate(2025, 6, 5) });
        var source = new StoredCaseFactSource(h.Cases, h.Workflows, WorkflowRegistry.Default, DistrictTime.DefaultZone);
        var useCase = new SnapshotUseCase(new TableVerdictRepository(h.Tables), new TableSnapshotRepository(h.Tables), source, null, new FakeClock(Now), DistrictTime.DefaultZone, NullLogger<SnapshotUseCase>.Instance);

        var stored = await h.Workflows.LoadAsync("case-svc", "service", "svc-1");
        var s = new SnapshotReader(SnapshotJson.Write(await useCase.ComputeAsync(RegionCode.Parse("53.03"), ReportingPeriod.Parse("2025"), 1)));

        Assert.Contains("\"victim_id\":\"victim-2\"", stored!.ContextJson, StringComparison.Ordinal);
        Assert.Equal(2m, s.Value("victims_identified"));
        Assert.Equal(1m, s.Value("services_delivered"));                                              // the man (victim-2) only, not both
        Assert.Equal(1m, s.Value("services_delivered", ("service_type", "rehabilitasi_kesehatan")));
    }
}
