using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NodaTime;
using NodaTime.Text;
using TaskForce.Application.Access;
using TaskForce.Application.Cases;
using TaskForce.Application.Cases.Specifications;
using TaskForce.Application.Ports;
using TaskForce.Application.Serialization;
using TaskForce.Application.Workflows;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.Legal;
using TaskForce.Domain.Workflows;
using TaskForce.Functions.Resources;

namespace TaskForce.Functions.Http;

/// <summary>
/// HTTP functions for case records (issue 3): intake, read with identity shown or redacted, listing with named
/// specifications and cursor paging, and qualification. Thin: identify the caller, parse, call one use case, map the
/// result to a status. Every error is RFC 9457 problem+json.
/// </summary>
/// <remarks>
/// Every function needs a person (<see cref="ClientPrincipalReader"/>): without a trusted principal it answers 401,
/// before reading the body. Statuses: 400 bad input (the field is named; nothing written), 401 no trusted person, 403
/// the access policy refuses (<see cref="CaseAccessPolicy"/>), 404 unknown case, 409 a case id that is taken, 412 a
/// stale <c>If-Match</c>, 422 an <c>Idempotency-Key</c> reused with another body or a stored case that cannot be
/// qualified yet, 413 a body over the cap, 500 the identity key is missing or wrong (identity is never written or shown
/// unprotected), 503 storage unavailable; all through <see cref="HttpPipeline"/>.
/// </remarks>
/// <param name="create">The intake use case.</param>
/// <param name="get">The read use case.</param>
/// <param name="list">The listing use case.</param>
/// <param name="qualify">The qualification use case.</param>
/// <param name="pipeline">The HTTP pipeline (caller, body, JSON, problems).</param>
public sealed class CaseFunctions(CreateCaseUseCase create, GetCaseUseCase get, ListCasesUseCase list, QualifyCaseUseCase qualify, HttpPipeline pipeline)
{
    /// <summary>The request header carrying the client's idempotency key.</summary>
    public const string IdempotencyKeyHeader = HttpPipeline.IdempotencyKeyHeader;

