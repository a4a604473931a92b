using NodaTime;
using TaskForce.Domain.Cases;

namespace TaskForce.Application.Cases;

/// <summary>A victim's consent as shown (ADR-018): the flags as they stand now, who gave them, when and by whom they
/// were recorded, and whether consent to reporting or sharing was withdrawn.</summary>
/// <param name="ForServices">Consent to receive services.</param>
/// <param name="ForReporting">Consent to be counted, without identity, in reports.</param>
/// <param name="ForSharing">Consent to share the case with other agencies.</param>
/// <param name="GivenBy">Who gave it: <c>self</c>, <c>parent_or_guardian</c> or <c>other</c>.</param>
/// <param name="RecordedAt">When it was recorded (UTC).</param>
/// <param name="RecordedBy">The staff account that recorded it, or <see langword="null"/> (at intake, or before consent was kept per victim).</param>
/// <param name="RecordedByAgency">The agency the recorder acted for, or <see langword="null"/>.</param>
/// <param name="ReportingWithdrawn">Whether consent to reporting was given and later withdrawn.</param>
/// <param name="SharingWithdrawn">Whether consent to sharing was given and later withdrawn.</param>
public sealed record VictimConsentView(
    bool ForServices,
    bool ForReporting,
    bool ForSharing,
    string GivenBy,
    Instant RecordedAt,
    string? RecordedBy,
    string? RecordedByAgency,
    bool ReportingWithdrawn,
    bool SharingWithdrawn)
{
    /// <summary>Shows a victim's consent.</summary>
    /// <param name="consent">The consent, or <see langword="null"/>.</param>
    /// <returns>The view, or <see langword="null"/> when <paramref name="consent"/> is.</returns>
    public static VictimConsentView? From(VictimConsent? consent) => consent is null
        ? null
        : new(consent.ForServices, consent.ForReporting, consent.ForSharing, consent.GivenBy.ToCode(), consent.RecordedAt,
            consent.RecordedBy?.UserId, consent.RecordedBy?.Agency, consent.ReportingWithdrawn, consent.SharingWithdrawn);
}
