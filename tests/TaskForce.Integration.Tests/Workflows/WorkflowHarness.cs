using TaskForce.Integration.Tests.Cases;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Application.Ports;
using TaskForce.Application.Workflows;
using TaskForce.Domain.Common;
using TaskForce.Domain.Workflows;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;

namespace TaskForce.Integration.Tests.Workflows;

/// <summary>The workflow use cases wired to real Table Storage, a FakeClock and in-memory case facts (test double).</summary>
public sealed class WorkflowHarness
{
    public WorkflowHarness(TaskForceTables tables, Instant now, IWorkflowRepository? repository = null)
    {
        Tables = tables;
        Clock = new FakeClock(now);
        Repository = repository ?? new TableWorkflowRepository(tables, CaseTestData.SharedProtector);
        Start = new StartWorkflowUseCase(Repository, Facts, WorkflowRegistry.Default, Clock, DistrictTime.DefaultZone);
        Transition = new TransitionWorkflowUseCase(Repository, Facts, WorkflowRegistry.Default, Clock, DistrictTime.DefaultZone, NullLogger<TransitionWorkflowUseCase>.Instance);
    }

    public TaskForceTables Tables { get; }

    public FakeClock Clock { get; }

    public TestCaseFacts Facts { get; } = new();

    public IWorkflowRepository Repository { get; }

    public StartWorkflowUseCase Start { get; }

    public TransitionWorkflowUseCase Transition { get; }

    public static Actor Police { get; } = Actor.Create("staff-polres-1", "polres_ttu");

    public static Actor Uptd { get; } = Actor.Create("staff-uptd-1", "uptd_ppa_ttu");

    public static Actor Hospital { get; } = Actor.Create("staff-rsud-1", "rsud_kefamenanu");

    public static LocalDate D(int y, int m, int d) => new(y, m, d);

    public Task<(StoredWorkflow Workflow, bool Created)> StartAsync(string caseId, string workflow, string subject, Actor actor, WorkflowStartFacts? facts = null, LocalDate? effectiveOn = null) =>
        Start.StartAsync(new StartWorkflowCommand(caseId, workflow, subject, actor) { Facts = facts ?? new WorkflowStartFacts(), EffectiveOn = effectiveOn });

    public Task<TransitionResult> MoveAsync(string caseId, string workflow, string subject, string to, Actor actor, string? reason = null, LocalDate? effectiveOn = null, string? ifMatch = null) =>
        Transition.TransitionAsync(new TransitionCommand(caseId, workflow, subject, to, actor) { Reason = reason, EffectiveOn = effectiveOn, IfMatch = ifMatch });
}
