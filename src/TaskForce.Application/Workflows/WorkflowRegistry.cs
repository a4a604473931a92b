using System.Text.Json;
using NodaTime;
using TaskForce.Application.Ports;
using TaskForce.Application.Serialization;
using TaskForce.Domain.Common;
using TaskForce.Domain.Workflows;
using TaskForce.Application.Resources;

namespace TaskForce.Application.Workflows;

/// <summary>
/// The five workflows of a case (<see cref="WorkflowCatalogue"/>) bound to storage: how each builds its domain
/// context from the start facts and the case facts, and how that context is stored (snake_case JSON on the state row).
/// The one place the application layer turns a workflow code into typed domain calls.
/// </summary>
/// <threadsafety>Immutable; safe to share.</threadsafety>
public sealed class WorkflowRegistry
{
    private readonly Dictionary<string, WorkflowBinding> _bindings;

    /// <summary>Creates the registry with configured deadline options.</summary>
    /// <param name="firstResponse">First-response hours per risk level (case management).</param>
    /// <param name="serviceDeadlines">Days for services without a statutory limit.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A configured value is out of its range (see the domain
    /// factories).</exception>
    public WorkflowRegistry(FirstResponseOptions firstResponse, ServiceDeadlineOptions serviceDeadlines)
    {
        ArgumentNullException.ThrowIfNull(firstResponse);
        ArgumentNullException.ThrowIfNull(serviceDeadlines);
        WorkflowBinding[] all =
        [
            new Binding<CaseStage, CaseManagementContext>(
                CaseManagementWorkflow.Create(firstResponse),
                (f, k) => new CaseManagementContext(f.RiskLevel ?? throw Required("risk_level", CaseManagementWorkflow.Code)) { ReportedAt = k.ReportedAt },
                (c, k) => c with { ReportedAt = k.ReportedAt ?? c.ReportedAt },
                WorkflowInstanceRules.Reassess),
            new Binding<ServiceState, ServiceContext>(
                ServiceWorkflow.Create(serviceDeadlines),
                (f, k) => new ServiceContext(f.ServiceType ?? throw Required("service_type", ServiceWorkflow.Code), k.IsTpks, k.IsChildSexualViolence, ServiceVictim(f, k)),
                (c, k) => c with { IsTpks = k.IsTpks, IsChildSexualViolence = k.IsChildSexualViolence }),
            new Binding<ReferralState, ReferralContext>(
                ReferralWorkflow.Default,
                (f, k) => new ReferralContext(
                    f.ReferralKind ?? throw Required("referral_kind", ReferralWorkflow.Code),
                    f.FromAgency?.Trim() ?? string.Empty,
                    f.ToAgency?.Trim() ?? string.Empty,
                    k.ConsentToShare),
                (c, k) => c with { Consent = k.ConsentToShare }),
            new Binding<JusticeStage, CriminalJusticeContext>(
                CriminalJusticeWorkflow.Default,
                (f, k) => new CriminalJusticeContext(k.SpdpSentOn) { SuspectId = WorkflowInstanceRules.Suspect(f, k) },
                (c, k) => c with { SpdpSentOn = k.SpdpSentOn }),
            new Binding<RestitutionState, RestitutionContext>(
                RestitutionWorkflow.Default,
                (f, _) => new RestitutionContext(f.RestitutionBasis ?? throw Required("restitution_basis", RestitutionWorkflow.Code)),
                (c, _) => c),
        ];
        _bindings = all.ToDictionary(b => b.Code, StringComparer.Ordinal);
        Codes = [.. all.Select(b => b.Code)];
    }

    /// <summary>Gets the registry with the reference's default deadline options.</summary>
    /// <value>First response 0/6/24 h; no deadline for services outside UU 21/2007 Pasal 52–53.</value>
    public static WorkflowRegistry Default { get; } = new(FirstResponseOptions.Default, ServiceDeadlineOptions.Default);

