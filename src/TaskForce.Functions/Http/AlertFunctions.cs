using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TaskForce.Application.Alerts;
using TaskForce.Domain.Common;
using TaskForce.Functions.Resources;

namespace TaskForce.Functions.Http;

/// <summary>
/// HTTP functions of the alert inbox (ADR-021): the daily deadline alerts addressed to the caller's agency, and their
/// acknowledgement. Thin: identify the caller, read the parameters, call <see cref="AlertInboxUseCase"/>.
/// </summary>
/// <remarks>Statuses: 400 a malformed parameter naming it; 401 no trusted person; 403 an alert or agency not the
/// caller's (only the addressed agency and the coordinator); 404 an unknown alert id.</remarks>
/// <param name="inbox">The inbox use case.</param>
/// <param name="pipeline">The HTTP pipeline.</param>
public sealed class AlertFunctions(AlertInboxUseCase inbox, HttpPipeline pipeline)
{
    /// <summary><c>GET /api/alerts?date=&amp;status=&amp;agency=&amp;assignee=</c>: a business date's alerts for the caller
    /// (<c>assignee=me</c>: only those of the cases assigned to the caller).</summary>
    /// <param name="req">The request.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>200 with an <see cref="AlertList"/>; 400; 401; 403; 500; 503.</returns>
    [Function("ListAlerts")]
    public Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "alerts")] HttpRequest req,
        CancellationToken cancellationToken) =>
        pipeline.RunAsync(req, async caller =>
        {
            var q = req.Query;
            var query = new AlertQuery(Param(q, "date"), Param(q, "status"), Param(q, "agency"), Param(q, "assignee"));
            return HttpPipeline.Json(await inbox.ListAsync(query, caller, cancellationToken).ConfigureAwait(false));
        });

    /// <summary><c>POST /api/alerts/{id}/acknowledgement</c>: acknowledges an alert (no body; a repeat returns the
    /// first acknowledgement).</summary>
    /// <param name="req">The request.</param>
    /// <param name="id">The alert id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>200 with the <see cref="AlertView"/>; 400 a malformed id; 401; 403; 404; 500; 503.</returns>
    [Function("AcknowledgeAlert")]
    public Task<IActionResult> AcknowledgeAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "alerts/{id}/acknowledgement")] HttpRequest req,
        string id,
        CancellationToken cancellationToken) =>
        pipeline.RunAsync(req, async caller =>
        {
            var view = await inbox.AcknowledgeAsync(id ?? string.Empty, caller, cancellationToken).ConfigureAwait(false);
            return view is null
                ? Problems.Create(StatusCodes.Status404NotFound, Texts.Format(HttpText.AlertAlertStoredUnderId, id))
                : HttpPipeline.Json(view);
        });

    private static string? Param(IQueryCollection q, string name)
    {
        var values = q[name];
        if (values.Count > 1)
        {
            throw new DomainValidationException(name, Texts.Format(HttpText.AlertGiveOnce, name));
        }

        return values.Count == 0 || string.IsNullOrEmpty(values[0]) ? null : values[0];
    }
}
