using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TaskForce.Application.Cases;

namespace TaskForce.Functions.Http;

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
/// <param name="pipeline">The HTTP pipeline (caller, body, JSON, problems).</param>
public sealed class CaseWorkflowFunctions(CaseWorkflowsUseCase workflows, HttpPipeline pipeline)
{
    /// <summary><c>POST /api/cases/{id}/workflows</c>: starts a workflow instance
    /// (<c>{"workflow", "subject_id"?, "facts": {"risk_level"|"service_type"|"referral_kind"|...}, "effective_on"?, "reason"?}</c>).</summary>
    /// <param name="req">The request.</param>
    /// <param name="id">The case id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>201 with the instance and its <c>ETag</c> when started now; 200 with the stored instance when it
    /// existed; 400; 401; 403; 404 unknown case; 409 a second case-management instance, or a second criminal-justice
    /// track for the same suspect (ADR-023); 413 for a body over the JSON cap
    /// (<see cref="HttpPipeline.DefaultMaxBodyBytes"/>); 500; 503 storage unavailable.</returns>
    [Function("StartCaseWorkflow")]
    public Task<IActionResult> StartAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "cases/{id}/workflows")] HttpRequest req,
        string id,
        CancellationToken cancellationToken) =>
        pipeline.RunAsync(req, async caller =>
        {
            var body = await HttpPipeline.ReadJsonAsync<WorkflowStartRequest>(req, cancellationToken).ConfigureAwait(false);
            var (stored, created) = await workflows.StartAsync(id ?? string.Empty, body, caller, cancellationToken).ConfigureAwait(false);
            req.HttpContext.Response.Headers.ETag = stored.ETag;
            return HttpPipeline.Json(WorkflowStarted.Of(stored, created), created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        });

    /// <summary><c>POST /api/cases/{id}/transitions</c>: <c>{"workflow", "to", "reason", "subject_id"?, "effective_on"?}</c>
    /// with an optional <c>If-Match</c> (the instance's ETag).</summary>
    /// <param name="req">The request.</param>
    /// <param name="id">The case id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>200 with the new state, version, audit event and <c>ETag</c> (a retry with the same
    /// <c>Idempotency-Key</c> gets the first answer again); 400; 401; 403; 404; 409 with the allowed targets; 412 on a
    /// stale <c>If-Match</c>; 413 for a body over the JSON cap (<see cref="HttpPipeline.DefaultMaxBodyBytes"/>); 422
    /// when the <c>Idempotency-Key</c> was used for another transition; 500; 503 storage unavailable.</returns>
    [Function("TransitionCaseWorkflow")]
    public Task<IActionResult> TransitionAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "cases/{id}/transitions")] HttpRequest req,
        string id,
        CancellationToken cancellationToken) =>
        pipeline.RunAsync(req, async caller =>
        {
            var body = await HttpPipeline.ReadJsonAsync<WorkflowTransitionRequest>(req, cancellationToken).ConfigureAwait(false);
            string? key = HttpPipeline.SingleHeader(req, HttpPipeline.IdempotencyKeyHeader);
            var result = await workflows.TransitionAsync(id ?? string.Empty, body, IfMatch(req), key, caller, cancellationToken).ConfigureAwait(false);
            req.HttpContext.Response.Headers.ETag = result.ETag;
            return HttpPipeline.Json(WorkflowTransitioned.Of(result));
        });

    /// <summary><c>GET /api/cases/{id}/timeline</c>: the history and deadlines of every workflow of the case, as of
    /// today in the district zone.</summary>
    /// <param name="req">The request.</param>
    /// <param name="id">The case id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>200 with <c>{"case_id", "as_of", "zone", "workflows": [...]}</c>; 400; 401; 403; 404 unknown case; 500;
    /// 503 storage unavailable.</returns>
    [Function("GetCaseTimeline")]
    public Task<IActionResult> TimelineAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "cases/{id}/timeline")] HttpRequest req,
        string id,
        CancellationToken cancellationToken) =>
        pipeline.RunAsync(req, async caller =>
            HttpPipeline.Json(await workflows.TimelineAsync(id ?? string.Empty, caller, cancellationToken).ConfigureAwait(false)));

    /// <summary><c>POST /api/cases/{id}/spdp</c>: records the date the SPDP was sent (<c>{"sent_on": "YYYY-MM-DD", "reason"?}</c>; a reason is required to replace an earlier date),
    /// with an optional <c>If-Match</c> (the case's ETag).</summary>
    /// <param name="req">The request.</param>
    /// <param name="id">The case id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>200 with the date and the case's new <c>ETag</c>; 400; 401; 403; 404; 412 on a stale <c>If-Match</c>;
    /// 413 for a body over the JSON cap (<see cref="HttpPipeline.DefaultMaxBodyBytes"/>); 500; 503 storage
    /// unavailable.</returns>
    [Function("RecordCaseSpdp")]
    public Task<IActionResult> RecordSpdpAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "cases/{id}/spdp")] HttpRequest req,
        string id,
        CancellationToken cancellationToken) =>
        pipeline.RunAsync(req, async caller =>
        {
            var body = await HttpPipeline.ReadJsonAsync<SpdpRequest>(req, cancellationToken).ConfigureAwait(false);
            var result = await workflows.RecordSpdpAsync(id ?? string.Empty, body.SentOn, body.Reason, IfMatch(req), caller, cancellationToken).ConfigureAwait(false);
            req.HttpContext.Response.Headers.ETag = result.ETag;
            return HttpPipeline.Json(result);
        });

    private static string? IfMatch(HttpRequest req) => HttpPipeline.SingleHeader(req, "If-Match");
}
