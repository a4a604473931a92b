using TaskForce.Domain.Workflows;

namespace TaskForce.Application.Access;

/// <summary>How the caller's agency stands to one case (ADR-020). Several can hold at once (an agency may own a case
/// and be involved in its criminal-justice track); <see cref="Unrelated"/> is the absence of every tie.</summary>
[Flags]
public enum CaseRelationship
{
    /// <summary>No tie: the agency neither owns the case, nor works its criminal-justice track, nor holds or is
    /// offered a referral of it. Wire code <c>unrelated</c>.</summary>
    Unrelated = 0,

    /// <summary>The agency owns the case (the owner agency on the case row: the creating agency, or the receiving
    /// agency of a completed transfer). Wire code <c>own</c>.</summary>
    Own = 1,

    /// <summary>The agency worked the case's criminal-justice track: an actor of the agency started or moved one of the
    /// case's <c>criminal_justice</c> workflows (its audit events name the agency). Wire code <c>involved</c>.</summary>
    Involved = 2,

    /// <summary>The agency is the receiving agency of a referral of the case that is <c>accepted</c> now (not done,
    /// rejected or revoked). Wire code <c>referred</c>.</summary>
    Referred = 4,

    /// <summary>The agency is the receiving agency of a referral or transfer of the case still <c>in_progress</c>: it
    /// may read the case without identity and accept or reject. Wire code <c>addressed</c>.</summary>
    Addressed = 8,
}

/// <summary>One referral or transfer of a case as the access table reads it (from the referral workflow's state row;
/// no personal data).</summary>
/// <param name="SubjectId">The referral's instance id within the case.</param>
/// <param name="Kind">Referral (a service; ownership stays) or transfer (ownership moves on acceptance).</param>
/// <param name="FromAgency">The referring agency's code.</param>
/// <param name="ToAgency">The receiving agency's code.</param>
/// <param name="State">The state code now: <c>in_progress</c>, <c>accepted</c>, <c>rejected</c>, <c>done</c> or
/// <c>revoked</c>.</param>
public sealed record ReferralTie(string SubjectId, ReferralKind Kind, string FromAgency, string ToAgency, string State);

/// <summary>
/// The facts about a case that decide who may do what with it besides the caller's roles (ADR-020): its owner agency
/// and assigned case worker (case partition, <c>case</c> and <c>assignment</c> rows), its referrals and the agencies
/// of its criminal-justice track (the workflow rows), and whether every victim consents to sharing (ADR-018). Read in
/// one partition query by <see cref="Ports.ICaseTiesStore"/>; no identity value.
/// </summary>
/// <param name="OwnerAgency">The owning agency's code.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record CaseTies(string OwnerAgency)
{
    /// <summary>Gets the staff account id of the case worker the case is assigned to, or <see langword="null"/>.</summary>
    /// <value>A staff account id (never a victim's data), or <see langword="null"/> when the case is unassigned.</value>
    public string? AssignedTo { get; init; }

    /// <summary>Gets the case's referrals and transfers, in any state.</summary>
    /// <value>Possibly empty.</value>
    public IReadOnlyList<ReferralTie> Referrals { get; init; } = [];

    /// <summary>Gets the agencies whose actors started or moved a criminal-justice workflow of the case.</summary>
    /// <value>Agency codes, lower case; possibly empty.</value>
    public IReadOnlyList<string> JusticeAgencies { get; init; } = [];

    /// <summary>Gets a value indicating whether every victim of the case consents to sharing now (ADR-018: the case's
    /// consent to share is <c>given</c>). A referred agency sees identity only then.</summary>
    /// <value><see langword="true"/> only with consent given.</value>
    public bool SharingConsentGiven { get; init; }

    /// <summary>Returns the ties of a case of which only the owner is known (no assignee, referral or criminal-justice
    /// agency is read): enough for the operations only the owner and the coordinator may do.</summary>
    /// <param name="ownerAgency">The owning agency's code. Cannot be <see langword="null"/>.</param>
    /// <returns>The ties.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ownerAgency"/> is <see langword="null"/>.</exception>
    public static CaseTies OwnedBy(string ownerAgency)
    {
        ArgumentNullException.ThrowIfNull(ownerAgency);
        return new CaseTies(ownerAgency);
    }

    /// <summary>Returns how an agency stands to the case.</summary>
    /// <param name="agency">The agency code (compared ignoring case), or <see langword="null"/> (then
    /// <see cref="CaseRelationship.Unrelated"/>).</param>
    /// <returns>The ties, combined.</returns>
    public CaseRelationship RelationOf(string? agency)
    {
        if (string.IsNullOrWhiteSpace(agency))
        {
            return CaseRelationship.Unrelated;
        }

        var relation = CaseRelationship.Unrelated;
        if (Same(OwnerAgency, agency))
        {
            relation |= CaseRelationship.Own;
        }

        if (JusticeAgencies.Any(a => Same(a, agency)))
        {
            relation |= CaseRelationship.Involved;
        }

        foreach (var r in Referrals.Where(r => Same(r.ToAgency, agency)))
        {
            relation |= r.State switch
            {
                "accepted" when r.Kind == ReferralKind.Referral => CaseRelationship.Referred,
                "in_progress" => CaseRelationship.Addressed,
                _ => CaseRelationship.Unrelated,
            };
        }

        return relation;
    }

    /// <summary>Returns the wire codes of a relationship, for decisions and logs.</summary>
    /// <param name="relation">The relationship.</param>
    /// <returns>For example <c>own,involved</c>, or <c>unrelated</c>.</returns>
    public static string ToCodes(CaseRelationship relation) =>
        relation == CaseRelationship.Unrelated
            ? "unrelated"
            : string.Join(',', new[] { (CaseRelationship.Own, "own"), (CaseRelationship.Involved, "involved"), (CaseRelationship.Referred, "referred"), (CaseRelationship.Addressed, "addressed") }
                .Where(p => relation.HasFlag(p.Item1)).Select(p => p.Item2));

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
