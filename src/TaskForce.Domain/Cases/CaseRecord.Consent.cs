using NodaTime;
using TaskForce.Domain.Cases.History;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Domain.Resources;
using TaskForce.Domain.Workflows;

namespace TaskForce.Domain.Cases;

/// <content>Consent per victim: given, changed or withdrawn after intake, each change with its history (ADR-018).</content>
public sealed partial class CaseRecord
{
    private readonly Dictionary<PersonId, VictimConsent> _victimConsents = [];

    /// <summary>Gets each victim's consent as it stands now, by victim id (victims without consent are absent).</summary>
    public IReadOnlyDictionary<PersonId, VictimConsent> VictimConsents => _victimConsents;

    /// <summary>Gets the consent to share the case with other agencies, over all its victims: a referral shares the
    /// whole case, so it needs every victim's consent (docs/sources.md#primero; UU 27/2022 Pasal 20).</summary>
    /// <value><see cref="ConsentToShare.Withdrawn"/> when any victim withdrew it; else <see cref="ConsentToShare.Refused"/>
    /// when any victim refused it; else <see cref="ConsentToShare.NotRecorded"/> when any victim has no consent
    /// recorded; else <see cref="ConsentToShare.Given"/>. A case without victims follows its intake
    /// <see cref="Consent"/> (given, refused, or not recorded).</value>
    public ConsentToShare SharingConsent
    {
        get
        {
            if (_victims.Count == 0)
            {
                return Consent is null ? ConsentToShare.NotRecorded : Consent.ForSharing ? ConsentToShare.Given : ConsentToShare.Refused;
            }

            var all = _victims.Select(v => ConsentOf(v.Id)).ToList();
            return all.Any(c => c is { SharingWithdrawn: true }) ? ConsentToShare.Withdrawn
                : all.Any(c => c is { ForSharing: false }) ? ConsentToShare.Refused
                : all.Any(c => c is null) ? ConsentToShare.NotRecorded
                : ConsentToShare.Given;
        }
    }

    /// <summary>Returns a victim's consent as it stands now.</summary>
    /// <param name="victim">The victim's id, e.g. <c>victim-2</c>.</param>
    /// <returns>The consent, or <see langword="null"/> when none is recorded for that victim.</returns>
    public VictimConsent? ConsentOf(PersonId victim) => _victimConsents.GetValueOrDefault(victim);

    /// <summary>Tells whether a victim may be counted, without identity, in aggregates computed now.</summary>
    /// <param name="victim">The victim's id.</param>
    /// <returns><see langword="true"/> when her consent to reporting is on file as given.</returns>
    public bool CountsForReporting(PersonId victim) => ConsentOf(victim)?.ForReporting == true;

    /// <summary>Gives, changes or withdraws one victim's consent (services, reporting, sharing), replacing her earlier
    /// consent, with its history (<see cref="CaseChangeKind.ConsentRecorded"/>).</summary>
    /// <param name="victim">The victim's id (e.g. <c>victim-1</c>).</param>
    /// <param name="input">The three flags and who gives them.</param>
    /// <param name="context">Who records it, when (the consent's instant) and, optionally, why. Cannot be
    /// <see langword="null"/>.</param>
    /// <returns>The change: its fields are the victim's consent values that differ (<c>victim_consents[victim-1].for_reporting</c>,
    /// ...); the recording instant always differs, so every call records a change (a repeated consent is a new
    /// declaration by the person, dated).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">No victim has that id (<c>person_id</c>); a flag or the giver is
    /// missing or unknown (<c>for_services</c>, <c>for_reporting</c>, <c>for_sharing</c>, <c>given_by</c>); or
    /// <c>self</c> gives it while the victim is a child on the day it is given (district zone): her age then is
    /// judged, not her age at the act (<see cref="Legal.ChildAge.StatusOn"/>; UU 35/2014 [R]), <c>given_by</c>.</exception>
    public CaseChange RecordVictimConsent(PersonId victim, NewConsent? input, ChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var v = _victims.FirstOrDefault(x => x.Id == victim)
            ?? throw new DomainValidationException("person_id", Texts.Format(CasesText.CaseHasNoVictim, Id.Value, victim.Value));
        var flags = ConsentRecord.Create(input, context.At, string.Empty);
        if (flags.GivenBy == ConsentGiver.Self && IsChildOnDayOf(v, context.At))
        {
            throw new DomainValidationException("given_by", Texts.Format(CasesText.ChildConsentNotBySelf, v.Id.Value));
        }

        var next = Withdrawals(new VictimConsent(flags.ForServices, flags.ForReporting, flags.ForSharing, flags.GivenBy, context.At, context.Actor), ConsentOf(v.Id));
        return Track(CaseChangeKind.ConsentRecorded, v.Id, context, () => _victimConsents[v.Id] = next);
    }

