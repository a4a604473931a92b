using System.Text.Json;
using Microsoft.Extensions.Logging;
using NodaTime;
using TaskForce.Application.Ports;
using TaskForce.Domain.Common;
using TaskForce.Domain.Workflows;
using TaskForce.Application.Resources;

namespace TaskForce.Application.Workflows;

/// <summary>A request to move one workflow instance of a case to another state (<c>{workflow, to, reason}</c>).</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="Workflow">The workflow code.</param>
/// <param name="SubjectId">The instance id within the case.</param>
/// <param name="To">The target state code.</param>
/// <param name="Actor">Who makes the change.</param>
public sealed record TransitionCommand(string CaseId, string Workflow, string SubjectId, string To, Actor Actor)
{
    /// <summary>Gets the reason, required where the transition table says so.</summary>
    /// <value>Free text (staff-written; never a victim's identity), or <see langword="null"/>.</value>
    public string? Reason { get; init; }

    /// <summary>Gets the business date the change took effect (e.g. the date on a P-21 letter).</summary>
    /// <value>A date in the district zone, not after today and not before the previous change; today when
    /// <see langword="null"/>.</value>
    public LocalDate? EffectiveOn { get; init; }

    /// <summary>Gets the instant the change took effect in the field (e.g. the first contact with the victim, which the
    /// first-response deadline measures; ADR-023).</summary>
    /// <value>Not after now, on <see cref="EffectiveOn"/> when both are given, not before the case's <c>reported_at</c>
    /// on case management; <see langword="null"/> for the recording instant.</value>
    public Instant? EffectiveAt { get; init; }

    /// <summary>Gets the reassessed risk level (case management only): the transition records the reassessment and the
    /// first-response deadline is recomputed (ADR-023).</summary>
    /// <value><see langword="null"/> when the risk level is not reassessed.</value>
    public RiskLevel? RiskLevel { get; init; }

    /// <summary>Gets the ETag the caller last read (HTTP <c>If-Match</c>).</summary>
    /// <value>When set and the stored state row has another ETag, the transition is refused as stale; when
    /// <see langword="null"/>, the ETag read by this call guards the write.</value>
    public string? IfMatch { get; init; }

    /// <summary>Gets the caller's <c>Idempotency-Key</c>: a retried request with the same key and the same content gets
    /// the first answer back instead of a second move (ADR-007).</summary>
    /// <value>At most 200 characters without control characters, or <see langword="null"/> for none.</value>
    public string? IdempotencyKey { get; init; }
}

/// <summary>The result of a transition: the new state, the audit event and the state row's new ETag.</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="Workflow">The workflow code.</param>
/// <param name="SubjectId">The instance id.</param>
/// <param name="From">The state code before the change.</param>
/// <param name="State">The state code after the change.</param>
/// <param name="Version">The version after the change (the event's sequence).</param>
/// <param name="Event">The audit event written.</param>
/// <param name="ETag">The state row's new ETag, for the next <c>If-Match</c>.</param>
public sealed record TransitionResult(string CaseId, string Workflow, string SubjectId, string From, string State, int Version, TransitionRecord Event, string ETag);

