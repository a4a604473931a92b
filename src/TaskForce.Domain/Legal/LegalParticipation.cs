namespace TaskForce.Domain.Legal;

/// <summary>How an accused took part, for sentencing ranges.</summary>
/// <remarks>
/// Under UU 21/2007, attempt and aiding (Pasal 10) and conspiracy (Pasal 11) take the same penalty as the completed
/// offence of Pasal 2–6 [R, docs/sources.md#uu-21-2007-penalties]. Under other laws the general criminal code applies: until
/// 1 January 2026 KUHP (WvS) Pasal 53 (attempt: the maximum <em>may</em> be reduced by one third) and Pasal 57(1)
/// (aiding: the maximum is reduced by one third); from 2 January 2026 UU 1/2023 Pasal 17 and 21 (the maximum is two
/// thirds) [R]. Co-perpetration (turut serta, KUHP Pasal 55; UU 1/2023 Pasal 20) is <see cref="Perpetrator"/>.
/// </remarks>
public enum LegalParticipation
{
    /// <summary>Perpetrator or co-perpetrator. Wire code <c>perpetrator</c>.</summary>
    Perpetrator = 1,

    /// <summary>Attempt (percobaan). Wire code <c>attempt</c>.</summary>
    Attempt = 2,

    /// <summary>Aiding (pembantuan). Wire code <c>aiding</c>.</summary>
    Aiding = 3,

    /// <summary>Conspiracy (permufakatan jahat). Wire code <c>conspiracy</c>.</summary>
    Conspiracy = 4,
}
