using System.Text.Json.Serialization;
using NodaTime;
using TaskForce.Application.Access;
using TaskForce.Application.Ports;
using TaskForce.Application.Workflows;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Cases.History;
using TaskForce.Domain.Common;
using TaskForce.Domain.Workflows;
using TaskForce.Application.Resources;

namespace TaskForce.Application.Cases;

/// <summary>The body of <c>POST /cases/{id}/workflows</c>: start one workflow instance of a case.</summary>
public sealed record WorkflowStartRequest
{
    /// <summary>Gets the workflow code (<c>case_management</c>, <c>service</c>, <c>referral</c>, <c>criminal_justice</c>,
    /// <c>restitution</c>). Required.</summary>
    public string? Workflow { get; init; }

    /// <summary>Gets the instance id within the case; the case id when absent (one-per-case workflows).</summary>
    public string? SubjectId { get; init; }

    /// <summary>Gets the instance's fixed facts (<c>risk_level</c>, <c>service_type</c>, <c>referral_kind</c>, ...).</summary>
    public WorkflowStartFacts? Facts { get; init; }

    /// <summary>Gets the business date the instance started; today when absent.</summary>
    public LocalDate? EffectiveOn { get; init; }

    /// <summary>Gets an optional note on the start event (staff text; never a victim's identity).</summary>
    public string? Reason { get; init; }
}

/// <summary>The body of <c>POST /cases/{id}/transitions</c>: <c>{workflow, to, reason}</c>.</summary>
public sealed record WorkflowTransitionRequest
{
    /// <summary>Gets the workflow code. Required.</summary>
    public string? Workflow { get; init; }

    /// <summary>Gets the instance id within the case; the case id when absent.</summary>
    public string? SubjectId { get; init; }

    /// <summary>Gets the target state code. Required.</summary>
    public string? To { get; init; }

    /// <summary>Gets the reason (required where the transition table says so; staff text, never a victim's identity).</summary>
    public string? Reason { get; init; }

    /// <summary>Gets the business date the change took effect; today when absent.</summary>
    public LocalDate? EffectiveOn { get; init; }

    /// <summary>Gets the instant the change took effect (e.g. the first contact with the victim); not after now, not
    /// before the case's <c>reported_at</c> (case management); the recording instant when absent (ADR-023).</summary>
    public Instant? EffectiveAt { get; init; }

    /// <summary>Gets the reassessed risk level (<c>case_management</c> only; <c>to</c> may then be the current stage).</summary>
    public RiskLevel? RiskLevel { get; init; }
}

/// <summary>One workflow instance in a case timeline: state, version and ETag (for <c>If-Match</c>), the states the
/// caller could move it to today, its history and its deadlines.</summary>
/// <param name="Workflow">The workflow code.</param>
/// <param name="SubjectId">The instance id.</param>
/// <param name="State">The current state code.</param>
/// <param name="Version">The version (sequence of the last event).</param>
/// <param name="ETag">The state row's ETag, to send as <c>If-Match</c> with a transition.</param>
/// <param name="AllowedTargets">The states the caller could move it to today (guards applied).</param>
/// <param name="History">The audit events, oldest first; reasons only for callers who may see identity.</param>
/// <param name="Deadlines">The deadlines started so far, with their status as of the timeline's date.</param>
public sealed record WorkflowTimelineView(string Workflow, string SubjectId, string State, int Version, [property: JsonPropertyName("etag")] string ETag, IReadOnlyList<string> AllowedTargets, IReadOnlyList<TimelineEvent> History, IReadOnlyList<Deadline> Deadlines);

/// <summary>The timeline of a case: every workflow instance with its history and deadlines.</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="AsOf">The business date of the evaluation (district zone).</param>
/// <param name="Zone">The zone id of the business dates.</param>
/// <param name="Workflows">The instances, by workflow code then subject id.</param>
public sealed record CaseTimeline(string CaseId, LocalDate AsOf, string Zone, IReadOnlyList<WorkflowTimelineView> Workflows);

/// <summary>The result of <c>POST /cases/{id}/spdp</c>.</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="SpdpSentOn">The date recorded.</param>
/// <param name="ETag">The case's new version.</param>
public sealed record SpdpRecorded(string CaseId, LocalDate SpdpSentOn, [property: JsonPropertyName("etag")] string ETag);

