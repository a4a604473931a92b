using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NodaTime;
using NodaTime.Text;
using TaskForce.Application.AccessLog;
using TaskForce.Domain.Common;
using TaskForce.Functions.Resources;

namespace TaskForce.Functions.Http;

/// <summary>
/// HTTP functions of the access log (ADR-022): every read and export of identity, per case and per period, for the
/// task-force coordinator. Thin: identify the caller, read the query, call one use case.
/// </summary>
/// <remarks>Statuses: 200; 400 bad query naming the field; 401 no trusted person; 403 not the coordinator; 404 no
/// such case; 500; 503 storage unavailable.</remarks>
/// <param name="read">The listing use case.</param>
/// <param name="pipeline">The HTTP pipeline.</param>
public sealed class AccessLogFunctions(ReadAccessLogUseCase read, HttpPipeline pipeline)
{
    /// <summary><c>GET /api/cases/{id}/access-log?limit=&amp;cursor=</c>: every identity read and export of one case.</summary>
    /// <param name="req">The request.</param>
    /// <param name="id">The case id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>200 with an <see cref="AccessLogPage"/>; 400 (<c>id</c>, <c>limit</c>, <c>cursor</c>); 401; 403; 404; 500; 503.</returns>
    [Function("GetCaseAccessLog")]
    public Task<IActionResult> ForCaseAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "cases/{id}/access-log")] HttpRequest req,
        string id,
        CancellationToken cancellationToken) =>
        pipeline.RunAsync(req, async caller =>
        {
            var page = await read.ForCaseAsync(id, Limit(req), Param(req, "cursor"), caller, cancellationToken).ConfigureAwait(false);
            return page is null ? Problems.Create(StatusCodes.Status404NotFound, Texts.Format(HttpText.AccessLogCase, id)) : HttpPipeline.Json(page);
        });

    /// <summary><c>GET /api/access-log?from=&amp;to=&amp;limit=&amp;cursor=</c>: every identity read and export in a
    /// period of business dates (district zone).</summary>
    /// <param name="req">The request.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>200 with an <see cref="AccessLogPage"/>; 400 (<c>from</c>, <c>to</c>, <c>limit</c>, <c>cursor</c>); 401; 403; 500; 503.</returns>
    [Function("GetAccessLog")]
    public Task<IActionResult> ForPeriodAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "access-log")] HttpRequest req,
        CancellationToken cancellationToken) =>
        pipeline.RunAsync(req, async caller =>
        {
            LocalDate? from = Param(req, "from") is { } f ? Date(f, "from") : null;
            LocalDate? to = Param(req, "to") is { } t ? Date(t, "to") : null;
            return HttpPipeline.Json(await read.ForPeriodAsync(from, to, Limit(req), Param(req, "cursor"), caller, cancellationToken).ConfigureAwait(false));
        });

    private static string? Param(HttpRequest req, string name) =>
        req.Query[name].Count switch
        {
            0 => null,
            1 => req.Query[name][0],
            _ => throw new DomainValidationException(name, Texts.Format(HttpText.AccessLogSendOnce, name)),
        };

    private static int? Limit(HttpRequest req) =>
        Param(req, "limit") is not { } l ? null
            : int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n
            : throw new DomainValidationException("limit", HttpText.AccessLogLimitWholeNumberBetween);

    private static LocalDate Date(string value, string field) =>
        LocalDatePattern.Iso.Parse(value) is { Success: true } r ? r.Value : throw new DomainValidationException(field, HttpText.AccessLogExpectedDateYYYYMM);
}
