using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TaskForce.Application.Prevention;

namespace TaskForce.Functions.Http;

/// <summary>
/// HTTP functions of prevention activities (issue 16 item 1; ADR-033). Thin: identify the caller, parse, call
/// <see cref="PreventionUseCases"/>, map the result.
/// </summary>
/// <remarks>Statuses: 400 bad input naming the field (nothing written); 401 no trusted person; 403 the policy
/// refuses (<see cref="PreventionAccessPolicy"/>); 404 unknown activity; 409 an id stored with other values; 412 a
/// stale <c>If-Match</c>; 428 a revision without <c>If-Match</c>.</remarks>
/// <param name="prevention">The use cases.</param>
/// <param name="pipeline">The HTTP pipeline.</param>
public sealed class PreventionFunctions(PreventionUseCases prevention, HttpPipeline pipeline)
{
    /// <summary><c>POST /api/prevention/activities</c>: records an activity for the caller's agency.</summary>
    /// <param name="req">The request (body <see cref="PreventionActivityInput"/>).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>201 with <see cref="PreventionActivityView"/> and <c>ETag</c>; 200 when the same id and values were
    /// stored; 400; 401; 403; 409; 413; 500; 503.</returns>
    [Function("RecordPreventionActivity")]
    public Task<IActionResult> RecordAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "prevention/activities")] HttpRequest req,
        CancellationToken cancellationToken) =>
        pipeline.RunAsync(req, async caller =>
        {
            var body = await HttpPipeline.ReadJsonAsync<PreventionActivityInput>(req, cancellationToken).ConfigureAwait(false);
            var result = await prevention.RecordAsync(body, caller, HttpPipeline.SingleHeader(req, HttpPipeline.IdempotencyKeyHeader), cancellationToken).ConfigureAwait(false);
            req.HttpContext.Response.Headers.ETag = result.View.Etag;
            return HttpPipeline.Json(result.View, result.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        });

    /// <summary><c>GET /api/prevention/activities/{id}</c>: one activity with its <c>ETag</c>.</summary>
    /// <param name="req">The request.</param>
    /// <param name="id">The activity id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>200 with <see cref="PreventionActivityView"/>; 401; 403; 404; 500; 503.</returns>
    [Function("GetPreventionActivity")]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "prevention/activities/{id}")] HttpRequest req,
        string id,
        CancellationToken cancellationToken) =>
        pipeline.RunAsync(req, async caller =>
        {
            var view = await prevention.GetAsync(id ?? string.Empty, caller, cancellationToken).ConfigureAwait(false);
            if (view is null)
            {
                return NotFound(id);
            }

            req.HttpContext.Response.Headers.ETag = view.Etag;
            return HttpPipeline.Json(view);
        });

    /// <summary><c>PUT /api/prevention/activities/{id}</c>: revises an activity under <c>If-Match</c> (required).</summary>
    /// <param name="req">The request (body <see cref="PreventionActivityInput"/>).</param>
    /// <param name="id">The activity id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>200 with the activity and its new <c>ETag</c> (the same when nothing changed); 400; 401; 403; 404;
    /// 412; 413; 428; 500; 503.</returns>
    [Function("RevisePreventionActivity")]
    public Task<IActionResult> ReviseAsync(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "prevention/activities/{id}")] HttpRequest req,
        string id,
        CancellationToken cancellationToken) =>
        pipeline.RunAsync(req, async caller =>
        {
            var body = await HttpPipeline.ReadJsonAsync<PreventionActivityInput>(req, cancellationToken).ConfigureAwait(false);
            string? ifMatch = HttpPipeline.SingleHeader(req, "If-Match");
            var view = await prevention.ReviseAsync(id ?? string.Empty, body, ifMatch, caller, cancellationToken).ConfigureAwait(false);
            if (view is null)
            {
                return NotFound(id);
            }

            req.HttpContext.Response.Headers.ETag = view.Etag;
            return HttpPipeline.Json(view);
        });

    /// <summary><c>GET /api/prevention/indicators?region=53.03&amp;period=2025</c>: the prevention indicators.</summary>
    /// <param name="req">The request.</param>
    /// <param name="cancellationToken">Cancels the computation.</param>
    /// <returns>200 with <see cref="PreventionIndicatorsView"/>; 400 naming <c>region</c> or <c>period</c>; 401; 403; 500; 503.</returns>
    [Function("GetPreventionIndicators")]
    public Task<IActionResult> IndicatorsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "prevention/indicators")] HttpRequest req,
        CancellationToken cancellationToken) =>
        pipeline.RunAsync(req, async caller =>
        {
            var set = await prevention.IndicatorsAsync(req.Query["region"].FirstOrDefault(), req.Query["period"].FirstOrDefault(), caller, cancellationToken).ConfigureAwait(false);
            return HttpPipeline.Json(PreventionIndicatorsView.Of(set));
        });

    private static ObjectResult NotFound(string? id) =>
        Problems.Create(StatusCodes.Status404NotFound, PreventionUseCases.NotFoundText(id));
}