    /// <summary>Gets the workflow codes in catalogue order.</summary>
    /// <value><c>case_management</c>, <c>service</c>, <c>referral</c>, <c>criminal_justice</c>, <c>restitution</c>.</value>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>Finds a workflow by code.</summary>
    /// <param name="code">The workflow code, case-sensitive as on the wire.</param>
    /// <returns>The binding.</returns>
    /// <exception cref="DomainValidationException">The code is unknown (field <c>workflow</c>); the message lists the
    /// known codes.</exception>
    public WorkflowBinding Find(string? code) =>
        code is not null && _bindings.TryGetValue(code, out var binding)
            ? binding
            : throw new DomainValidationException("workflow", Texts.Format(WorkflowsAppText.WorkflowRegistryWorkflowKnown, code, string.Join(", ", Codes)));

    /// <summary>The victim a new service request is for: the given person id, which must be a victim of the case; the
    /// only victim when the case has one and none is given; required when the case has several, so a service is never
    /// counted for a victim who did not receive it (indicator <c>services_delivered</c>).</summary>
    private static string? ServiceVictim(WorkflowStartFacts f, CaseFacts k)
    {
        string? given = f.VictimId?.Trim();
        if (given is { Length: > 0 })
        {
            return k.VictimIds.Contains(given, StringComparer.Ordinal)
                ? given
                : throw new DomainValidationException(
                    "facts.victim_id",
                    Texts.Format(WorkflowsAppText.WorkflowRegistryVictimThisCaseVictims, given, (k.VictimIds.Count == 0 ? WorkflowsAppText.WorkflowNoneRecorded : string.Join(", ", k.VictimIds))));
        }

        return k.VictimIds.Count switch
        {
            0 => null,
            1 => k.VictimIds[0],
            _ => throw new DomainValidationException(
                "facts.victim_id",
                Texts.Format(WorkflowsAppText.WorkflowRegistryThisCaseHasVictims, k.VictimIds.Count, string.Join(", ", k.VictimIds))),
        };
    }

    private static DomainValidationException Required(string field, string workflow) =>
        new(field, Texts.Format(WorkflowsAppText.WorkflowFieldRequiredToStart, field, workflow));

    private sealed class Binding<TState, TContext>(
        WorkflowDefinition<TState, TContext> definition,
        Func<WorkflowStartFacts, CaseFacts, TContext> create,
        Func<TContext, CaseFacts, TContext> overlay,
        Func<TContext, RiskLevel, int, TContext>? reassess = null) : WorkflowBinding
        where TState : struct, Enum
        where TContext : class
    {
        public override string Code => definition.Code;

        public override IWorkflowDefinition Definition => definition;

        public override WorkflowSession Start(string subjectId, WorkflowStartFacts facts, CaseFacts caseFacts, Actor actor, IClock clock, DateTimeZone zone, LocalDate? effectiveOn, string? reason)
        {
            ArgumentNullException.ThrowIfNull(facts);
            ArgumentNullException.ThrowIfNull(caseFacts);
            return new Session<TState, TContext>(definition.Start(subjectId, create(facts, caseFacts), actor, clock, zone, effectiveOn, reason), reassess);
        }

        public override WorkflowSession Rehydrate(string subjectId, string contextJson, CaseFacts? current, IEnumerable<TransitionRecord> history, DateTimeZone zone)
        {
            ArgumentNullException.ThrowIfNull(contextJson);
            TContext stored;
            try
            {
                stored = JsonSerializer.Deserialize<TContext>(contextJson, TaskForceJson.Options)
                    ?? throw new DomainValidationException("context", WorkflowsAppText.WorkflowRegistryStoredContextNull);
            }
            catch (JsonException ex)
            {
                throw new DomainValidationException("context", Texts.Format(WorkflowsAppText.WorkflowRegistryStoredContextCannotRead, Code, ex.Message));
            }

            var context = current is null ? stored : overlay(stored, current);
            return new Session<TState, TContext>(definition.Rehydrate(subjectId, context, history, zone), reassess);
        }
    }

