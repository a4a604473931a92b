using System.Text.Json.Serialization;
using NodaTime;
using TaskForce.Application.Ports;
using TaskForce.Application.Workflows;
using TaskForce.Domain.Workflows;

namespace TaskForce.Functions.Http;

/// <summary>The body of <c>POST /cases/{id}/qualification</c> (optional).</summary>
public sealed record QualificationRequest
{
    /// <summary>Gets the date of judgment, if known (lex mitior, UU 1/2026 Pasal 3); today when absent.</summary>
    public LocalDate? DecisionDate { get; init; }
}

/// <summary>The body of <c>POST /cases/{id}/spdp</c>.</summary>
public sealed record SpdpRequest
{
    /// <summary>Gets the business date the SPDP was sent to the prosecutor. Required.</summary>
    public LocalDate? SentOn { get; init; }

    /// <summary>Gets why an earlier SPDP date is replaced (1–500 characters); required only then (ADR-017).</summary>
    public string? Reason { get; init; }
}

/// <summary>The response of <c>POST /cases/{id}/workflows</c>: the instance started now or found started.</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="Workflow">The workflow code.</param>
/// <param name="SubjectId">The instance id within the case.</param>
/// <param name="State">The current state code.</param>
/// <param name="Version">The version (sequence of the last audit event).</param>
/// <param name="ETag">The instance's ETag, to send as <c>If-Match</c> with the next transition.</param>
/// <param name="Created"><see langword="true"/> when started by this request; <see langword="false"/> when it existed.</param>
public sealed record WorkflowStarted(
    string CaseId,
    string Workflow,
    string SubjectId,
    string State,
    int Version,
    [property: JsonPropertyName("etag")] string ETag,
    bool Created)
{
    /// <summary>Returns the response for a stored instance.</summary>
    /// <param name="stored">The instance. Cannot be <see langword="null"/>.</param>
    /// <param name="created">Whether this request started it.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stored"/> is <see langword="null"/>.</exception>
    public static WorkflowStarted Of(StoredWorkflow stored, bool created)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new(stored.CaseId, stored.Workflow, stored.SubjectId, stored.State, stored.Version, stored.ETag, created);
    }
}

/// <summary>The response of <c>POST /cases/{id}/transitions</c>: the instance's new state and the audit event.</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="Workflow">The workflow code.</param>
/// <param name="SubjectId">The instance id within the case.</param>
/// <param name="From">The state code before the change.</param>
/// <param name="State">The state code after the change.</param>
/// <param name="Version">The version after the change.</param>
/// <param name="Event">The audit event written with the change.</param>
/// <param name="ETag">The instance's new ETag, for the next <c>If-Match</c>.</param>
public sealed record WorkflowTransitioned(
    string CaseId,
    string Workflow,
    string SubjectId,
    string From,
    string State,
    int Version,
    TransitionRecord Event,
    [property: JsonPropertyName("etag")] string ETag)
{
    /// <summary>Returns the response for a transition's result.</summary>
    /// <param name="result">The result. Cannot be <see langword="null"/>.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is <see langword="null"/>.</exception>
    public static WorkflowTransitioned Of(TransitionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(result.CaseId, result.Workflow, result.SubjectId, result.From, result.State, result.Version, result.Event, result.ETag);
    }
}
