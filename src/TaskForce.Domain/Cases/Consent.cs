using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Cases;

/// <summary>
/// The consent recorded on a case: to receive services, to be counted (without identity) in reports, and to be
/// shared with other agencies (Primero <c>consent_for_services</c>, <c>consent_reporting</c>,
/// <c>disclosure_other_orgs</c>; docs/sources.md#primero).
/// </summary>
/// <remarks>
/// Consent here is about data and services; it has nothing to do with the victim's consent to the trafficking, which
/// the law disregards (UU 21/2007 Pasal 26). Statistics count only records with <see cref="ForReporting"/> (Primero's
/// rule), and referral to another agency needs <see cref="ForSharing"/>. For a child, a parent or guardian gives
/// consent (UU 35/2014 [R]).
/// </remarks>
/// <param name="ForServices">Consent to receive services.</param>
/// <param name="ForReporting">Consent to be counted, without identity, in reports and statistics.</param>
/// <param name="ForSharing">Consent to share the case with other agencies.</param>
/// <param name="GivenBy">Who gave it.</param>
/// <param name="RecordedAt">When it was recorded (UTC instant, from the injected clock).</param>
public sealed record ConsentRecord(bool ForServices, bool ForReporting, bool ForSharing, ConsentGiver GivenBy, Instant RecordedAt)
{
    /// <summary>Validates consent flags sent by a client.</summary>
    /// <param name="input">The flags as sent.</param>
    /// <param name="recordedAt">When it is recorded.</param>
    /// <param name="field">The wire name of the consent object; empty when the flags are the top-level members of a
    /// request body (errors then name <c>for_services</c>, ...).</param>
    /// <returns>The record.</returns>
    /// <exception cref="DomainValidationException">The object or one of its four values is missing, or the giver code
    /// is unknown.</exception>
    public static ConsentRecord Create(NewConsent? input, Instant recordedAt, string field = "consent")
    {
        if (input is null)
        {
            throw new DomainValidationException(field.Length == 0 ? "for_services" : field, CasesText.ConsentFlagsRequired);
        }

        string prefix = field.Length == 0 ? string.Empty : field + ".";
        bool services = input.ForServices ?? throw new DomainValidationException($"{prefix}for_services", CasesText.ConsentForServicesRequired);
        bool reporting = input.ForReporting ?? throw new DomainValidationException($"{prefix}for_reporting", CasesText.ConsentForReportingRequired);
        bool sharing = input.ForSharing ?? throw new DomainValidationException($"{prefix}for_sharing", CasesText.ConsentForSharingRequired);
        var giver = CaseCodes.ConsentGivers.Parse(input.GivenBy, $"{prefix}given_by");
        return new ConsentRecord(services, reporting, sharing, giver, recordedAt);
    }
}
