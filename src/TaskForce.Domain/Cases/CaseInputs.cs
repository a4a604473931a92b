using NodaTime;
using TaskForce.Domain.Common;

namespace TaskForce.Domain.Cases;

/// <summary>An agency as sent by a client.</summary>
/// <param name="Kind">The agency kind code (e.g. <c>uptd_ppa</c>). Required.</param>
/// <param name="Name">The agency's name, e.g. <c>UPTD PPA Kabupaten TTU</c> (1–200 characters). Required. Not personal data.</param>
public sealed record NewAgency(string? Kind, string? Name);

/// <summary>Identity values as sent by a client; every member is <see cref="IdentifyingAttribute">identifying</see>.</summary>
public sealed record NewIdentity
{
    /// <summary>Gets the full name.</summary>
    [Identifying]
    public string? FullName { get; init; }

    /// <summary>Gets other names.</summary>
    [Identifying]
    public IReadOnlyList<string>? Aliases { get; init; }

    /// <summary>Gets the national ID number (NIK, 16 digits).</summary>
    [Identifying]
    public string? NationalIdNumber { get; init; }

    /// <summary>Gets the address.</summary>
    [Identifying]
    public string? Address { get; init; }

    /// <summary>Gets the phone number.</summary>
    [Identifying]
    public string? Phone { get; init; }

    /// <summary>Gets the place of birth.</summary>
    [Identifying(IdentifyingKind.QuasiIdentifier)]
    public string? BirthPlace { get; init; }
}

/// <summary>A victim as sent by a client.</summary>
public sealed record NewVictim
{
    /// <summary>Gets the sex code (<c>female</c>, <c>male</c>, <c>unknown</c>); <see langword="null"/> is unknown.</summary>
    public string? Sex { get; init; }

    /// <summary>Gets the birth date, if known (a quasi-identifier).</summary>
    [Identifying(IdentifyingKind.QuasiIdentifier)]
    public LocalDate? BirthDate { get; init; }

    /// <summary>Gets the age in completed years at the act, if known, in [0, 130].</summary>
    public int? AgeAtOffence { get; init; }

    /// <summary>Gets a value indicating whether the victim was still in the womb at the act.</summary>
    public bool Unborn { get; init; }

    /// <summary>Gets the citizenship, ISO 3166-1 alpha-2 (e.g. <c>ID</c>), if known.</summary>
    public string? Citizenship { get; init; }

    /// <summary>Gets whether the victim has a disability (SIMFONI "difabel"), if known.</summary>
    public bool? Disability { get; init; }

    /// <summary>Gets the migrant-worker status code (<c>not_migrant_worker</c>, <c>procedural</c>,
    /// <c>non_procedural</c>, <c>unknown</c>); <see langword="null"/> is unknown.</summary>
    public string? MigrantWorkerStatus { get; init; }

    /// <summary>Gets the identity values, if any.</summary>
    public NewIdentity? Identity { get; init; }
}

/// <summary>A suspect or perpetrator as sent by a client.</summary>
public sealed record NewSuspect
{
    /// <summary>Gets the sex code; <see langword="null"/> is unknown.</summary>
    public string? Sex { get; init; }

    /// <summary>Gets the HTCDS roles in the trafficking process (e.g. <c>recruiter</c>); at least one.</summary>
    public IReadOnlyList<string>? Roles { get; init; }

    /// <summary>Gets whether the suspect is a state official (penyelenggara negara; UU 21/2007 Pasal 8).</summary>
    public bool StateOfficial { get; init; }

    /// <summary>Gets whether the suspect is a corporation (UU 21/2007 Pasal 13–15).</summary>
    public bool Corporation { get; init; }

    /// <summary>Gets the citizenship, ISO 3166-1 alpha-2, if known.</summary>
    public string? Citizenship { get; init; }

    /// <summary>Gets the identity values, if any.</summary>
    public NewIdentity? Identity { get; init; }
}

/// <summary>A witness as sent by a client.</summary>
public sealed record NewWitness
{
    /// <summary>Gets the identity values, if any.</summary>
    public NewIdentity? Identity { get; init; }

    /// <summary>Gets whether the witness is a child (a child witness is heard with the protections of UU 21/2007
    /// Pasal 38–40).</summary>
    public bool Child { get; init; }
}

