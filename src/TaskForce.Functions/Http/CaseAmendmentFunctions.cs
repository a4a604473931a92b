using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TaskForce.Application.Cases;

namespace TaskForce.Functions.Http;

/// <summary>
/// HTTP functions that correct and complete a stored case and read its history (issue 13, ADR-017). Thin: identify
/// the caller, parse, call <see cref="AmendCaseUseCase"/> or <see cref="GetCaseHistoryUseCase"/>, map the result.
/// </summary>
/// <remarks>
/// Statuses: 400 bad input naming the field as sent (nothing written); 401 no trusted person; 403 the access policy
/// refuses (amend and read_history, <c>CaseAccessPolicy</c>); 404 unknown case; 412 a stale <c>If-Match</c> (nothing
/// written); 428 an amendment without <c>If-Match</c> (nothing written).
/// </remarks>
/// <param name="amend">The amendment use case.</param>
/// <param name="history">The history use case.</param>
/// <param name="pipeline">The HTTP pipeline (caller, body, JSON, problems).</param>
public sealed class CaseAmendmentFunctions(AmendCaseUseCase amend, GetCaseHistoryUseCase history, HttpPipeline pipeline)
{
    /// <summary><c>POST /api/cases/{id}/amendments</c>: applies a <see cref="CaseAmendment"/> (named corrections and
    /// completions, all or none), guarded by <c>If-Match</c> (the case's ETag from <c>GET /cases/{id}</c>), required.</summary>
    /// <param name="req">The request.</param>
    /// <param name="id">The case id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>200 with the changes written and the case's new <c>ETag</c> (no change and the same ETag when every
    /// value was on file); 400; 401; 403; 404; 412 on a stale <c>If-Match</c>; 413 for a body over the JSON cap
    /// (<see cref="HttpPipeline.DefaultMaxBodyBytes"/>); 428 without <c>If-Match</c>; 500; 503 storage unavailable.</returns>
    [Function("AmendCase")]
    public Task<IActionResult> AmendAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "cases/{id}/amendments")] HttpRequest req,
        string id,
        CancellationToken cancellationToken) =>
        pipeline.RunAsync(req, async caller =>
        {
            var body = await HttpPipeline.ReadJsonAsync<CaseAmendment>(req, cancellationToken).ConfigureAwait(false);
            string? ifMatch = HttpPipeline.SingleHeader(req, "If-Match");
            var result = await amend.ExecuteAsync(id ?? string.Empty, body, ifMatch, caller, cancellationToken).ConfigureAwait(false);
            req.HttpContext.Response.Headers.ETag = result.ETag;
            return HttpPipeline.Json(result);
        });

    /// <summary><c>GET /api/cases/{id}/history</c>: the changes made to the case record since intake, oldest first;
    /// identity values and reasons only for the owning agency and the coordinator (every such read is audited).</summary>
    /// <param name="req">The request.</param>
    /// <param name="id">The case id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>200 with <see cref="CaseHistoryView"/>; 400; 401; 403; 404 unknown case; 500; 503 storage unavailable.</returns>
    [Function("GetCaseHistory")]
    public Task<IActionResult> HistoryAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "cases/{id}/history")] HttpRequest req,
        string id,
        CancellationToken cancellationToken) =>
        pipeline.RunAsync(req, async caller =>
        {
            var view = await history.ExecuteAsync(id ?? string.Empty, caller, cancellationToken).ConfigureAwait(false);
            return view is null ? CaseFunctions.CaseNotFound(id) : HttpPipeline.Json(view);
        });
}
