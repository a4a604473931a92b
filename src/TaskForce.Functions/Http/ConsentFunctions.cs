using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TaskForce.Application.Cases;

namespace TaskForce.Functions.Http;

/// <summary>
/// HTTP function for a victim's consent (ADR-018): give, change or withdraw consent to services, reporting and
/// sharing after intake. Thin: identify the caller, parse, call <see cref="RecordConsentUseCase"/>, map the result.
/// </summary>
/// <remarks>Statuses: 400 bad input naming the field (nothing written); 401 no trusted person; 403 the access policy
/// refuses; 404 unknown case; 412 a stale <c>If-Match</c>; 428 no <c>If-Match</c> (the case's ETag from
/// <c>GET /cases/{id}</c> is required: consent must not be changed over a version the caller has not seen).</remarks>
/// <param name="consent">The consent use case.</param>
/// <param name="pipeline">The HTTP pipeline (caller, body, JSON, problems).</param>
public sealed class ConsentFunctions(RecordConsentUseCase consent, HttpPipeline pipeline)
{
    /// <summary><c>POST /api/cases/{id}/victims/{personId}/consent</c>: records a victim's consent as it stands from
    /// now (<c>{"for_services", "for_reporting", "for_sharing", "given_by", "reason"?}</c>), with a required
    /// <c>If-Match</c> (the case's ETag).</summary>
    /// <param name="req">The request.</param>
    /// <param name="id">The case id.</param>
    /// <param name="personId">The victim id, e.g. <c>victim-1</c>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>200 with the victim's consent, the case's consent to share and the case's new <c>ETag</c>; 400; 401;
    /// 403; 404; 412 on a stale <c>If-Match</c>; 413 for a body over the JSON cap
    /// (<see cref="HttpPipeline.DefaultMaxBodyBytes"/>); 428 without <c>If-Match</c>; 500; 503 storage unavailable.</returns>
    [Function("RecordVictimConsent")]
    public Task<IActionResult> RecordAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "cases/{id}/victims/{personId}/consent")] HttpRequest req,
        string id,
        string personId,
        CancellationToken cancellationToken) =>
        pipeline.RunAsync(req, async caller =>
        {
            var body = await HttpPipeline.ReadJsonAsync<ConsentChangeRequest>(req, cancellationToken).ConfigureAwait(false);
            var result = await consent.RecordAsync(id ?? string.Empty, personId ?? string.Empty, body, HttpPipeline.SingleHeader(req, "If-Match"), caller, cancellationToken).ConfigureAwait(false);
            req.HttpContext.Response.Headers.ETag = result.ETag;
            return HttpPipeline.Json(result);
        });
}
