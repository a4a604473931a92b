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

namespace TaskForce.Functions.Http;

/// <summary>The body of <c>POST /cases/{id}/qualification</c> (optional).</summary>
public sealed record QualificationRequest
{
    /// <summary>Gets the date of judgment, if known (lex mitior, UU 1/2026 Pasal 3); today when absent.</summary>
    public LocalDate? DecisionDate { get; init; }
}

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
/// qualified yet, 500 the identity key is missing or wrong (identity is never written or shown unprotected).
/// </remarks>
/// <param name="create">The intake use case.</param>
/// <param name="get">The read use case.</param>
/// <param name="list">The listing use case.</param>
/// <param name="qualify">The qualification use case.</param>
/// <param name="principals">The caller reader.</param>
public sealed class CaseFunctions(CreateCaseUseCase create, GetCaseUseCase get, ListCasesUseCase list, QualifyCaseUseCase qualify, ClientPrincipalReader principals)
{
    /// <summary>The request header carrying the client's idempotency key.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>The response header set on a replayed create.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary><c>POST /api/cases</c>: opens a case from a <see cref="CaseIntake"/> body.</summary>
    /// <param name="req">The request (JSON body; optional <c>Idempotency-Key</c> header).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>201 with <c>Location</c>, <c>ETag</c> and the case summary (also for a replay, with
    /// <c>Idempotent-Replayed: true</c>); 400 naming the field; 401; 403; 409 when the id is taken; 422 when the key
    /// was used with another body.</returns>
    [Function("PostCase")]
    public Task<IActionResult> PostCaseAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "cases")] HttpRequest req,
        CancellationToken cancellationToken) =>
        RunAsync(req, async caller =>
        {
            var keys = req.Headers[IdempotencyKeyHeader];
            if (keys.Count > 1)
            {
                throw new DomainValidationException(IdempotencyKeyHeader, "Send one Idempotency-Key header.");
            }

            var intake = InputJson.Read<CaseIntake>(await ReadBodyAsync(req, cancellationToken).ConfigureAwait(false))
                ?? throw new DomainValidationException("body", "A case object is required.");
            var result = await create.ExecuteAsync(intake, keys.Count == 1 ? keys[0] : null, caller, cancellationToken).ConfigureAwait(false);
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

                    return Json(CaseSummary.From(stored.Record, stored.OwnerAgency), StatusCodes.Status201Created);
                case CaseCreateOutcome.KeyReusedWithDifferentRequest:
                    return Problems.Unprocessable("This Idempotency-Key was already used with a different request; use a new key for a new case.", IdempotencyKeyHeader);
                default:
                    return Problems.Conflict("A case with this id exists; nothing was written. Choose another id, or leave id out.");
            }
        });

    /// <summary><c>GET /api/cases/{id}</c>: one case, identity shown to the owning agency and the coordinator and
    /// redacted for everyone else; every read of a case with identity is audited.</summary>
    /// <param name="req">The request.</param>
    /// <param name="id">The case id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>200 with the <see cref="CaseDocument"/> and an <c>ETag</c>; 400 for a malformed id; 401; 403; 404.</returns>
    [Function("GetCase")]
    public Task<IActionResult> GetCaseAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "cases/{id}")] HttpRequest req,
        string id,
        CancellationToken cancellationToken) =>
        RunAsync(req, async caller =>
        {
            var read = await get.ExecuteAsync(id ?? string.Empty, caller, cancellationToken).ConfigureAwait(false);
            if (read is null)
            {
                return Problems.NotFound($"No case is stored under the id '{id}'.");
            }

            req.HttpContext.Response.Headers.ETag = read.ETag;
            return Json(read.Document, StatusCodes.Status200OK);
        });

    /// <summary><c>GET /api/cases?region=&amp;case_type=&amp;reported_from=&amp;reported_to=&amp;trafficking_status=&amp;limit=&amp;cursor=</c>:
    /// case summaries (no person-level field) matching every filter given, in id order, one page at a time.</summary>
    /// <param name="req">The request.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>200 with <c>{"items": [...], "next_cursor": "..."|null}</c>; 400 naming the bad parameter; 401; 403.</returns>
    [Function("ListCases")]
    public Task<IActionResult> ListCasesAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "cases")] HttpRequest req,
        CancellationToken cancellationToken) =>
        RunAsync(req, async caller =>
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
                ? int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : throw new DomainValidationException("limit", $"The limit must be a whole number in [1, {ListCasesUseCase.MaxLimit}].")
                : null;
            var page = await list.ExecuteAsync(new CaseListQuery(filter, limit, Param(q, "cursor")), caller, cancellationToken).ConfigureAwait(false);
            return Json(new { items = page.Items, next_cursor = page.NextCursor }, StatusCodes.Status200OK);
        });

    /// <summary><c>POST /api/cases/{id}/qualification</c>: the element test and candidate charges of a stored case
    /// (the contract's <c>qualify</c> result). Optional body <c>{"decision_date": "YYYY-MM-DD"}</c>.</summary>
    /// <param name="req">The request.</param>
    /// <param name="id">The case id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>200 with the qualification; 400 for a bad id or decision date; 401; 403; 404; 422 when the stored case
    /// lacks what qualification needs (e.g. the offence date), naming the field.</returns>
    [Function("QualifyCase")]
    public Task<IActionResult> QualifyCaseAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "cases/{id}/qualification")] HttpRequest req,
        string id,
        CancellationToken cancellationToken) =>
        RunAsync(req, async caller =>
        {
            var body = InputJson.Read<QualificationRequest>(await ReadBodyAsync(req, cancellationToken).ConfigureAwait(false), allowEmpty: true);
            QualificationResult? result;
            try
            {
                result = await qualify.ExecuteAsync(id ?? string.Empty, body?.DecisionDate, caller, cancellationToken).ConfigureAwait(false);
            }
            catch (DomainValidationException e) when (e.Field is not "id" and not "decision_date")
            {
                // The request is fine; the stored case is not complete enough to qualify.
                return Problems.Unprocessable($"The stored case cannot be qualified yet: {Problems.Message(e)}", e.Field);
            }

            return result is null ? Problems.NotFound($"No case is stored under the id '{id}'.") : Json(result, StatusCodes.Status200OK);
        });

    internal static async Task<byte[]> ReadBodyAsync(HttpRequest req, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        int read;
        while ((read = await req.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > InputJson.MaxBytes)
            {
                throw new DomainValidationException("body", $"The document is larger than {InputJson.MaxBytes} bytes.");
            }
        }

        return buffer.ToArray();
    }

    internal static ContentResult Json<T>(T value, int status) =>
        new() { Content = JsonSerializer.Serialize(value, TaskForceJson.Options), ContentType = "application/json; charset=utf-8", StatusCode = status };

    internal async Task<IActionResult> RunAsync(HttpRequest req, Func<Caller, Task<IActionResult>> body) =>
        await RunAsync(req, principals, body).ConfigureAwait(false);

    /// <summary>Runs a function body for an identified caller and maps the shared failures to problem+json.</summary>
    internal static async Task<IActionResult> RunAsync(HttpRequest req, ClientPrincipalReader principals, Func<Caller, Task<IActionResult>> body)
    {
        ArgumentNullException.ThrowIfNull(req);
        var caller = principals.Read(req);
        if (caller is null)
        {
            return Problems.Unauthorized(principals.Trusted
                ? "No valid X-MS-CLIENT-PRINCIPAL: this request needs an identified person."
                : "App Service authentication is not enabled (WEBSITE_AUTH_ENABLED), so no caller can be identified; requests that need a person are refused.");
        }

        try
        {
            return await body(caller).ConfigureAwait(false);
        }
        catch (DomainValidationException e)
        {
            return Problems.BadRequest(e);
        }
        catch (AccessDeniedException e)
        {
            return Problems.Forbidden(e.Message);
        }
        catch (ConcurrencyConflictException e)
        {
            return Problems.PreconditionFailed(e.Message);
        }
        catch (WorkflowConcurrencyException e)
        {
            return Problems.PreconditionFailed(e.Message);
        }
        catch (IdempotencyKeyReusedException e)
        {
            return Problems.Unprocessable(e.Message, IdempotencyKeyHeader);
        }
        catch (IllegalTransitionException e)
        {
            return Problems.Conflict(e.Message, new Dictionary<string, object?>
            {
                ["workflow"] = e.Workflow,
                ["from"] = e.From,
                ["to"] = e.To,
                ["allowed_targets"] = e.AllowedTargets,
                ["refusal"] = e.Refusal,
            });
        }
        catch (WorkflowNotFoundException e)
        {
            return Problems.NotFound(e.Message);
        }
        catch (IdentityProtectionException e)
        {
            return Problems.ServerError(e.Message);
        }
    }

    private static string? Param(IQueryCollection q, string name)
    {
        var values = q[name];
        if (values.Count > 1)
        {
            throw new DomainValidationException(name, $"Give {name} once.");
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
        LocalDatePattern.Iso.Parse(value) is { Success: true } r ? r.Value : throw new DomainValidationException(field, "Expected a date YYYY-MM-DD.");
}
