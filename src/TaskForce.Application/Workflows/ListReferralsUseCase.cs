using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TaskForce.Application.Access;
using TaskForce.Application.Ports;
using TaskForce.Application.Serialization;
using TaskForce.Domain.Common;
using TaskForce.Domain.Workflows;
using TaskForce.Application.Resources;

namespace TaskForce.Application.Workflows;

/// <summary>One page of the referrals and transfers addressed to one agency (<c>GET /referrals</c>).</summary>
/// <param name="ToAgency">The receiving agency's code.</param>
/// <param name="Items">The referrals, by case id and then referral id; no identity and no reason in any of them.</param>
/// <param name="NextCursor">The opaque cursor of the next page, or <see langword="null"/> on the last page.</param>
public sealed record ReferralList(string ToAgency, IReadOnlyList<ReferralListItem> Items, string? NextCursor);

/// <summary>
/// Lists the referrals and transfers addressed to the caller's agency (<c>GET /referrals?to=me&amp;status=</c>;
/// ADR-020): the receiving agency's inbox. Items carry the case id, the kind, the agencies and the state, never an
/// identity or a reason; once a referral is accepted, the case itself is read through <c>GET /cases/{id}</c>, with
/// identity where the access table and the victims' consent to share allow it.
/// </summary>
/// <remarks>Paged, never cut: <c>limit</c> items a page (1 to <see cref="MaxLimit"/>, default
/// <see cref="DefaultLimit"/>) in key order (case id, then the referral's id), and an opaque cursor (base64url JSON of
/// the store's position and a fingerprint of <c>to</c> and <c>status</c>; a cursor of another query is refused) while
/// more follow. The order does not move when a referral changes state, so following the cursors reaches every
/// referral exactly once.</remarks>
/// <param name="ties">The referral listing.</param>
public sealed class ListReferralsUseCase(ICaseTiesStore ties)
{
    /// <summary>The page size when none is asked.</summary>
    public const int DefaultLimit = 100;

    /// <summary>The largest page size accepted.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Lists referrals addressed to an agency.</summary>
    /// <param name="to"><c>me</c> (or absent) for the caller's agency; another agency code only for the coordinator.</param>
    /// <param name="status">A state code (<c>in_progress</c>, <c>accepted</c>, <c>rejected</c>, <c>done</c>,
    /// <c>revoked</c>) to keep only, or <see langword="null"/> for all.</param>
    /// <param name="limit">The page size in [1, <see cref="MaxLimit"/>], or <see langword="null"/> for <see cref="DefaultLimit"/>.</param>
    /// <param name="cursor">The previous page's <see cref="ReferralList.NextCursor"/>, or <see langword="null"/> for the first page.</param>
    /// <param name="caller">The caller. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One page, at most <paramref name="limit"/> items, with the cursor of the next.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="caller"/> is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">Unknown <c>status</c>, a malformed <c>to</c>, a <c>limit</c> outside
    /// [1, <see cref="MaxLimit"/>], or a <c>cursor</c> this listing did not hand out for the same <c>to</c> and
    /// <c>status</c>.</exception>
    /// <exception cref="AccessDeniedException">The caller's roles answer no referral, the caller carries no agency, or
    /// a non-coordinator asks for another agency's referrals.</exception>
    public async Task<ReferralList> ListAsync(string? to, string? status, int? limit, string? cursor, Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        GetCaseUseCaseDemand(CaseAccessPolicy.Decide(caller, CaseOperation.RespondToReferral));
        if (status is not null && !ReferralWorkflow.StateCodes.Any(c => c.Value == status))
        {
            throw new DomainValidationException("status", Texts.Format(WorkflowsAppText.ListReferralsReferralStateKnown, status, string.Join(", ", ReferralWorkflow.StateCodes.Select(c => c.Value))));
        }

        string? agency = to is null or "me" ? caller.Agency : to.Trim().ToLowerInvariant();
        if (agency is null)
        {
            throw new AccessDeniedException(WorkflowsAppText.ListReferralsCallerPrincipalCarriesAgency);
        }

        if (agency.Length is 0 or > 128 || !agency.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'))
        {
            throw new DomainValidationException("to", WorkflowsAppText.ListReferralsMeAgencyCodeZ);
        }

        if (!caller.IsOf(agency) && !caller.IsCoordinator)
        {
            throw new AccessDeniedException(WorkflowsAppText.ListReferralsOnlyTaskForceCoordinator);
        }

        int n = limit ?? DefaultLimit;
        if (n is < 1 or > MaxLimit)
        {
            throw new DomainValidationException("limit", Texts.Format(WorkflowsAppText.ListReferralsLimitMust, MaxLimit));
        }

        string scope = $"referrals|{agency}|{status}";
        string? after = cursor is null ? null : Decode(cursor, scope);
        ReferralSlice slice;
        try
        {
            slice = await ties.ListReferralsAsync(agency, status, after, n, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException) when (after is not null)
        {
            throw new DomainValidationException("cursor", WorkflowsAppText.ListReferralsCursorOneThisListing);
        }

        return new ReferralList(agency, slice.Items, slice.ResumeAfter is null ? null : Encode(slice.ResumeAfter, scope));
    }

    private static string Encode(string after, string scope) => Serialization.PageCursor.Encode(after, scope);

    private static string Decode(string cursor, string scope) => Serialization.PageCursor.Decode(cursor, scope, WorkflowsAppText.ListReferralsCursorOtherFilters);

    private static void GetCaseUseCaseDemand(AccessDecision decision) => Cases.GetCaseUseCase.Demand(decision);
}
