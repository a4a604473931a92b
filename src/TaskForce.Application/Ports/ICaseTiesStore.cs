using TaskForce.Application.Access;
using NodaTime;
using TaskForce.Domain.Cases.History;
using TaskForce.Domain.Workflows;

namespace TaskForce.Application.Ports;

/// <summary>A change of a case's owner agency made together with a workflow transition (a transfer accepted by its
/// receiving agency, ADR-020): storage changes the case row's owner, clears its assignment and adds a history entry
/// of kind <see cref="CaseChangeKind.OwnershipTransferred"/> (fields <c>owner_agency</c> and <c>assigned_to</c>, old
/// values as stored) in the same transaction as the workflow's event.</summary>
/// <param name="NewOwner">The new owner agency's code.</param>
/// <param name="Actor">Who accepted the transfer.</param>
/// <param name="At">When (UTC instant).</param>
/// <param name="Reason">The transition's reason, or <see langword="null"/> (stored encrypted in the history).</param>
public sealed record CaseOwnerChange(string NewOwner, Actor Actor, Instant At, string? Reason);

/// <summary>The assignment of a case after a change.</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="AssignedTo">The staff account id of the assigned case worker, or <see langword="null"/> when the
/// assignment was cleared.</param>
/// <param name="HistorySequence">The sequence of the history entry that recorded the change (ADR-016); 0 when the
/// case was already so assigned and nothing was written.</param>
public sealed record CaseAssignment(string CaseId, string? AssignedTo, int HistorySequence);

/// <summary>One referral or transfer in an agency's list (<c>GET /referrals</c>): no identity, no reason.</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="SubjectId">The referral's instance id within the case.</param>
/// <param name="Kind">The kind code: <c>referral</c> or <c>transfer</c>.</param>
/// <param name="FromAgency">The referring agency's code.</param>
/// <param name="ToAgency">The receiving agency's code.</param>
/// <param name="State">The state code: <c>in_progress</c>, <c>accepted</c>, <c>rejected</c>, <c>done</c> or
/// <c>revoked</c>.</param>
/// <param name="Version">The instance's version (sequence of its last event).</param>
/// <param name="UpdatedAt">When it last changed (UTC, ISO 8601 text).</param>
public sealed record ReferralListItem(string CaseId, string SubjectId, string Kind, string FromAgency, string ToAgency, string State, int Version, string UpdatedAt);

/// <summary>One page of an agency's referrals as the store reads it.</summary>
/// <param name="Items">The items, in key order (case, then referral id).</param>
/// <param name="ResumeAfter">The store's position after the last item when more items follow (to be handed out as an
/// opaque cursor), or <see langword="null"/> on the last page.</param>
public sealed record ReferralSlice(IReadOnlyList<ReferralListItem> Items, string? ResumeAfter);

/// <summary>
/// Reads and writes the facts that tie agencies to a case (ADR-020): the owner and the assignee from the case
/// partition, the referrals and the criminal-justice agencies from its workflow rows.
/// </summary>
public interface ICaseTiesStore
{
    /// <summary>Reads a case's ties in one partition query (nothing decrypted).</summary>
    /// <param name="caseId">The case id. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The ties, or <see langword="null"/> when no case is stored under the id.</returns>
    Task<CaseTies?> ReadAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>Assigns a case to a case worker, reassigns or clears it, with a history entry of kind
    /// <see cref="CaseChangeKind.Assigned"/> in the same transaction.</summary>
    /// <param name="caseId">The case id. Cannot be <see langword="null"/>.</param>
    /// <param name="change">The history entry; its one field is <c>assigned_to</c> with the old and new account ids.
    /// Cannot be <see langword="null"/>.</param>
    /// <param name="assignedTo">The new assignee, or <see langword="null"/> to clear.</param>
    /// <param name="expectedOwner">The owner agency the decision was made for: the write fails when the owner changed
    /// meanwhile.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The assignment and the history sequence.</returns>
    /// <exception cref="ConcurrencyConflictException">The case changed during the call, or its owner is no longer
    /// <paramref name="expectedOwner"/>.</exception>
    Task<CaseAssignment> AssignAsync(string caseId, CaseChange change, string? assignedTo, string expectedOwner, CancellationToken cancellationToken = default);

    /// <summary>Lists one page of the referrals and transfers addressed to an agency, across cases (a scan of the
    /// referral state rows, ADR-020), in key order: by case, then by the referral's id. The order does not depend on
    /// a referral's state or last change, so a listing that follows <see cref="ReferralSlice.ResumeAfter"/> reaches
    /// every referral stored throughout it exactly once.</summary>
    /// <param name="toAgency">The receiving agency's code. Cannot be <see langword="null"/>.</param>
    /// <param name="state">A state code to keep only, or <see langword="null"/> for every state.</param>
    /// <param name="after">The <see cref="ReferralSlice.ResumeAfter"/> of the previous page, or <see langword="null"/>
    /// for the first page.</param>
    /// <param name="limit">The most items returned (1 to 1000).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The items, at most <paramref name="limit"/>, and where the next page starts.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is outside 1 to 1000.</exception>
    /// <exception cref="ArgumentException"><paramref name="after"/> is not a position this store handed out.</exception>
    Task<ReferralSlice> ListReferralsAsync(string toAgency, string? state, string? after, int limit, CancellationToken cancellationToken = default);
}
