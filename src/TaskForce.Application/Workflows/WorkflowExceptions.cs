using TaskForce.Application.Resources;
using TaskForce.Domain.Common;

namespace TaskForce.Application.Workflows;

/// <summary>
/// Thrown when a workflow instance was changed by another writer after it was read: the state row's ETag no longer
/// matches (a stale <c>If-Match</c>, or a writer that won the race), or the audit event's sequence is already stored.
/// Nothing was written; the caller re-reads the instance and decides again.
/// </summary>
/// <remarks>Adapters answer it with HTTP 412 (Precondition Failed) or exit code 1 in the tool. It is separate from
/// <see cref="Domain.Workflows.IllegalTransitionException"/> (409: the move is not allowed from the current state)
/// because the move may well be allowed once the caller has seen the current state.</remarks>
public sealed class WorkflowConcurrencyException : InvalidOperationException
{
    /// <summary>Creates the exception for one instance.</summary>
    /// <param name="caseId">The case id.</param>
    /// <param name="workflow">The workflow code.</param>
    /// <param name="subjectId">The instance id.</param>
    /// <param name="innerException">The storage error, or <see langword="null"/>.</param>
    public WorkflowConcurrencyException(string caseId, string workflow, string subjectId, Exception? innerException = null)
        : base(Texts.Format(WorkflowsAppText.WorkflowConcurrency, workflow, subjectId, caseId), innerException)
    {
        CaseId = caseId;
        Workflow = workflow;
        SubjectId = subjectId;
    }

    /// <summary>Creates the exception with no details (required by the .NET exception pattern).</summary>
    public WorkflowConcurrencyException()
    {
        CaseId = Workflow = SubjectId = string.Empty;
    }

    /// <summary>Creates the exception with a message (required by the .NET exception pattern).</summary>
    /// <param name="message">The message.</param>
    public WorkflowConcurrencyException(string message)
        : base(message)
    {
        CaseId = Workflow = SubjectId = string.Empty;
    }

    /// <summary>Creates the exception wrapping another (required by the .NET exception pattern).</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public WorkflowConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
        CaseId = Workflow = SubjectId = string.Empty;
    }

    /// <summary>Gets the case id.</summary>
    /// <value>The id as given by the caller.</value>
    public string CaseId { get; }

    /// <summary>Gets the workflow code.</summary>
    /// <value>For example <c>criminal_justice</c>.</value>
    public string Workflow { get; }

    /// <summary>Gets the instance id.</summary>
    /// <value>The subject id.</value>
    public string SubjectId { get; }
}

/// <summary>Thrown when a workflow instance, or the case it belongs to, is not stored. Nothing was written.</summary>
/// <remarks>Adapters answer it with HTTP 404 or exit code 2 in the tool.</remarks>
public sealed class WorkflowNotFoundException : KeyNotFoundException
{
    /// <summary>Creates the exception for one instance (or, with <paramref name="workflow"/> empty, for a case).</summary>
    /// <param name="caseId">The case id.</param>
    /// <param name="workflow">The workflow code, or an empty string when the case itself is missing.</param>
    /// <param name="subjectId">The instance id, or an empty string when the case itself is missing.</param>
    public WorkflowNotFoundException(string caseId, string workflow, string subjectId)
        : base(workflow.Length == 0
            ? Texts.Format(WorkflowsAppText.WorkflowCaseNotStored, caseId)
            : Texts.Format(WorkflowsAppText.WorkflowInstanceNotStored, caseId, workflow, subjectId))
    {
        CaseId = caseId;
        Workflow = workflow;
        SubjectId = subjectId;
    }

    /// <summary>Creates the exception with no details (required by the .NET exception pattern).</summary>
    public WorkflowNotFoundException()
    {
        CaseId = Workflow = SubjectId = string.Empty;
    }

    /// <summary>Creates the exception with a message (required by the .NET exception pattern).</summary>
    /// <param name="message">The message.</param>
    public WorkflowNotFoundException(string message)
        : base(message)
    {
        CaseId = Workflow = SubjectId = string.Empty;
    }

    /// <summary>Creates the exception wrapping another (required by the .NET exception pattern).</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public WorkflowNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
        CaseId = Workflow = SubjectId = string.Empty;
    }

    /// <summary>Gets the case id.</summary>
    /// <value>The id as given by the caller.</value>
    public string CaseId { get; }

    /// <summary>Gets the workflow code.</summary>
    /// <value>Empty when the case itself is missing.</value>
    public string Workflow { get; }

    /// <summary>Gets the instance id.</summary>
    /// <value>Empty when the case itself is missing.</value>
    public string SubjectId { get; }
}

/// <summary>Thrown when an <c>Idempotency-Key</c> that already changed a case is sent again with a different request.
/// Nothing was written. Adapters answer it with HTTP 422: the caller must use a new key for a new request.</summary>
/// <remarks>A separate type because callers handle it differently from a stale ETag (412) or an illegal move (409).</remarks>
public sealed class IdempotencyKeyReusedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="key">The key.</param>
    public IdempotencyKeyReusedException(string key)
        : base(Texts.Format(WorkflowsAppText.WorkflowIdempotencyKeyReused, key))
    {
        Key = key;
    }

    /// <summary>Creates the exception with no details (required by the .NET exception pattern).</summary>
    public IdempotencyKeyReusedException()
    {
        Key = string.Empty;
    }

    /// <summary>Creates the exception with a message and a cause (required by the .NET exception pattern).</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public IdempotencyKeyReusedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Key = string.Empty;
    }

    /// <summary>Gets the key that was reused.</summary>
    /// <value>The caller's key.</value>
    public string Key { get; }
}