    /// <summary>Whether a victim is certainly a child on the business date of an instant.</summary>
    private bool IsChildOnDayOf(Victim v, Instant at)
    {
        LocalDate day = DistrictTime.BusinessDate(at, _zone);
        return Legal.ChildAge.StatusOn(v.BirthDate, v.BirthDate is null ? v.AgeAtOffence : null, v.Unborn, OffenceDate, day) == ChildStatus.Child;
    }

    /// <summary>Marks what the new consent withdraws: a flag now false that was true (or already withdrawn) before.</summary>
    private static VictimConsent Withdrawals(VictimConsent next, VictimConsent? before) => next with
    {
        ReportingWithdrawn = !next.ForReporting && before is not null && (before.ForReporting || before.ReportingWithdrawn),
        SharingWithdrawn = !next.ForSharing && before is not null && (before.ForSharing || before.SharingWithdrawn),
    };

    /// <summary>The victims' consents in stored form, in victim order.</summary>
    private List<PersonState<VictimConsentState>> VictimConsentStates() =>
        [.. _victims.Where(v => _victimConsents.ContainsKey(v.Id)).Select(v =>
        {
            var c = _victimConsents[v.Id];
            return new PersonState<VictimConsentState>(v.Id.Value, new VictimConsentState
            {
                ForServices = c.ForServices,
                ForReporting = c.ForReporting,
                ForSharing = c.ForSharing,
                GivenBy = c.GivenBy.ToCode(),
                RecordedAt = c.RecordedAt,
                RecordedByUser = c.RecordedBy?.UserId,
                RecordedByAgency = c.RecordedBy?.Agency,
                ReportingWithdrawn = c.ReportingWithdrawn,
                SharingWithdrawn = c.SharingWithdrawn,
            });
        })];

    /// <summary>Restores the victims' consents: the stored list, or, for a case stored before consent was kept per
    /// victim (<see cref="CaseRecordState.VictimConsents"/> absent), the case's consent applied to every victim.</summary>
    private void RestoreConsents(CaseRecordState state)
    {
        if (state.VictimConsents is null)
        {
            if (Consent is { } legacy)
            {
                foreach (var v in _victims)
                {
                    _victimConsents[v.Id] = new VictimConsent(legacy.ForServices, legacy.ForReporting, legacy.ForSharing, legacy.GivenBy, legacy.RecordedAt, null);
                }
            }

            return;
        }

        for (int i = 0; i < state.VictimConsents.Count; i++)
        {
            string field = $"victim_consents[{i}]";
            var p = state.VictimConsents[i] ?? throw new DomainValidationException(field, CasesText.StoredConsentNull);
            var id = new PersonId(p.Id);
            if (!_victims.Any(v => v.Id == id) || _victimConsents.ContainsKey(id))
            {
                throw new DomainValidationException($"{field}.id", Texts.Format(CasesText.StoredConsentNotAVictim, p.Id));
            }

            var s = p.Person ?? throw new DomainValidationException(field, CasesText.StoredConsentNoValues);
            Instant at = s.RecordedAt ?? throw new DomainValidationException($"{field}.recorded_at", CasesText.StoredConsentNoRecordingTime);
            var flags = ConsentRecord.Create(new NewConsent { ForServices = s.ForServices, ForReporting = s.ForReporting, ForSharing = s.ForSharing, GivenBy = s.GivenBy }, at, field);
            Actor? by = s.RecordedByUser is null ? null : Actor.Create(s.RecordedByUser, s.RecordedByAgency);
            _victimConsents[id] = new VictimConsent(flags.ForServices, flags.ForReporting, flags.ForSharing, flags.GivenBy, at, by)
            {
                ReportingWithdrawn = s.ReportingWithdrawn && !flags.ForReporting,
                SharingWithdrawn = s.SharingWithdrawn && !flags.ForSharing,
            };
        }
    }
}