    private sealed class Session<TState, TContext>(WorkflowInstance<TState, TContext> instance, Func<TContext, RiskLevel, int, TContext>? reassess) : WorkflowSession
        where TState : struct, Enum
        where TContext : class
    {
        public override string Workflow => instance.Definition.Code;

        public override string SubjectId => instance.SubjectId;

        public override string StateCode => instance.StateCode;

        public override int Version => instance.Version;

        public override IReadOnlyList<TransitionRecord> History => instance.History;

        public override string ContextJson => JsonSerializer.Serialize(instance.Context, TaskForceJson.Options);

        public override TransitionRecord TransitionTo(string toCode, Actor actor, IClock clock, string? reason, LocalDate? effectiveOn, Instant? effectiveAt, RiskLevel? riskLevel)
        {
            TContext? next = null;
            if (riskLevel is { } level)
            {
                next = reassess is null
                    ? throw new DomainValidationException("risk_level", Texts.Format(WorkflowsAppText.WorkflowRegistryRiskLevelReassessedOn, CaseManagementWorkflow.Code, Workflow))
                    : reassess(instance.Context, level, instance.Version + 1);
            }

            return instance.TransitionTo(instance.Definition.ParseState(toCode, "to"), actor, clock, reason, effectiveOn, next, effectiveAt);
        }

        public override IReadOnlyList<string> AllowedTargets(Actor actor, LocalDate effectiveOn) =>
            [.. instance.AllowedTargets(actor, effectiveOn).Select(instance.Definition.ToCode)];

        public override IReadOnlyList<Deadline> Deadlines(IClock clock) => instance.Deadlines(clock);

        public override WorkflowTimeline Timeline(IClock clock) => instance.Timeline(clock);
    }
}

/// <summary>One workflow bound to storage: starts and reloads instances as <see cref="WorkflowSession"/>s.</summary>
public abstract class WorkflowBinding
{
    /// <summary>Gets the workflow code.</summary>
    /// <value>A snake_case code, e.g. <c>service</c>.</value>
    public abstract string Code { get; }

    /// <summary>Gets the domain definition (states, table).</summary>
    /// <value>Never <see langword="null"/>.</value>
    public abstract IWorkflowDefinition Definition { get; }

    /// <summary>Starts a new instance (domain <c>Start</c>) from its start facts and the case facts.</summary>
    /// <param name="subjectId">The instance id.</param>
    /// <param name="facts">The instance's fixed facts.</param>
    /// <param name="caseFacts">The case's current facts.</param>
    /// <param name="actor">Who starts it.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="zone">The district zone.</param>
    /// <param name="effectiveOn">The business date it started; today when <see langword="null"/>.</param>
    /// <param name="reason">An optional note.</param>
    /// <returns>The new instance, with its start event.</returns>
    /// <exception cref="ArgumentNullException">An object argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">A fact this workflow needs is missing (e.g. <c>risk_level</c>), or
    /// the domain refuses the start (see <c>WorkflowDefinition.Start</c>).</exception>
    public abstract WorkflowSession Start(string subjectId, WorkflowStartFacts facts, CaseFacts caseFacts, Actor actor, IClock clock, DateTimeZone zone, LocalDate? effectiveOn, string? reason);

    /// <summary>Reloads a stored instance (domain <c>Rehydrate</c>), with the case's current facts laid over the stored
    /// context so guards see consent, TPKS and SPDP as they are now.</summary>
    /// <param name="subjectId">The instance id.</param>
    /// <param name="contextJson">The stored context.</param>
    /// <param name="current">The case's current facts, or <see langword="null"/> to use the stored context as it is
    /// (deadline evaluation, which reads only fixed facts).</param>
    /// <param name="history">The stored audit events.</param>
    /// <param name="zone">The district zone.</param>
    /// <returns>The instance in the state of its last event.</returns>
    /// <exception cref="ArgumentNullException">An object argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">The stored context cannot be read (field <c>context</c>) or the
    /// history is inconsistent (field <c>history</c>).</exception>
    public abstract WorkflowSession Rehydrate(string subjectId, string contextJson, CaseFacts? current, IEnumerable<TransitionRecord> history, DateTimeZone zone);
}