/// <summary>
/// The case-level entry to the workflows (issue 4's <see cref="StartWorkflowUseCase"/> and
/// <see cref="TransitionWorkflowUseCase"/>): checks that the case exists and that the caller may act on it
/// (<see cref="CaseAccessPolicy"/>), turns the caller into the audited <see cref="Actor"/>, and builds the case
/// timeline. Also records the SPDP date, the case fact the criminal-justice guard reads.
/// </summary>
/// <param name="cases">The case store (summaries and updates).</param>
/// <param name="ties">The case's ties to agencies, which the access table reads (ADR-020).</param>
/// <param name="caseFacts">The case facts the guards read (for the allowed targets in the timeline).</param>
/// <param name="workflows">The workflow store.</param>
/// <param name="registry">The workflows.</param>
/// <param name="start">The start use case.</param>
/// <param name="transition">The transition use case.</param>
/// <param name="clock">The clock.</param>
/// <param name="zone">The district zone.</param>
public sealed class CaseWorkflowsUseCase(
    ICaseRepository cases,
    ICaseTiesStore ties,
    ICaseFactsReader caseFacts,
    IWorkflowRepository workflows,
    WorkflowRegistry registry,
    StartWorkflowUseCase start,
    TransitionWorkflowUseCase transition,
    IClock clock,
    DateTimeZone zone)
{
    /// <summary>Starts a workflow instance of a case (insert-only: starting it again returns the stored one).</summary>
    /// <param name="caseId">The case id. Cannot be <see langword="null"/>.</param>
    /// <param name="request">The request. Cannot be <see langword="null"/>.</param>
    /// <param name="caller">The caller. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The instance and whether it was created now.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">Bad input (the field names it).</exception>
    /// <exception cref="AccessDeniedException">The caller may not change this case's workflows.</exception>
    /// <exception cref="WorkflowNotFoundException">The case is not stored.</exception>
    public async Task<(StoredWorkflow Workflow, bool Created)> StartAsync(string caseId, WorkflowStartRequest request, Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        string workflow = Required(request.Workflow, "workflow");
        var (id, actor, _) = await AuthorizeAsync(caseId, caller, CaseAccessPolicy.OperationFor(workflow, null), cancellationToken).ConfigureAwait(false);
        var facts = request.Facts ?? new WorkflowStartFacts();
        if (workflow == ReferralWorkflow.Code)
        {
            // The referring agency is the caller's, never what the body claims (ADR-020).
            if (facts.FromAgency is { } from && !caller.IsOf(from))
            {
                throw new AccessDeniedException(Texts.Format(CasesAppText.CaseWorkflowsFactsFromAgencyMust, caller.Agency));
            }

            facts = facts with { FromAgency = caller.Agency };
        }

        var command = new StartWorkflowCommand(id.Value, workflow, request.SubjectId ?? id.Value, actor!)
        {
            Facts = facts,
            EffectiveOn = request.EffectiveOn,
            Reason = request.Reason,
        };
        return await start.StartAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Moves a workflow instance of a case to another state.</summary>
    /// <param name="caseId">The case id. Cannot be <see langword="null"/>.</param>
    /// <param name="request">The request. Cannot be <see langword="null"/>.</param>
    /// <param name="ifMatch">The instance's ETag the caller last read (<c>If-Match</c>), or <see langword="null"/>.</param>
    /// <param name="caller">The caller. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new state and its audit event.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">Bad input: missing workflow or target, unknown codes, missing reason,
    /// dates out of order.</exception>
    /// <exception cref="AccessDeniedException">The caller may not change this case's workflows.</exception>
    /// <exception cref="WorkflowNotFoundException">The case or the instance is not stored.</exception>
    /// <exception cref="IllegalTransitionException">The move is not allowed now; names the allowed targets.</exception>
    /// <exception cref="WorkflowConcurrencyException">The instance changed since the caller's read (stale <c>If-Match</c>).</exception>
    public async Task<TransitionResult> TransitionAsync(string caseId, WorkflowTransitionRequest request, string? ifMatch, Caller caller, CancellationToken cancellationToken = default) =>
        await TransitionAsync(caseId, request, ifMatch, null, caller, cancellationToken).ConfigureAwait(false);

    /// <summary>Applies one transition, idempotently when the caller gives a key: a retry with the same key and request
    /// gets the first answer back; the same key with another request is refused
    /// (<see cref="IdempotencyKeyReusedException"/>).</summary>
    /// <param name="caseId">The case id.</param>
    /// <param name="request">The transition request.</param>
    /// <param name="ifMatch">The caller's <c>If-Match</c>, or <see langword="null"/>.</param>
    /// <param name="idempotencyKey">The caller's <c>Idempotency-Key</c>, or <see langword="null"/>.</param>
    /// <param name="caller">The caller.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new state (or the first answer, on a replay).</returns>
    /// <exception cref="IdempotencyKeyReusedException">The key already changed this case with another request.</exception>
    public async Task<TransitionResult> TransitionAsync(string caseId, WorkflowTransitionRequest request, string? ifMatch, string? idempotencyKey, Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        string workflow = Required(request.Workflow, "workflow");
        string to = Required(request.To, "to");
        var (id, actor, _) = await AuthorizeAsync(caseId, caller, CaseAccessPolicy.OperationFor(workflow, to), cancellationToken).ConfigureAwait(false);
        var command = new TransitionCommand(id.Value, workflow, request.SubjectId ?? id.Value, to, actor!)
        {
            Reason = request.Reason,
            EffectiveOn = request.EffectiveOn,
            EffectiveAt = request.EffectiveAt,
            RiskLevel = request.RiskLevel,
            IfMatch = ifMatch,
            IdempotencyKey = idempotencyKey,
        };
        return await transition.TransitionAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns the history and deadlines of every workflow of a case, as of today in the district zone.</summary>
    /// <param name="caseId">The case id. Cannot be <see langword="null"/>.</param>
    /// <param name="caller">The caller. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The timeline (no workflow yet: an empty list).</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">The id is malformed (<c>id</c>).</exception>
    /// <exception cref="AccessDeniedException">The caller may not read this case's timeline.</exception>
    /// <exception cref="WorkflowNotFoundException">The case is not stored.</exception>
    public async Task<CaseTimeline> TimelineAsync(string caseId, Caller caller, CancellationToken cancellationToken = default)
    {
        var (id, actor, caseTies) = await AuthorizeAsync(caseId, caller, CaseOperation.ReadTimeline, cancellationToken).ConfigureAwait(false);
        bool showText = CaseAccessPolicy.MaySeeIdentity(caller, caseTies);
        var facts = await caseFacts.ReadAsync(id.Value, cancellationToken).ConfigureAwait(false);
        var stored = await workflows.ListByCaseAsync(id.Value, cancellationToken).ConfigureAwait(false);
        LocalDate today = DistrictTime.Today(clock, zone);
        var views = new List<WorkflowTimelineView>(stored.Count);
        foreach (var w in stored)
        {
            var session = WorkflowIds.Reload(registry.Find(w.Workflow), w, facts, zone);
            var timeline = session.Timeline(clock);
            IReadOnlyList<string> allowed = actor is null || !MayMove(caller, w, caseTies) ? [] : session.AllowedTargets(actor, today);
            views.Add(new WorkflowTimelineView(w.Workflow, w.SubjectId, timeline.State, timeline.Version, w.ETag, allowed, [.. timeline.History.Select(e => TimelineEvent.Of(e, showText))], timeline.Deadlines));
        }

        return new CaseTimeline(id.Value, today, zone.Id, views);
    }

    /// <summary>Records the date the SPDP was sent (KUHAP Pasal 109(1)), guarded by the case's version.</summary>
    /// <param name="caseId">The case id. Cannot be <see langword="null"/>.</param>
    /// <param name="sentOn">The date, or <see langword="null"/> (an error naming <c>sent_on</c>).</param>
    /// <param name="ifMatch">The case's ETag the caller last read (<c>If-Match</c>), or <see langword="null"/> to guard
    /// only against a change between this call's read and write.</param>
    /// <param name="caller">The caller. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The date and the case's new version.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">The date is missing (<c>sent_on</c>), in the future or before the
    /// offence date (<c>spdp_sent_on</c>).</exception>
    /// <exception cref="AccessDeniedException">The caller may not record facts on this case.</exception>
    /// <exception cref="WorkflowNotFoundException">The case is not stored.</exception>
    /// <exception cref="ConcurrencyConflictException">The case changed since the caller's read (stale <c>If-Match</c>)
    /// or during this call.</exception>
    /// <exception cref="IdentityProtectionException">The case holds identity and the identity key is missing (the
    /// whole case is rewritten).</exception>
    public async Task<SpdpRecorded> RecordSpdpAsync(string caseId, LocalDate? sentOn, string? ifMatch, Caller caller, CancellationToken cancellationToken = default) =>
        await RecordSpdpAsync(caseId, sentOn, reason: null, ifMatch, caller, cancellationToken).ConfigureAwait(false);

    /// <summary>Records or corrects the date the SPDP was sent (KUHAP Pasal 109(1)), guarded by the case's version,
    /// with a history entry (ADR-016).</summary>
    /// <param name="caseId">The case id. Cannot be <see langword="null"/>.</param>
    /// <param name="sentOn">The date, or <see langword="null"/> (an error naming <c>sent_on</c>).</param>
    /// <param name="reason">Why; required when an earlier date is replaced (<c>reason</c>).</param>
    /// <param name="ifMatch">The case's ETag the caller last read, or <see langword="null"/>.</param>
    /// <param name="caller">The caller. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The date and the case's new version.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">The date is missing (<c>sent_on</c>), in the future or before the
    /// offence date (<c>spdp_sent_on</c>); an earlier date is replaced without a reason (<c>reason</c>).</exception>
    /// <exception cref="AccessDeniedException">The caller may not record facts on this case, or carries no agency.</exception>
    /// <exception cref="WorkflowNotFoundException">The case is not stored.</exception>
    /// <exception cref="ConcurrencyConflictException">The case changed since the caller's read or during this call.</exception>
    /// <exception cref="IdentityProtectionException">The identity key is missing (the whole case is rewritten).</exception>
    public async Task<SpdpRecorded> RecordSpdpAsync(string caseId, LocalDate? sentOn, string? reason, string? ifMatch, Caller caller, CancellationToken cancellationToken = default)
    {
        // A case fact the owning agency records as it learns it, and an act of the criminal-justice track (KUHAP Pasal
        // 109(1)): either cell of the access table allows it (ADR-020).
        var (id, actor, _) = await AuthorizeAsync(caseId, caller, CaseOperation.RecordFacts, cancellationToken, CaseOperation.CriminalJustice).ConfigureAwait(false);
        LocalDate date = sentOn ?? throw new DomainValidationException("sent_on", CasesAppText.CaseWorkflowsDateSPDPWasSent);
        var stored = await cases.GetAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new WorkflowNotFoundException(id.Value, string.Empty, string.Empty);
        if (stored.Record.SpdpSentOn == date)
        {
            // Idempotent by its natural key: the date is already on file (e.g. a retry after a lost response, sent
            // with the ETag read before the first attempt). Answer as the first attempt did; write nothing.
            return new SpdpRecorded(id.Value, date, stored.ETag);
        }

        if (ifMatch is not null && !string.Equals(ifMatch, stored.ETag, StringComparison.Ordinal))
        {
            throw new ConcurrencyConflictException(Texts.Format(CasesAppText.AmendCaseCaseChangedSinceWas, id.Value));
        }

        stored.Record.RecordSpdpSent(date, clock, zone, ChangeContext.Create(actor!, reason, clock));
        string etag = await cases.UpdateAsync(stored.Record, stored.OwnerAgency, stored.ETag, cancellationToken).ConfigureAwait(false);
        return new SpdpRecorded(id.Value, date, etag);
    }

    private async Task<(CaseId Id, Actor? Actor, CaseTies Ties)> AuthorizeAsync(string caseId, Caller caller, CaseOperation operation, CancellationToken cancellationToken, CaseOperation? orElse = null)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        ArgumentNullException.ThrowIfNull(caller);
        var id = CaseId.Parse(caseId, "id");
        var roleLevel = CaseAccessPolicy.Decide(caller, operation);
        GetCaseUseCase.Demand(roleLevel.Allowed || orElse is null ? roleLevel : CaseAccessPolicy.Decide(caller, orElse.Value));
        var caseTies = await ties.ReadAsync(id.Value, cancellationToken).ConfigureAwait(false)
            ?? throw new WorkflowNotFoundException(id.Value, string.Empty, string.Empty);
        var decision = CaseAccessPolicy.Decide(caller, operation, caseTies);
        GetCaseUseCase.Demand(decision.Allowed || orElse is null ? decision : CaseAccessPolicy.Decide(caller, orElse.Value, caseTies));
        if (operation is not CaseOperation.ReadTimeline && caller.Agency is null)
        {
            throw new AccessDeniedException(CasesAppText.CaseWorkflowsCallerPrincipalCarriesAgency);
        }

        return (id, caller.Agency is null ? null : Actor.Create(caller.UserId, caller.Agency), caseTies);
    }

    // Whether the caller may move this instance at all (the table's operation for the workflow; for a referral, either
    // side's answer), so the timeline offers no target the access table would refuse.
    private static bool MayMove(Caller caller, StoredWorkflow w, CaseTies caseTies) =>
        w.Workflow == ReferralWorkflow.Code
            ? CaseAccessPolicy.Decide(caller, CaseOperation.Refer, caseTies).Allowed || CaseAccessPolicy.Decide(caller, CaseOperation.RespondToReferral, caseTies).Allowed
            : CaseAccessPolicy.Decide(caller, CaseAccessPolicy.OperationFor(w.Workflow, null), caseTies).Allowed;

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new DomainValidationException(field, Texts.Format(CasesAppText.CaseWorkflowsRequired, field)) : value;
}
