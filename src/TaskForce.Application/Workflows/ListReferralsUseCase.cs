using TaskForce.Application.Access;
using TaskForce.Application.Ports;
using TaskForce.Domain.Common;
using TaskForce.Domain.Workflows;

namespace TaskForce.Application.Workflows;

/// <summary>The referrals and transfers addressed to one agency (<c>GET /referrals</c>).</summary>
/// <param name="ToAgency">The receiving agency's code.</param>
/// <param name="Items">The referrals, newest change first; no identity and no reason in any of them.</param>
public sealed record ReferralList(string ToAgency, IReadOnlyList<ReferralListItem> Items);

/// <summary>
/// Lists the referrals and transfers addressed to the caller's agency (<c>GET /referrals?to=me&amp;status=</c>;
/// ADR-020): the receiving agency's inbox. Items carry the case id, the kind, the agencies and the state, never an
/// identity or a reason; once a referral is accepted, the case itself is read through <c>GET /cases/{id}</c>, with
/// identity where the access table and the victims' consent to share allow it.
/// </summary>
/// <param name="ties">The referral listing.</param>
public sealed class ListReferralsUseCase(ICaseTiesStore ties)
{
    /// <summary>The most items returned.</summary>
    public const int MaxItems = 500;

    /// <summary>Lists referrals addressed to an agency.</summary>
    /// <param name="to"><c>me</c> (or absent) for the caller's agency; another agency code only for the coordinator.</param>
    /// <param name="status">A state code (<c>in_progress</c>, <c>accepted</c>, <c>rejected</c>, <c>done</c>,
    /// <c>revoked</c>) to keep only, or <see langword="null"/> for all.</param>
    /// <param name="caller">The caller. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The list, at most <see cref="MaxItems"/> items.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="caller"/> is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">Unknown <c>status</c>, or a malformed <c>to</c>.</exception>
    /// <exception cref="AccessDeniedException">The caller's roles answer no referral, the caller carries no agency, or
    /// a non-coordinator asks for another agency's referrals.</exception>
    public async Task<ReferralList> ListAsync(string? to, string? status, Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        GetCaseUseCaseDemand(CaseAccessPolicy.Decide(caller, CaseOperation.RespondToReferral));
        if (status is not null && !ReferralWorkflow.StateCodes.Any(c => c.Value == status))
        {
            throw new DomainValidationException("status", $"'{status}' is not a referral state. Known: {string.Join(", ", ReferralWorkflow.StateCodes.Select(c => c.Value))}.");
        }

        string? agency = to is null or "me" ? caller.Agency : to.Trim().ToLowerInvariant();
        if (agency is null)
        {
            throw new AccessDeniedException("The caller's principal carries no agency claim; it is needed to list the referrals addressed to it.");
        }

        if (agency.Length is 0 or > 128 || !agency.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'))
        {
            throw new DomainValidationException("to", "to is 'me' or an agency code ([a-z0-9_.-], at most 128 characters).");
        }

        if (!caller.IsOf(agency) && !caller.IsCoordinator)
        {
            throw new AccessDeniedException("Only the task-force coordinator may list the referrals addressed to another agency; use to=me.");
        }

        var items = await ties.ListReferralsAsync(agency, status, MaxItems, cancellationToken).ConfigureAwait(false);
        return new ReferralList(agency, items);
    }

    private static void GetCaseUseCaseDemand(AccessDecision decision) => Cases.GetCaseUseCase.Demand(decision);
}