/// <summary>A loaded workflow instance behind a non-generic face: state, history, stored context, transitions and
/// deadlines, all as wire codes.</summary>
public abstract class WorkflowSession
{
    /// <summary>Gets the workflow code.</summary>
    /// <value>A snake_case code.</value>
    public abstract string Workflow { get; }

    /// <summary>Gets the instance id.</summary>
    /// <value>Trimmed, 1 to 128 characters.</value>
    public abstract string SubjectId { get; }

    /// <summary>Gets the current state code.</summary>
    /// <value>A snake_case code.</value>
    public abstract string StateCode { get; }

    /// <summary>Gets the version: the sequence of the last audit event.</summary>
    /// <value>At least 1.</value>
    public abstract int Version { get; }

    /// <summary>Gets the audit events, oldest first.</summary>
    /// <value>At least the start event.</value>
    public abstract IReadOnlyList<TransitionRecord> History { get; }

    /// <summary>Gets the instance's current facts as stored on the state row.</summary>
    /// <value>Snake_case JSON of the domain context.</value>
    public abstract string ContextJson { get; }

    /// <summary>Changes state (domain <c>TransitionTo</c>) and appends the audit event.</summary>
    /// <param name="toCode">The target state code.</param>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="reason">The reason; required where the table says so.</param>
    /// <param name="effectiveOn">The business date of the change; today when <see langword="null"/>.</param>
    /// <returns>The audit event recorded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="clock"/> is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">Unknown target state (field <c>to</c>), missing reason (field
    /// <c>reason</c>), effective date in the future or before the previous change (field <c>effective_on</c>).</exception>
    /// <exception cref="IllegalTransitionException">The move is not in the table or a guard refuses it; names the
    /// allowed targets.</exception>
    public TransitionRecord TransitionTo(string toCode, Actor actor, IClock clock, string? reason, LocalDate? effectiveOn) =>
        TransitionTo(toCode, actor, clock, reason, effectiveOn, effectiveAt: null, riskLevel: null);

    /// <summary>Changes state with the instant it took effect and, on case management, a reassessed risk level
    /// (ADR-023).</summary>
    /// <param name="toCode">The target state code (the current one for a reassessment in place).</param>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="reason">The reason; required where the table says so.</param>
    /// <param name="effectiveOn">The business date of the change; the date of <paramref name="effectiveAt"/> or today
    /// when <see langword="null"/>.</param>
    /// <param name="effectiveAt">The instant the change took effect (e.g. the first contact), or
    /// <see langword="null"/> for the recording instant.</param>
    /// <param name="riskLevel">The reassessed risk level (case management only), or <see langword="null"/>.</param>
    /// <returns>The audit event recorded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="clock"/> is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">As the other overload; <c>effective_at</c> after now, on another date
    /// than <c>effective_on</c> or before the report; <c>risk_level</c> on a workflow without one or equal to the level
    /// in force.</exception>
    /// <exception cref="IllegalTransitionException">The move is not in the table or a guard refuses it.</exception>
    public abstract TransitionRecord TransitionTo(string toCode, Actor actor, IClock clock, string? reason, LocalDate? effectiveOn, Instant? effectiveAt, RiskLevel? riskLevel);

    /// <summary>Returns the states this actor could move the instance to on a date (guards applied).</summary>
    /// <param name="actor">Who would make the change.</param>
    /// <param name="effectiveOn">The business date.</param>
    /// <returns>State codes in table order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    public abstract IReadOnlyList<string> AllowedTargets(Actor actor, LocalDate effectiveOn);

    /// <summary>Evaluates the deadlines as of the clock's instant in the instance's zone.</summary>
    /// <param name="clock">The clock.</param>
    /// <returns>Every deadline started so far, oldest first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is <see langword="null"/>.</exception>
    public abstract IReadOnlyList<Deadline> Deadlines(IClock clock);

    /// <summary>Returns the instance's timeline (state, history, deadlines).</summary>
    /// <param name="clock">The clock.</param>
    /// <returns>The timeline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is <see langword="null"/>.</exception>
    public abstract WorkflowTimeline Timeline(IClock clock);
}