    /// <summary>The response header set on a replayed create.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary><c>POST /api/cases</c>: opens a case from a <see cref="CaseIntake"/> body.</summary>
    /// <param name="req">The request (JSON body; optional <c>Idempotency-Key</c> header).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>201 with <c>Location</c>, <c>ETag</c> and the case summary (also for a replay, with
    /// <c>Idempotent-Replayed: true</c>); 400 naming the field; 401; 403; 409 when the id is taken; 422 when the key
    /// was used with another body; 413 for a body over the JSON cap (<see cref="HttpPipeline.DefaultMaxBodyBytes"/>);
    /// 500 (identity key missing or wrong; no detail); 503 storage unavailable (<c>Retry-After</c>).</returns>
    [Function("PostCase")]
    public Task<IActionResult> PostCaseAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "cases")] HttpRequest req,
        CancellationToken cancellationToken) =>
        pipeline.RunAsync(req, async caller =>
        {
            string? key = HttpPipeline.SingleHeader(req, IdempotencyKeyHeader);
            var intake = await HttpPipeline.ReadJsonAsync<CaseIntake>(req, cancellationToken).ConfigureAwait(false);
            var result = await create.ExecuteAsync(intake, key, caller, cancellationToken).ConfigureAwait(false);
            switch (result.Outcome)
            {
                case CaseCreateOutcome.Created:
                case CaseCreateOutcome.Replayed:
                    var stored = result.Case!;
                    req.HttpContext.Response.Headers.Location = $"/api/cases/{stored.Record.Id.Value}";
                    req.HttpContext.Response.Headers.ETag = stored.ETag;
                    if (result.Outcome == CaseCreateOutcome.Replayed)
                    {
                        req.HttpContext.Response.Headers[ReplayedHeader] = "true";
                    }

                    return HttpPipeline.Json(CaseSummary.From(stored.Record, stored.OwnerAgency), StatusCodes.Status201Created);
                case CaseCreateOutcome.KeyReusedWithDifferentRequest:
                    return Problems.Create(StatusCodes.Status422UnprocessableEntity, HttpText.CaseThisIdempotencyKeyWas, IdempotencyKeyHeader);
                default:
                    return Problems.Create(StatusCodes.Status409Conflict, HttpText.CaseCaseWithThisId);
            }
        });

    /// <summary><c>GET /api/cases/{id}</c>: one case, identity shown to the owning agency and the coordinator and
    /// redacted for everyone else; every read of a case with identity is audited.</summary>
    /// <param name="req">The request.</param>
    /// <param name="id">The case id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>200 with the <see cref="CaseDocument"/> and an <c>ETag</c>; 400 for a malformed id; 401; 403; 404; 500 (identity key missing or wrong; no detail); 503 storage unavailable.</returns>
    [Function("GetCase")]
    public Task<IActionResult> GetCaseAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "cases/{id}")] HttpRequest req,
        string id,
        CancellationToken cancellationToken) =>
        pipeline.RunAsync(req, async caller =>
        {
            var read = await get.ExecuteAsync(id ?? string.Empty, caller, cancellationToken).ConfigureAwait(false);
            if (read is null)
            {
                return CaseNotFound(id);
            }

            req.HttpContext.Response.Headers.ETag = read.ETag;
            return HttpPipeline.Json(read.Document);
        });

    /// <summary><c>GET /api/cases?region=&amp;case_type=&amp;reported_from=&amp;reported_to=&amp;trafficking_status=&amp;limit=&amp;cursor=</c>:
    /// case summaries (no person-level field) matching every filter given, in id order, one page at a time.</summary>
    /// <param name="req">The request.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>200 with <c>{"items": [...], "next_cursor": "..."|null}</c>; 400 naming the bad parameter; 401; 403; 500; 503 storage unavailable.</returns>
    [Function("ListCases")]
    public Task<IActionResult> ListCasesAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "cases")] HttpRequest req,
        CancellationToken cancellationToken) =>
        pipeline.RunAsync(req, async caller =>
        {
            var q = req.Query;
            var filter = new CaseListFilter
            {
                Region = Param(q, "region") is { } r ? ParseRegion(r) : null,
                CaseType = Param(q, "case_type") is { } t ? CaseCodes.ParseCaseType(t) : null,
                ReportedFrom = Param(q, "reported_from") is { } f ? ParseDate(f, "reported_from") : null,
                ReportedTo = Param(q, "reported_to") is { } to ? ParseDate(to, "reported_to") : null,
                TraffickingStatus = Param(q, "trafficking_status") is { } s ? LegalCodes.ParseTraffickingStatus(s) : null,
            };
            int? limit = Param(q, "limit") is { } l
                ? int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : throw new DomainValidationException("limit", Texts.Format(HttpText.CaseLimitMustWholeNumber, ListCasesUseCase.MaxLimit))
                : null;
            var page = await list.ExecuteAsync(new CaseListQuery(filter, limit, Param(q, "cursor")), caller, cancellationToken).ConfigureAwait(false);
            return HttpPipeline.Json(page);
        });

    /// <summary><c>POST /api/cases/{id}/qualification</c>: the element test and candidate charges of a stored case
    /// (the contract's <c>qualify</c> result). Optional body <c>{"decision_date": "YYYY-MM-DD"}</c>.</summary>
    /// <param name="req">The request.</param>
    /// <param name="id">The case id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>200 with the qualification; 400 for a bad id or decision date; 401; 403; 404; 422 when the stored case
    /// lacks what qualification needs (e.g. the offence date), naming the field; 413 for a body over the JSON cap
    /// (<see cref="HttpPipeline.DefaultMaxBodyBytes"/>); 500; 503 storage unavailable.</returns>
    [Function("QualifyCase")]
    public Task<IActionResult> QualifyCaseAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "cases/{id}/qualification")] HttpRequest req,
        string id,
        CancellationToken cancellationToken) =>
        pipeline.RunAsync(req, async caller =>
        {
            var body = await HttpPipeline.ReadOptionalJsonAsync<QualificationRequest>(req, cancellationToken).ConfigureAwait(false);
            QualificationResult? result;
            try
            {
                result = await qualify.ExecuteAsync(id ?? string.Empty, body?.DecisionDate, caller, cancellationToken).ConfigureAwait(false);
            }
            catch (DomainValidationException e) when (e.Field is not "id" and not "decision_date")
            {
                // The request is fine; the stored case is not complete enough to qualify.
                return Problems.Create(StatusCodes.Status422UnprocessableEntity, Texts.Format(HttpText.CaseStoredCaseCannotQualified, Problems.Message(e)), e.Field);
            }

            return result is null ? CaseNotFound(id) : HttpPipeline.Json(result);
        });

    /// <summary>Returns the 404 of an unknown case id.</summary>
    /// <param name="id">The id asked for.</param>
    /// <returns>A 404 problem.</returns>
    internal static ObjectResult CaseNotFound(string? id) =>
        Problems.Create(StatusCodes.Status404NotFound, Texts.Format(HttpText.CaseCaseStoredUnderId, id));

    private static string? Param(IQueryCollection q, string name)
    {
        var values = q[name];
        if (values.Count > 1)
        {
            throw new DomainValidationException(name, Texts.Format(HttpText.AlertGiveOnce, name));
        }

        return values.Count == 0 || string.IsNullOrEmpty(values[0]) ? null : values[0];
    }

    private static RegionCode ParseRegion(string value)
    {
        try
        {
            return RegionCode.Parse(value);
        }
        catch (DomainValidationException e)
        {
            throw new DomainValidationException("region", Problems.Message(e));
        }
    }

    private static LocalDate ParseDate(string value, string field) =>
        LocalDatePattern.Iso.Parse(value) is { Success: true } r ? r.Value : throw new DomainValidationException(field, HttpText.AccessLogExpectedDateYYYYMM);
}