/// <summary>
/// Moves one workflow instance of a case to another state: load it with its ETag, read the case's facts, apply the
/// domain's transition table (<c>WorkflowInstance.TransitionTo</c>), and write the new state row and the audit event
/// in one transaction guarded by the ETag. The one code path for HTTP and the tool.
/// </summary>
/// <remarks>
/// <para>Errors, each with nothing written: <see cref="DomainValidationException"/> for malformed input (unknown
/// workflow or state code, missing reason, effective date in the future or before the previous change: HTTP 400);
/// <see cref="IllegalTransitionException"/> when the table or a guard forbids the move, with the allowed targets (409);
/// <see cref="WorkflowConcurrencyException"/> when <see cref="TransitionCommand.IfMatch"/> is stale or another writer
/// changed the instance between this call's read and its write (412); <see cref="WorkflowNotFoundException"/> when the
/// instance or the case is not stored (404). Conflicts are not retried here: the caller must see the new state
/// before deciding again (two racing writers: exactly one wins).</para>
/// <para>Logs carry the case id, workflow, subject id, states and version, never the reason (which staff write and
/// which may be sensitive, UU 21/2007 Pasal 44).</para>
/// </remarks>
/// <param name="workflows">The workflow store.</param>
/// <param name="caseFacts">Reads the case's facts (consent, TPKS, SPDP date) for the guards.</param>
/// <param name="registry">The workflows.</param>
/// <param name="clock">The clock (FakeClock in tests).</param>
/// <param name="zone">The district zone (normally Asia/Makassar).</param>
/// <param name="logger">The logger.</param>
public sealed partial class TransitionWorkflowUseCase(
    IWorkflowRepository workflows,
    ICaseFactsReader caseFacts,
    WorkflowRegistry registry,
    IClock clock,
    DateTimeZone zone,
    ILogger<TransitionWorkflowUseCase> logger)
{
    /// <summary>Applies one transition.</summary>
    /// <param name="command">The request. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation (before the write; a write that started completes or
    /// fails as a whole).</param>
    /// <returns>The new state and its audit event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="command"/> or its actor is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">Bad input (fields <c>case_id</c>, <c>subject_id</c>,
    /// <c>workflow</c>, <c>to</c>, <c>reason</c>, <c>effective_on</c>).</exception>
    /// <exception cref="IllegalTransitionException">The move is not allowed from the current state.</exception>
    /// <exception cref="WorkflowConcurrencyException">The instance changed since the caller's or this call's read.</exception>
    /// <exception cref="WorkflowNotFoundException">The case or the instance is not stored.</exception>
    /// <exception cref="InvalidOperationException">The stored instance is inconsistent (its history does not replay
    /// to its state row).</exception>
    public async Task<TransitionResult> TransitionAsync(TransitionCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(command.Actor);
        string caseId = WorkflowIds.CaseId(command.CaseId);
        string subjectId = WorkflowIds.SubjectId(command.SubjectId);
        var binding = registry.Find(command.Workflow);

        string? key = command.IdempotencyKey;
        string requestFingerprint = string.Empty;
        if (key is not null)
        {
            if (key.Length is 0 or > 200 || key.Any(char.IsControl))
            {
                throw new DomainValidationException("Idempotency-Key", WorkflowsAppText.TransitionWorkflowIdempotencyKeyMustCharacters);
            }

            requestFingerprint = Serialization.TaskForceJson.Fingerprint(new
            {
                caseId, workflow = binding.Code, subjectId, to = command.To, reason = command.Reason,
                effectiveOn = command.EffectiveOn?.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                effectiveAt = command.EffectiveAt is { } at ? NodaTime.Text.InstantPattern.ExtendedIso.Format(at) : null, riskLevel = command.RiskLevel?.ToCode(),
                actor = command.Actor.UserId, agency = command.Actor.Agency,
            });
            if (await workflows.FindTransitionReplayAsync(caseId, key, cancellationToken).ConfigureAwait(false) is { } earlier)
            {
                return await ReplayAsync(earlier, requestFingerprint, cancellationToken).ConfigureAwait(false);
            }
        }

        try
        {
            return await ApplyAsync(command, caseId, subjectId, binding, key, requestFingerprint, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (key is not null && ex is WorkflowConcurrencyException or IllegalTransitionException)
        {
            // A concurrent retry with the same key won (we then read a stale version, or the already-moved state),
            // or the SDK re-sent our own committed transaction: answer with the recorded first answer.
            var raced = await workflows.FindTransitionReplayAsync(caseId, key, cancellationToken).ConfigureAwait(false);
            if (raced is null)
            {
                throw;
            }

            return await ReplayAsync(raced, requestFingerprint, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<TransitionResult> ApplyAsync(TransitionCommand command, string caseId, string subjectId, WorkflowBinding binding, string? key, string requestFingerprint, CancellationToken cancellationToken)
    {
        var stored = await workflows.LoadAsync(caseId, binding.Code, subjectId, cancellationToken).ConfigureAwait(false)
            ?? throw new WorkflowNotFoundException(caseId, binding.Code, subjectId);
        if (command.IfMatch is { } ifMatch && !string.Equals(ifMatch, stored.ETag, StringComparison.Ordinal))
        {
            throw new WorkflowConcurrencyException(caseId, binding.Code, subjectId);
        }

        var facts = await caseFacts.ReadAsync(caseId, cancellationToken).ConfigureAwait(false)
            ?? throw new WorkflowNotFoundException(caseId, string.Empty, string.Empty);
        var session = WorkflowIds.Reload(binding, stored, facts, zone);

        string from = session.StateCode;
        var record = session.TransitionTo(command.To, command.Actor, clock, command.Reason, command.EffectiveOn, command.EffectiveAt, command.RiskLevel);
        var change = new WorkflowChange(caseId, binding.Code, subjectId, session.StateCode, session.Version, session.ContextJson, record)
        {
            OwnerChange = TransferAccepted(binding, session, record),
        };
        cancellationToken.ThrowIfCancellationRequested();
        string etag;
        if (key is null)
        {
            etag = await workflows.SaveTransitionAsync(change, stored.ETag, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var answer = new TransitionResult(caseId, binding.Code, subjectId, from, record.To, record.Sequence, record, string.Empty);
            etag = await workflows.SaveTransitionAsync(change, stored.ETag, new TransitionIdempotency(key, requestFingerprint, JsonSerializer.Serialize(answer, Serialization.TaskForceJson.Options)), cancellationToken).ConfigureAwait(false);
        }

        LogTransition(logger, caseId, binding.Code, subjectId, from, record.To, record.Sequence);
        return new TransitionResult(caseId, binding.Code, subjectId, from, record.To, record.Sequence, record, etag);
    }

    // A transfer is complete on acceptance (ReferralWorkflow): the receiving agency becomes the case's owner, written
    // with the transition (ADR-020). A referral, a rejection or a revocation changes no owner.
    private static CaseOwnerChange? TransferAccepted(WorkflowBinding binding, WorkflowSession session, TransitionRecord record)
    {
        if (binding.Code != ReferralWorkflow.Code || record.To != "accepted")
        {
            return null;
        }

        var context = JsonSerializer.Deserialize<ReferralContext>(session.ContextJson, Serialization.TaskForceJson.Options);
        return context is { Kind: ReferralKind.Transfer }
            ? new CaseOwnerChange(context.ToAgency.Trim().ToLowerInvariant(), Actor.Create(record.ActorId, record.Agency), record.RecordedAt, record.Reason)
            : null;
    }

    // The first answer again; its ETag is the state row's current one while the instance is still at that version
    // (otherwise empty: the caller must re-read before its next change).
    private async Task<TransitionResult> ReplayAsync(TransitionIdempotency earlier, string requestFingerprint, CancellationToken cancellationToken)
    {
        if (!string.Equals(earlier.RequestFingerprint, requestFingerprint, StringComparison.Ordinal))
        {
            throw new IdempotencyKeyReusedException(earlier.Key);
        }

        var first = JsonSerializer.Deserialize<TransitionResult>(earlier.ResultJson, Serialization.TaskForceJson.Options)
            ?? throw new InvalidOperationException("A stored transition answer is empty.");
        var now = await workflows.LoadAsync(first.CaseId, first.Workflow, first.SubjectId, cancellationToken).ConfigureAwait(false);
        return first with { ETag = now is not null && now.Version == first.Version ? now.ETag : string.Empty };
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "Case {CaseId}: {Workflow} '{SubjectId}' {From} -> {To} (version {Version})")]
    private static partial void LogTransition(ILogger logger, string caseId, string workflow, string subjectId, string from, string to, int version);
}

/// <summary>Checks of ids shared by the workflow use cases.</summary>
internal static class WorkflowIds
{
    /// <summary>The longest case id accepted, in characters.</summary>
    internal const int CaseIdMaxLength = 128;

    internal static string CaseId(string? caseId)
    {
        string id = caseId?.Trim() ?? string.Empty;
        if (id.Length == 0 || id.Length > CaseIdMaxLength || id.Any(char.IsControl))
        {
            throw new DomainValidationException("case_id", Texts.Format(WorkflowsAppText.TransitionWorkflowCaseIdMustCharacters, CaseIdMaxLength));
        }

        return id;
    }

    internal static string SubjectId(string? subjectId)
    {
        string id = subjectId?.Trim() ?? string.Empty;
        if (id.Length == 0 || id.Length > WorkflowDefinition<CaseStage, CaseManagementContext>.SubjectIdMaxLength || id.Any(char.IsControl))
        {
            throw new DomainValidationException("subject_id", Texts.Format(WorkflowsAppText.TransitionWorkflowSubjectIdMustCharacters, WorkflowDefinition<CaseStage, CaseManagementContext>.SubjectIdMaxLength));
        }

        return id;
    }

    internal static WorkflowSession Reload(WorkflowBinding binding, StoredWorkflow stored, CaseFacts? facts, DateTimeZone zone)
    {
        WorkflowSession session;
        try
        {
            session = binding.Rehydrate(stored.SubjectId, stored.ContextJson, facts, stored.History, zone);
        }
        catch (DomainValidationException ex)
        {
            throw new InvalidOperationException($"The stored {stored.Workflow} workflow '{stored.SubjectId}' of case '{stored.CaseId}' is inconsistent: {ex.Message}", ex);
        }

        if (session.StateCode != stored.State || session.Version != stored.Version)
        {
            throw new InvalidOperationException($"The stored {stored.Workflow} workflow '{stored.SubjectId}' of case '{stored.CaseId}' says '{stored.State}' v{stored.Version}, but its history replays to '{session.StateCode}' v{session.Version}.");
        }

        return session;
    }
}