/// <summary>The trafficking elements as sent by a client (codes per docs/wire-contract.md, <c>qualify</c>).</summary>
public sealed record NewTraffickingElements
{
    /// <summary>Gets the act codes (e.g. <c>perekrutan</c>).</summary>
    public IReadOnlyList<string>? Acts { get; init; }

    /// <summary>Gets the means codes (e.g. <c>penipuan</c>).</summary>
    public IReadOnlyList<string>? Means { get; init; }

    /// <summary>Gets the purpose codes (e.g. <c>kerja_paksa</c>).</summary>
    public IReadOnlyList<string>? Purposes { get; init; }

    /// <summary>Gets the harm codes (e.g. <c>luka_berat</c>).</summary>
    public IReadOnlyList<string>? Harms { get; init; }

    /// <summary>Gets whether exploitation actually happened (UU 21/2007 Pasal 2(2)), if known.</summary>
    public bool? ExploitationOccurred { get; init; }

    /// <summary>Gets whether the victim consented; recorded, never decisive (Pasal 1 angka 7, Pasal 26).</summary>
    public bool? VictimConsented { get; init; }

    /// <summary>Gets whether the victim committed an offence under the trafficker's coercion (Pasal 18).</summary>
    public bool? VictimCommittedCoercedOffence { get; init; }
}

/// <summary>The places of a case as sent by a client.</summary>
public sealed record NewPlaces
{
    /// <summary>Gets the victims' kecamatan of origin, a Kemendagri code of shape <c>NN.NN.NN</c> (e.g. <c>53.03.01</c>).</summary>
    public string? OriginKecamatan { get; init; }

    /// <summary>Gets the transit places in travel order.</summary>
    public IReadOnlyList<NewTransitPlace>? Transit { get; init; }

    /// <summary>Gets the destination country, ISO 3166-1 alpha-2.</summary>
    public string? DestinationCountry { get; init; }

    /// <summary>Gets the destination province in Indonesia, a Kemendagri province code (e.g. <c>21</c> Kepulauan Riau).</summary>
    public string? DestinationProvince { get; init; }
}

/// <summary>One transit place: exactly one of an Indonesian region or a foreign country.</summary>
/// <param name="Region">A Kemendagri region code (any level), or <see langword="null"/>.</param>
/// <param name="Country">An ISO 3166-1 alpha-2 code other than <c>ID</c>, or <see langword="null"/>.</param>
public sealed record NewTransitPlace(string? Region, string? Country);

/// <summary>Consent flags as sent by a client (Primero consent fields, docs/sources.md#primero).</summary>
public sealed record NewConsent
{
    /// <summary>Gets consent to receive services. Required.</summary>
    public bool? ForServices { get; init; }

    /// <summary>Gets consent to be counted, without identity, in reports and statistics. Required.</summary>
    public bool? ForReporting { get; init; }

    /// <summary>Gets consent to share the case with other agencies (referral). Required.</summary>
    public bool? ForSharing { get; init; }

    /// <summary>Gets who gave consent (<c>self</c>, <c>parent_or_guardian</c>, <c>other</c>). Required.</summary>
    public string? GivenBy { get; init; }
}

/// <summary>The answers of the GBVIMS classification tool, asked in its order (docs/sources.md#gbvims). Answers after the first
/// "yes" may be left <see langword="null"/>.</summary>
public sealed record NewGbvAnswers
{
    /// <summary>Gets: did the incident involve penetration?</summary>
    public bool? Penetration { get; init; }

    /// <summary>Gets: did it involve unwanted sexual contact?</summary>
    public bool? UnwantedSexualContact { get; init; }

    /// <summary>Gets: did it involve physical assault?</summary>
    public bool? PhysicalAssault { get; init; }

    /// <summary>Gets: was it an act of forced marriage?</summary>
    public bool? ForcedMarriage { get; init; }

    /// <summary>Gets: did it involve denial of resources, opportunities or services?</summary>
    public bool? DenialOfResources { get; init; }

    /// <summary>Gets: did it involve psychological or emotional abuse?</summary>
    public bool? PsychologicalAbuse { get; init; }
}
