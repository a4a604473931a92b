using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TaskForce.Application.Subjects;
using TaskForce.Domain.Common;
using TaskForce.Functions.Resources;

namespace TaskForce.Functions.Http;

/// <summary>
/// HTTP functions for requests of the person recorded (UU 27/2022; ADR-019): the access export, the erasure and the
/// request log. Coordinator only. The person's identifiers (NIK, or full name with birth date) travel in the POST
/// body, never in the URL (URLs are logged). Thin: identify the caller, read the body, call one use case.
/// </summary>
/// <remarks>Statuses: 200; 400 bad input naming the field (nothing written or logged); 401 no trusted person; 403 not
/// the coordinator (or, for erasure, no agency claim); 409 erasure refused by a retention rule (<c>reason</c> and
/// <c>cases</c> in the problem; nothing erased); 412 a case kept changing during the erasure; 500 identity key missing
/// or wrong; 503 storage unavailable.</remarks>
/// <param name="access">The access use case.</param>
/// <param name="erasure">The erasure use case.</param>
/// <param name="list">The log listing.</param>
/// <param name="pipeline">The HTTP pipeline.</param>
public sealed class DataSubjectRequestFunctions(SubjectAccessUseCase access, SubjectErasureUseCase erasure, ListSubjectRequestsUseCase list, HttpPipeline pipeline)
{
    /// <summary><c>POST /api/data-subject-requests/access</c>: every record held about one person, as one document.</summary>
    /// <param name="req">The request; body a <see cref="DataSubjectQuery"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>200 with a <see cref="SubjectAccessExport"/> (no records when none was found); 400; 401; 403; 413 for a body over the JSON cap; 500; 503.</returns>
    [Function("PostSubjectAccess")]
    public Task<IActionResult> PostAccessAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "data-subject-requests/access")] HttpRequest req,
        CancellationToken cancellationToken) =>
        pipeline.RunAsync(req, async caller =>
        {
            var query = await HttpPipeline.ReadJsonAsync<DataSubjectQuery>(req, cancellationToken).ConfigureAwait(false);
            return HttpPipeline.Json(await access.ExecuteAsync(query, caller, cancellationToken).ConfigureAwait(false));
        });

    /// <summary><c>POST /api/data-subject-requests/erasure</c>: erases the person's identity in every record found,
    /// keeping the de-identified facts.</summary>
    /// <param name="req">The request; body a <see cref="DataSubjectQuery"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>200 with a <see cref="SubjectErasureResult"/>; 409 problem when a retention rule keeps a record
    /// (<c>reason</c>, e.g. <c>criminal_proceedings</c>, and <c>cases</c>); 400; 401; 403; 412; 413; 500; 503.</returns>
    [Function("PostSubjectErasure")]
    public Task<IActionResult> PostErasureAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "data-subject-requests/erasure")] HttpRequest req,
        CancellationToken cancellationToken) =>
        pipeline.RunAsync(req, async caller =>
        {
            var query = await HttpPipeline.ReadJsonAsync<DataSubjectQuery>(req, cancellationToken).ConfigureAwait(false);
            try
            {
                return HttpPipeline.Json(await erasure.ExecuteAsync(query, caller, cancellationToken).ConfigureAwait(false));
            }
            catch (ErasureRefusedException e)
            {
                return Problems.Create(StatusCodes.Status409Conflict, e.Message, extensions: new Dictionary<string, object?>
                {
                    ["reason"] = e.ReasonCode,
                    ["cases"] = e.Cases,
                });
            }
        });

    /// <summary><c>GET /api/data-subject-requests?limit=</c>: the request log, newest first (no identity value).</summary>
    /// <param name="req">The request; optional <c>limit</c> in [1, 1000] (default 100).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>200 with a <see cref="SubjectRequestList"/>; 400 (<c>limit</c>); 401; 403; 500; 503.</returns>
    [Function("GetSubjectRequests")]
    public Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "data-subject-requests")] HttpRequest req,
        CancellationToken cancellationToken) =>
        pipeline.RunAsync(req, async caller =>
        {
            string? l = req.Query["limit"].Count == 1 ? req.Query["limit"][0] : null;
            int? limit = l is null ? null
                : int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n
                : throw new DomainValidationException("limit", HttpText.AccessLogLimitWholeNumberBetween);
            return HttpPipeline.Json(await list.ExecuteAsync(limit, caller, cancellationToken).ConfigureAwait(false));
        });
}
