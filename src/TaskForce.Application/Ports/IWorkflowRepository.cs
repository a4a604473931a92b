using TaskForce.Application.Workflows;
using TaskForce.Domain.Workflows;

namespace TaskForce.Application.Ports;

/// <summary>A workflow instance as stored: its state row and its audit events, with the state row's ETag.</summary>
/// <param name="CaseId">The case the instance belongs to (its storage partition).</param>
/// <param name="Workflow">The workflow code, e.g. <c>criminal_justice</c>.</param>
/// <param name="SubjectId">The instance id within the case.</param>
/// <param name="State">The current state code as stored on the state row.</param>
/// <param name="Version">The version stored on the state row: the sequence of the last audit event.</param>
/// <param name="ContextJson">The instance's facts as of its last change (the domain context, snake_case JSON; no
/// personal data).</param>
/// <param name="History">The audit events, oldest first.</param>
/// <param name="ETag">The state row's ETag (opaque); a transition is written only if the row still has it.</param>
public sealed record StoredWorkflow(
    string CaseId,
    string Workflow,
    string SubjectId,
    string State,
    int Version,
    string ContextJson,
    IReadOnlyList<TransitionRecord> History,
    string ETag);

/// <summary>One change to write: the instance's new state row and the audit event that made it.</summary>
/// <param name="CaseId">The case the instance belongs to.</param>
/// <param name="Workflow">The workflow code.</param>
/// <param name="SubjectId">The instance id.</param>
/// <param name="State">The state code after the change (the event's <see cref="TransitionRecord.To"/>).</param>
/// <param name="Version">The version after the change (the event's <see cref="TransitionRecord.Sequence"/>).</param>
/// <param name="ContextJson">The instance's facts after the change.</param>
/// <param name="Event">The audit event.</param>
public sealed record WorkflowChange(
    string CaseId,
    string Workflow,
    string SubjectId,
    string State,
    int Version,
    string ContextJson,
    TransitionRecord Event)
{
    /// <summary>Gets the change of the case's owner written with this transition (a transfer accepted, ADR-020).</summary>
    /// <value><see langword="null"/> for every other transition.</value>
    public CaseOwnerChange? OwnerChange { get; init; }
}

/// <summary>
/// Stores workflow instances in the case's partition (docs/decisions/ADR-007-case-partition.md): one state row per
/// instance, updated only with its ETag, and one insert-only audit-event row per change, written together in one
/// transaction so a state never changes without its event and two writers on one version never both succeed.
/// </summary>
public interface IWorkflowRepository
{
    /// <summary>Loads one instance with its history.</summary>
    /// <param name="caseId">The case id.</param>
    /// <param name="workflow">The workflow code.</param>
    /// <param name="subjectId">The instance id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The instance, or <see langword="null"/> when it has no state row.</returns>
    Task<StoredWorkflow?> LoadAsync(string caseId, string workflow, string subjectId, CancellationToken cancellationToken = default);

    /// <summary>Creates an instance: adds its state row and its start event (sequence 1) in one transaction, insert-only.</summary>
    /// <param name="start">The start: version 1 and the start event. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The stored instance and <see langword="true"/> when created now; the instance already stored under the
    /// same case, workflow and subject and <see langword="false"/> when one exists (nothing is overwritten).</returns>
    /// <exception cref="ArgumentException">The change is not a start (version 1, sequence 1, no from-state) or names
    /// another instance than its event.</exception>
    Task<(StoredWorkflow Workflow, bool Created)> CreateAsync(WorkflowChange start, CancellationToken cancellationToken = default);

    /// <summary>Writes one transition: Add(event row) + Update(state row, If-Match <paramref name="expectedETag"/>) in
    /// one transaction.</summary>
    /// <param name="change">The new state and its event. Cannot be <see langword="null"/>.</param>
    /// <param name="expectedETag">The ETag of the state row the change was decided on.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The state row's new ETag.</returns>
    /// <exception cref="ArgumentException">The change's version is not its event's sequence, or it names another
    /// instance than its event.</exception>
    /// <exception cref="WorkflowConcurrencyException">The state row's ETag is no longer <paramref name="expectedETag"/>
    /// or the event's sequence is already stored: another writer changed the instance first. Nothing is written.</exception>
    /// <exception cref="WorkflowNotFoundException">The state row does not exist. Nothing is written.</exception>
    Task<string> SaveTransitionAsync(WorkflowChange change, string expectedETag, CancellationToken cancellationToken = default);

    /// <summary>Writes a transition like <see cref="SaveTransitionAsync(WorkflowChange, string, CancellationToken)"/>
    /// and, in the same transaction, the idempotency record of the request that asked for it (ADR-007), so a retried
    /// request finds the first answer instead of applying the move twice.</summary>
    /// <param name="change">The new state and its audit event.</param>
    /// <param name="expectedETag">The state row's ETag as read.</param>
    /// <param name="idempotency">The request's key, its fingerprint and the answer to replay.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The state row's new ETag.</returns>
    /// <exception cref="Workflows.WorkflowConcurrencyException">The state row changed, the event's sequence is taken, or
    /// the idempotency key was recorded meanwhile (re-read it with <see cref="FindTransitionReplayAsync"/>).</exception>
    Task<string> SaveTransitionAsync(WorkflowChange change, string expectedETag, TransitionIdempotency idempotency, CancellationToken cancellationToken = default);

    /// <summary>Reads the idempotency record of a transition request.</summary>
    /// <param name="caseId">The case id.</param>
    /// <param name="key">The caller's <c>Idempotency-Key</c>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The record, or <see langword="null"/> when no request with this key changed the case.</returns>
    Task<TransitionIdempotency?> FindTransitionReplayAsync(string caseId, string key, CancellationToken cancellationToken = default);

    /// <summary>Lists the instances of one case.</summary>
    /// <param name="caseId">The case id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The instances with their histories, ordered by workflow code then subject id (ordinal).</returns>
    Task<IReadOnlyList<StoredWorkflow>> ListByCaseAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>Lists every instance of every case (a scan of the workflow rows; the daily deadline run).</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The instances with their histories, case by case.</returns>
    IAsyncEnumerable<StoredWorkflow> ListAllAsync(CancellationToken cancellationToken = default);
}

/// <summary>The idempotency record of a transition request: who may replay it and what to answer.</summary>
/// <param name="Key">The caller's <c>Idempotency-Key</c> (at most 200 characters).</param>
/// <param name="RequestFingerprint">SHA-256 (hex) of the request (workflow, subject, target, reason, date, caller):
/// the same key with another request is refused.</param>
/// <param name="ResultJson">The answer of the first request (the <see cref="Workflows.TransitionResult"/> as JSON).</param>
public sealed record TransitionIdempotency(string Key, string RequestFingerprint, string ResultJson);
