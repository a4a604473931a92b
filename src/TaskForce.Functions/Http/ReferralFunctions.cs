using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TaskForce.Application.Cases;
using TaskForce.Application.Workflows;
using TaskForce.Domain.Common;
using TaskForce.Functions.Resources;

namespace TaskForce.Functions.Http;

/// <summary>
/// HTTP functions of responsibility for a case (ADR-020): the receiving agency's list of referrals and transfers, and
/// the assignment of a case to a case worker. Thin: identify the caller, parse, call the use case, map the result.
/// </summary>
/// <param name="referrals">The referral listing.</param>
/// <param name="assign">The assignment use case.</param>
/// <param name="pipeline">The HTTP pipeline (caller, body, JSON, problems).</param>
public sealed class ReferralFunctions(ListReferralsUseCase referrals, AssignCaseUseCase assign, HttpPipeline pipeline)
{
    /// <summary><c>GET /api/referrals?to=me&amp;status=&amp;limit=&amp;cursor=</c>: one page of the referrals and transfers
    /// addressed to the caller's agency (a coordinator may name another agency), by case and referral id; no identity
    /// and no reason.</summary>
    /// <param name="req">The request; optional <c>to</c> (<c>me</c>, the default, or an agency code), <c>status</c>
    /// (a referral state code), <c>limit</c> (1 to 1000, default 100) and <c>cursor</c> (the previous page's
    /// <c>next_cursor</c>).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>200 with a <see cref="ReferralList"/>; 400 (<c>to</c>, <c>status</c>, <c>limit</c>, <c>cursor</c>); 401;
    /// 403; 500; 503.</returns>
    [Function("ListReferrals")]
    public Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "referrals")] HttpRequest req,
        CancellationToken cancellationToken) =>
        pipeline.RunAsync(req, async caller =>
        {
            string? to = Single(req, "to");
            string? status = Single(req, "status");
            int? limit = Single(req, "limit") is not { } l ? null
                : int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n
                : throw new DomainValidationException("limit", HttpText.AccessLogLimitWholeNumberBetween);
            return HttpPipeline.Json(await referrals.ListAsync(to, status, limit, Single(req, "cursor"), caller, cancellationToken).ConfigureAwait(false));
        });

    /// <summary><c>PUT /api/cases/{id}/assignment</c>: assigns the case to a case worker of its owning agency, or
    /// reassigns it (<c>{"assigned_to", "reason"?}</c>; a reason is required to replace an assignee). Recorded in the
    /// case history (ADR-016).</summary>
    /// <param name="req">The request.</param>
    /// <param name="id">The case id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>200 with the <see cref="Application.Ports.CaseAssignment"/> (<c>history_sequence</c> 0 when it was
    /// already so); 400 naming the field; 401; 403; 404; 412 when the case changed during the call; 413; 500; 503.</returns>
    [Function("AssignCase")]
    public Task<IActionResult> AssignAsync(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "cases/{id}/assignment")] HttpRequest req,
        string id,
        CancellationToken cancellationToken) =>
        pipeline.RunAsync(req, async caller =>
        {
            var body = await HttpPipeline.ReadJsonAsync<CaseAssignmentRequest>(req, cancellationToken).ConfigureAwait(false);
            if (body.AssignedTo is null)
            {
                throw new DomainValidationException("assigned_to", HttpText.ReferralAssignedCaseWorkerStaff);
            }

            return HttpPipeline.Json(await assign.AssignAsync(id ?? string.Empty, body, caller, cancellationToken).ConfigureAwait(false));
        });

    private static string? Single(HttpRequest req, string name) =>
        req.Query[name].Count switch
        {
            0 => null,
            1 => req.Query[name][0],
            _ => throw new DomainValidationException(name, Texts.Format(HttpText.ReferralGivenMoreThanOnce, name)),
        };
}
