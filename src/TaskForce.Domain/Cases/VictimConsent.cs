using NodaTime;
using TaskForce.Domain.Workflows;

namespace TaskForce.Domain.Cases;

/// <summary>
/// One victim's consent as it stands now: to receive services, to be counted (without identity) in reports, and to be
/// shared with other agencies (Primero <c>consent_for_services</c>, <c>consent_reporting</c>,
/// <c>disclosure_other_orgs</c>; docs/sources.md#primero), with who gave it, when and who recorded it.
/// </summary>
/// <remarks>
/// <para>Consent belongs to each victim (UU 27/2022 Pasal 20(2) huruf a, Pasal 9: the data subject may withdraw consent
/// at any time): a victim, or for a child a parent or guardian (UU 35/2014 [R]), gives, changes or withdraws it later
/// through <see cref="CaseRecord.RecordVictimConsent"/>, each time a case change with its history (ADR-018). The
/// earlier values stay in the case history, not here.</para>
/// <para>Effects: a victim without <see cref="ForReporting"/> is left out of every aggregate computed after the change
/// (the counting read model and the hidden-victim lists); a case is referred only while every victim's
/// <see cref="ForSharing"/> is given (<see cref="CaseRecord.SharingConsent"/>).</para>
/// </remarks>
/// <param name="ForServices">Consent to receive services.</param>
/// <param name="ForReporting">Consent to be counted, without identity, in reports and statistics.</param>
/// <param name="ForSharing">Consent to share the case with other agencies.</param>
/// <param name="GivenBy">Who gave (or withdrew) it.</param>
/// <param name="RecordedAt">When it was recorded (UTC instant, from the injected clock).</param>
/// <param name="RecordedBy">The staff member and agency who recorded it, or <see langword="null"/> for consent recorded
/// at intake or restored from a case stored before consent was kept per victim.</param>
public sealed record VictimConsent(bool ForServices, bool ForReporting, bool ForSharing, ConsentGiver GivenBy, Instant RecordedAt, Actor? RecordedBy)
{
    /// <summary>Gets a value indicating whether consent to reporting was given earlier and is now withdrawn.</summary>
    public bool ReportingWithdrawn { get; init; }

    /// <summary>Gets a value indicating whether consent to sharing was given earlier and is now withdrawn.</summary>
    public bool SharingWithdrawn { get; init; }
}

/// <summary>A victim's consent in its stored form (wire codes), part of <see cref="CaseRecordState"/>.</summary>
public sealed record VictimConsentState
{
    /// <summary>Gets consent to receive services.</summary>
    public bool? ForServices { get; init; }

    /// <summary>Gets consent to be counted in reports.</summary>
    public bool? ForReporting { get; init; }

    /// <summary>Gets consent to share with other agencies.</summary>
    public bool? ForSharing { get; init; }

    /// <summary>Gets who gave it (<c>self</c>, <c>parent_or_guardian</c>, <c>other</c>).</summary>
    public string? GivenBy { get; init; }

    /// <summary>Gets when it was recorded (UTC).</summary>
    public Instant? RecordedAt { get; init; }

    /// <summary>Gets the staff account that recorded it, or <see langword="null"/> (intake, or a case stored before
    /// consent was kept per victim). A staff id is not personal data of the persons recorded.</summary>
    public string? RecordedByUser { get; init; }

    /// <summary>Gets the agency code the recorder acted for, or <see langword="null"/> with <see cref="RecordedByUser"/>.</summary>
    public string? RecordedByAgency { get; init; }

    /// <summary>Gets whether consent to reporting was given earlier and is now withdrawn.</summary>
    public bool ReportingWithdrawn { get; init; }

    /// <summary>Gets whether consent to sharing was given earlier and is now withdrawn.</summary>
    public bool SharingWithdrawn { get; init; }
}
