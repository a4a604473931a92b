using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NodaTime;
using TaskForce.Application.Cases;
using TaskForce.Application.Serialization;
using TaskForce.Domain.Common;

namespace TaskForce.Functions.Http;

/// <summary>The body of <c>POST /cases/{id}/spdp</c>.</summary>
public sealed record SpdpRequest
{
    /// <summary>Gets the business date the SPDP was sent to the prosecutor. Required.</summary>
    public LocalDate? SentOn { get; init; }
}

/// <summary>
/// HTTP functions for the workflows of a case (issue 3 over issue 4's workflow storage): start an instance, change
/// its state, read the timeline, record the SPDP date. Thin: identify the caller, parse, call
/// <see cref="CaseWorkflowsUseCase"/>, map the result.
/// </summary>
/// <remarks>
/// Statuses: 400 bad input naming the field; 401 no trusted person; 403 the access policy refuses; 404 unknown case
/// or workflow instance; 409 a move the transition table or a guard forbids (problem members <c>allowed_targets</c>,
/// <c>from</c>, <c>to</c>, <c>refusal</c>); 412 a stale <c>If-Match</c>. For transitions, <c>If-Match</c> carries the
/// workflow instance's ETag (from the timeline, the start or the previous transition); for the SPDP, the case's ETag
/// (from <c>GET /cases/{id}</c>).
/// </remarks>
/// <param name="workflows">The case workflow use case.</param>
/// <param name="principals">The caller reader.</param>
public sealed class CaseWorkflowFunctions(CaseWorkflowsUseCase workflows, ClientPrincipalReader principals)
{
    /// <summary><c>POST /api/cases/{id}/workflows</c>: starts a workflow instance
    /// (<c>{"workflow", "subject_id"?, "facts": {"risk_level"|"service_type"|"referral_kind"|...}, "effective_on"?, "reason"?}</c>).</summary>
    /// <param name="req">The request.</param>
    /// <param name="id">The case id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>201 with the instance and its <c>ETag</c> when started now; 200 with the stored instance when it
    /// existed; 400; 401; 403; 404 unknown case.</returns>
    [Function("StartCaseWorkflow")]
    public Task<IActionResult> StartAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "cases/{id}/workflows")] HttpRequest req,
        string id,
        CancellationToken cancellationToken) =>
        CaseFunctions.RunAsync(req, principals, async caller =>
        {
            var body = InputJson.Read<WorkflowStartRequest>(await CaseFunctions.ReadBodyAsync(req, cancellationToken).ConfigureAwait(false))
                ?? throw new DomainValidationException("body", "A JSON object is required.");
            var (stored, created) = await workflows.StartAsync(id ?? string.Empty, body, caller, cancellationToken).ConfigureAwait(false);
            req.HttpContext.Response.Headers.ETag = stored.ETag;
            var view = new { case_id = stored.CaseId, workflow = stored.Workflow, subject_id = stored.SubjectId, state = stored.State, version = stored.Version, etag = stored.ETag, created };
            return CaseFunctions.Json(view, created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        });

    /// <summary><c>POST /api/cases/{id}/transitions</c>: <c>{"workflow", "to", "reason", "subject_id"?, "effective_on"?}</c>
    /// with an optional <c>If-Match</c> (the instance's ETag).</summary>
    /// <param name="req">The request.</param>
    /// <param name="id">The case id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>200 with the new state, version, audit event and <c>ETag</c> (a retry with the same
    /// <c>Idempotency-Key</c> gets the first answer again); 400; 401; 403; 404; 409 with the allowed targets; 412 on a
    /// stale <c>If-Match</c>; 422 when the <c>Idempotency-Key</c> was used for another transition.</returns>
    [Function("TransitionCaseWorkflow")]
    public Task<IActionResult> TransitionAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "cases/{id}/transitions")] HttpRequest req,
        string id,
        CancellationToken cancellationToken) =>
        CaseFunctions.RunAsync(req, principals, async caller =>
        {
            var body = InputJson.Read<WorkflowTransitionRequest>(await CaseFunctions.ReadBodyAsync(req, cancellationToken).ConfigureAwait(false))
                ?? throw new DomainValidationException("body", "A JSON object is required.");
            var keys = req.Headers[CaseFunctions.IdempotencyKeyHeader];
            if (keys.Count > 1)
            {
                throw new DomainValidationException(CaseFunctions.IdempotencyKeyHeader, "Send one Idempotency-Key header.");
            }

            var result = await workflows.TransitionAsync(id ?? string.Empty, body, IfMatch(req), keys.Count == 1 ? keys[0] : null, caller, cancellationToken).ConfigureAwait(false);
            req.HttpContext.Response.Headers.ETag = result.ETag;
            var view = new { case_id = result.CaseId, workflow = result.Workflow, subject_id = result.SubjectId, from = result.From, state = result.State, version = result.Version, @event = result.Event, etag = result.ETag };
            return CaseFunctions.Json(view, StatusCodes.Status200OK);
        });

    /// <summary><c>GET /api/cases/{id}/timeline</c>: the history and deadlines of every workflow of the case, as of
    /// today in the district zone.</summary>
    /// <param name="req">The request.</param>
    /// <param name="id">The case id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>200 with <c>{"case_id", "as_of", "zone", "workflows": [...]}</c>; 400; 401; 403; 404 unknown case.</returns>
    [Function("GetCaseTimeline")]
    public Task<IActionResult> TimelineAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "cases/{id}/timeline")] HttpRequest req,
        string id,
        CancellationToken cancellationToken) =>
        CaseFunctions.RunAsync(req, principals, async caller =>
            CaseFunctions.Json(await workflows.TimelineAsync(id ?? string.Empty, caller, cancellationToken).ConfigureAwait(false), StatusCodes.Status200OK));

    /// <summary><c>POST /api/cases/{id}/spdp</c>: records the date the SPDP was sent (<c>{"sent_on": "YYYY-MM-DD"}</c>),
    /// with an optional <c>If-Match</c> (the case's ETag).</summary>
    /// <param name="req">The request.</param>
    /// <param name="id">The case id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>200 with the date and the case's new <c>ETag</c>; 400; 401; 403; 404; 412 on a stale <c>If-Match</c>.</returns>
    [Function("RecordCaseSpdp")]
    public Task<IActionResult> RecordSpdpAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "cases/{id}/spdp")] HttpRequest req,
        string id,
        CancellationToken cancellationToken) =>
        CaseFunctions.RunAsync(req, principals, async caller =>
        {
            var body = InputJson.Read<SpdpRequest>(await CaseFunctions.ReadBodyAsync(req, cancellationToken).ConfigureAwait(false))
                ?? throw new DomainValidationException("body", "A JSON object is required.");
            var result = await workflows.RecordSpdpAsync(id ?? string.Empty, body.SentOn, IfMatch(req), caller, cancellationToken).ConfigureAwait(false);
            req.HttpContext.Response.Headers.ETag = result.ETag;
            return CaseFunctions.Json(result, StatusCodes.Status200OK);
        });

    private static string? IfMatch(HttpRequest req)
    {
        var values = req.Headers.IfMatch;
        if (values.Count > 1)
        {
            throw new DomainValidationException("If-Match", "Send one If-Match value (the ETag last read).");
        }

        return values.Count == 1 && !string.IsNullOrWhiteSpace(values[0]) ? values[0]!.Trim() : null;
    }
}
